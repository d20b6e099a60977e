import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runAction
} from "../chunks/chunk-T6T2E2LQ.js";
import "../chunks/chunk-EW3ID5EU.js";
import "../chunks/chunk-JZRJ656T.js";
import "../chunks/chunk-HJJNYXUX.js";
import "../chunks/chunk-QDRFWWLI.js";
import "../chunks/chunk-HANBNIMK.js";

// src/actions/deploy-jobs/index.ts
await runAction({ command: "deploy", only: ["jobs"], title: "databricks-dr deploy jobs" });
