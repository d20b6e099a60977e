import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runAction
} from "../chunks/chunk-NWDWRWVM.js";
import "../chunks/chunk-D3TH33E3.js";
import "../chunks/chunk-JZRJ656T.js";
import "../chunks/chunk-HJJNYXUX.js";
import "../chunks/chunk-QDRFWWLI.js";
import "../chunks/chunk-HANBNIMK.js";

// src/actions/drift/index.ts
await runAction({ command: "drift", title: "databricks-dr drift" });
