import { runAction } from '../common/run.js';

await runAction({ command: 'failover', title: 'databricks-dr failover' });
