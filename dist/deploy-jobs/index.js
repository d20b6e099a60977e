import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runAction
} from "../chunks/chunk-AXZ72S6O.js";
import "../chunks/chunk-SW3KTKRV.js";
import "../chunks/chunk-I2DATHDU.js";

// src/actions/deploy-jobs/index.ts
await runAction({ command: "deploy", only: ["jobs"], title: "databricks-dr deploy jobs" });
