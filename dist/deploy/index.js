import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runAction
} from "../chunks/chunk-AIT3P2JK.js";
import "../chunks/chunk-N7554TPX.js";
import "../chunks/chunk-CZYE5F4C.js";
import "../chunks/chunk-HANBNIMK.js";

// src/actions/deploy/index.ts
await runAction({ title: "databricks-dr" });
