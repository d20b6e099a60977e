import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runAction
} from "../chunks/chunk-7VBLOQEE.js";
import "../chunks/chunk-7VQBK4MK.js";
import "../chunks/chunk-U6V67VCG.js";
import "../chunks/chunk-JZRJ656T.js";
import "../chunks/chunk-HANBNIMK.js";

// src/actions/deploy-notebooks/index.ts
await runAction({ command: "deploy", only: ["notebooks"], title: "databricks-dr deploy notebooks" });
