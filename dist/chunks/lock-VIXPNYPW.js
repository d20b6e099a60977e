import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  DEFAULT_LOCK_LEASE_SECONDS,
  DEFAULT_LOCK_WAIT_SECONDS,
  LockHeldError,
  RegionLock,
  acquireLock,
  describeHolder,
  lockFilePath,
  lockHolder,
  readLock,
  releaseAllLocks,
  releaseLocksOnSignals,
  removeLock,
  stateFolder
} from "./chunk-5T3OQJGQ.js";
import "./chunk-HANBNIMK.js";
export {
  DEFAULT_LOCK_LEASE_SECONDS,
  DEFAULT_LOCK_WAIT_SECONDS,
  LockHeldError,
  RegionLock,
  acquireLock,
  describeHolder,
  lockFilePath,
  lockHolder,
  readLock,
  releaseAllLocks,
  releaseLocksOnSignals,
  removeLock,
  stateFolder
};
