import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runAction
} from "../chunks/chunk-C46BE5NR.js";
import "../chunks/chunk-QRMTDOX2.js";
import "../chunks/chunk-YERZVWMK.js";
import "../chunks/chunk-JZRJ656T.js";
import "../chunks/chunk-HANBNIMK.js";

// src/actions/deploy/index.ts
await runAction({ title: "databricks-dr" });
