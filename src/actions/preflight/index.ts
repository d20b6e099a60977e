import { runAction } from '../common/run.js';

await runAction({ command: 'preflight', title: 'databricks-dr preflight' });
