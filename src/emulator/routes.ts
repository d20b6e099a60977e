/**
 * The API routes every emulated workspace serves: one router, filled once by each API module.
 * docs/emulator.md lists them (a test compares the two).
 */
import { registerAssets } from './assets-api.js';
import { registerCatalog } from './catalog.js';
import { registerClusters } from './clusters-api.js';
import { registerCompute } from './compute-api.js';
import { Router } from './context.js';
import { registerJobRuns } from './job-runs-api.js';
import { registerJobs } from './jobs-api.js';
import { registerPermissions } from './permissions-api.js';
import { registerPipelines } from './pipelines-api.js';
import { registerPrincipals } from './principals.js';
import { registerRunsSubmit } from './runs-submit.js';
import { registerSecrets } from './secrets-api.js';
import { registerStatements } from './statements-api.js';
import { registerWarehouses } from './warehouses-api.js';
import { registerWorkspace } from './workspace-api.js';

export const router = new Router();
registerJobs(router);
registerJobRuns(router);
registerRunsSubmit(router);
registerClusters(router);
registerWorkspace(router);
registerSecrets(router);
registerPrincipals(router);
registerPermissions(router);
registerPipelines(router);
registerCatalog(router);
registerCompute(router);
registerWarehouses(router);
registerStatements(router);
registerAssets(router);

/** The routes every emulated workspace serves (docs/emulator.md lists them). */
export const servedRoutes = (): string[] => router.routes();
