import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runAction
} from "../chunks/chunk-42AZJ3MI.js";
import "../chunks/chunk-TX5W5EYP.js";
import "../chunks/chunk-JZRJ656T.js";
import "../chunks/chunk-HJJNYXUX.js";
import "../chunks/chunk-QDRFWWLI.js";
import "../chunks/chunk-HANBNIMK.js";

// src/actions/deploy-notebooks/index.ts
await runAction({ command: "deploy", only: ["notebooks"], title: "databricks-dr deploy notebooks" });
