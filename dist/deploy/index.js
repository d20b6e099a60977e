import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runAction
} from "../chunks/chunk-Q4KGXG55.js";
import "../chunks/chunk-LRD5SYGU.js";
import "../chunks/chunk-PO7V42DL.js";
import "../chunks/chunk-JZRJ656T.js";
import "../chunks/chunk-HANBNIMK.js";

// src/actions/deploy/index.ts
await runAction({ title: "databricks-dr" });
