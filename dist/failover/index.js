import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runAction
} from "../chunks/chunk-L3P2V3CA.js";
import "../chunks/chunk-ZTUB2YXH.js";
import "../chunks/chunk-JZRJ656T.js";
import "../chunks/chunk-HANBNIMK.js";

// src/actions/failover/index.ts
await runAction({ command: "failover", title: "databricks-dr failover" });
