import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runAction
} from "../chunks/chunk-OHKCPJW7.js";
import "../chunks/chunk-2OQADJ6A.js";
import "../chunks/chunk-JZRJ656T.js";
import "../chunks/chunk-HJJNYXUX.js";
import "../chunks/chunk-5T3OQJGQ.js";
import "../chunks/chunk-HANBNIMK.js";

// src/actions/deploy/index.ts
await runAction({ title: "databricks-dr" });
