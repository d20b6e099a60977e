import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  keepYoungGenerationSmall
} from "./chunk-HJJNYXUX.js";
import "./chunk-HANBNIMK.js";
export {
  keepYoungGenerationSmall
};
