import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runAction
} from "../chunks/chunk-FM3Z675H.js";
import "../chunks/chunk-H6VO7X2M.js";
import "../chunks/chunk-JZRJ656T.js";
import "../chunks/chunk-HJJNYXUX.js";
import "../chunks/chunk-QDRFWWLI.js";
import "../chunks/chunk-HANBNIMK.js";

// src/actions/deploy/index.ts
await runAction({ title: "databricks-dr" });
