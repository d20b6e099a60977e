import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runAction
} from "../chunks/chunk-GNGB4S4W.js";
import "../chunks/chunk-NWADRWIB.js";
import "../chunks/chunk-6HYBG2DM.js";
import "../chunks/chunk-JZRJ656T.js";
import "../chunks/chunk-HANBNIMK.js";

// src/actions/failover/index.ts
await runAction({ command: "failover", title: "databricks-dr failover" });
