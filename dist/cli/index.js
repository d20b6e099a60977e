#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/cli/index.ts
var major = Number(process.versions.node.split(".")[0]);
if (major < 22) {
  process.stderr.write(
    `databricks-dr needs Node.js 22 or newer (GitHub runners use Node 24); this is Node.js ${process.versions.node}.
Get Node.js 24 (or 22): https://nodejs.org/en/download, \`nvm install 24\`, actions/setup-node with node-version: 24,
or UseNode@1 with version: 24.x. Or let npx bring one for this run:
  npx -p node@24 -p databricks-dr databricks-dr <command>
`
  );
  const { existsSync } = await import("node:fs");
  const { fileURLToPath } = await import("node:url");
  const repositoryNode = fileURLToPath(new URL("../../node_modules/.bin/node", import.meta.url));
  if (existsSync(repositoryNode))
    process.stderr.write(
      `\`npm ci\` installed Node.js 24 in this repository: run ${repositoryNode} ${process.argv[1] ?? "dist/cli/index.js"} \u2026
`
    );
  process.exit(1);
} else {
  const { keepYoungGenerationSmall } = await import("../chunks/heap-NBNQA7PH.js");
  keepYoungGenerationSmall();
  const { main } = await import("../chunks/main-3HCMFQFE.js");
  const { releaseLocksOnSignals } = await import("../chunks/lock-VIXPNYPW.js");
  releaseLocksOnSignals();
  process.exitCode = await main(process.argv.slice(2));
}
