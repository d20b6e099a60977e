import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runAction
} from "../chunks/chunk-3FHOYAOR.js";
import "../chunks/chunk-JQTPULXB.js";
import "../chunks/chunk-PO7V42DL.js";
import "../chunks/chunk-JZRJ656T.js";
import "../chunks/chunk-HANBNIMK.js";

// src/actions/failover/index.ts
await runAction({ command: "failover", title: "databricks-dr failover" });
