import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runAction
} from "../chunks/chunk-LOHOSIDG.js";
import "../chunks/chunk-26EYBKE3.js";
import "../chunks/chunk-E4LQPO5V.js";
import "../chunks/chunk-JZRJ656T.js";
import "../chunks/chunk-HANBNIMK.js";

// src/actions/deploy-notebooks/index.ts
await runAction({ command: "deploy", only: ["notebooks"], title: "databricks-dr deploy notebooks" });
