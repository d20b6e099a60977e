import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runAction
} from "../chunks/chunk-RQ6E3BMH.js";
import "../chunks/chunk-BADGASVG.js";
import "../chunks/chunk-JZRJ656T.js";
import "../chunks/chunk-HANBNIMK.js";

// src/actions/failover/index.ts
await runAction({ command: "failover", title: "databricks-dr failover" });
