import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runAction
} from "../chunks/chunk-26OQNPRI.js";
import "../chunks/chunk-4RNRLDFA.js";
import "../chunks/chunk-JZRJ656T.js";
import "../chunks/chunk-HANBNIMK.js";

// src/actions/preflight/index.ts
await runAction({ command: "preflight", title: "databricks-dr preflight" });
