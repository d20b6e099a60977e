import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runAction
} from "../chunks/chunk-V2V27T6S.js";
import "../chunks/chunk-MMGXVHPO.js";
import "../chunks/chunk-JZRJ656T.js";
import "../chunks/chunk-HJJNYXUX.js";
import "../chunks/chunk-5T3OQJGQ.js";
import "../chunks/chunk-HANBNIMK.js";

// src/actions/deploy-clusters/index.ts
await runAction({ command: "deploy", only: ["clusters"], title: "databricks-dr deploy clusters" });
