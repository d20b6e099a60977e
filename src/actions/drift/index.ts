import { runAction } from '../common/run.js';

await runAction({ command: 'drift', title: 'databricks-dr drift' });
