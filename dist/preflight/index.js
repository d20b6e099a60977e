import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runAction
} from "../chunks/chunk-5QDSXLN4.js";
import "../chunks/chunk-S3V3T6XI.js";
import "../chunks/chunk-QDRFWWLI.js";
import "../chunks/chunk-JZRJ656T.js";
import "../chunks/chunk-HANBNIMK.js";

// src/actions/preflight/index.ts
await runAction({ command: "preflight", title: "databricks-dr preflight" });
