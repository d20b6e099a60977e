import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/core/heap.ts
import v8 from "node:v8";
var TESTED_NODE_MAJORS = [22, 24];
function keepYoungGenerationSmall(nodeVersion = process.versions.node) {
  const major = Number(nodeVersion.split(".")[0]);
  if (!TESTED_NODE_MAJORS.includes(major)) return false;
  v8.setFlagsFromString("--semi-space-growth-factor=1");
  return true;
}

export {
  keepYoungGenerationSmall
};
