import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runAction
} from "../chunks/chunk-RW667GAG.js";
import "../chunks/chunk-ZIYDRWH7.js";
import "../chunks/chunk-CZYE5F4C.js";
import "../chunks/chunk-HANBNIMK.js";

// src/actions/create-secret-scope/index.ts
await runAction({ command: "deploy", only: ["secret_scopes"], title: "databricks-dr secret scopes" });
