#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/cli/index.ts
var major = Number(process.versions.node.split(".")[0]);
if (major < 22) {
  process.stderr.write(
    `databricks-dr needs Node.js 22 or newer (GitHub runners use Node 24); this is Node.js ${process.versions.node}.
Install Node.js 24 (for example with actions/setup-node or UseNode@1 version 24.x) and run it again.
`
  );
  process.exit(1);
} else {
  const { main } = await import("../chunks/main-5PCMAMLO.js");
  process.exitCode = await main(process.argv.slice(2));
}
