import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runAction
} from "../chunks/chunk-T4MUDQS4.js";
import "../chunks/chunk-EP7P5BDE.js";
import "../chunks/chunk-JZRJ656T.js";
import "../chunks/chunk-HJJNYXUX.js";
import "../chunks/chunk-QDRFWWLI.js";
import "../chunks/chunk-HANBNIMK.js";

// src/actions/validate/index.ts
await runAction({ command: "validate", title: "databricks-dr validate" });
