import { runAction } from '../common/run.js';

await runAction({ command: 'validate', title: 'databricks-dr validate' });
