import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runAction
} from "../chunks/chunk-I56FFBIE.js";
import "../chunks/chunk-KXTVP7D6.js";
import "../chunks/chunk-VC73PZQ3.js";
import "../chunks/chunk-JZRJ656T.js";
import "../chunks/chunk-HANBNIMK.js";

// src/actions/deploy-notebooks/index.ts
await runAction({ command: "deploy", only: ["notebooks"], title: "databricks-dr deploy notebooks" });
