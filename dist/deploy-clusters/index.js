import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  runAction
} from "../chunks/chunk-AXZ72S6O.js";
import "../chunks/chunk-SW3KTKRV.js";
import "../chunks/chunk-I2DATHDU.js";

// src/actions/deploy-clusters/index.ts
await runAction({ command: "deploy", only: ["clusters"], title: "databricks-dr deploy clusters" });
