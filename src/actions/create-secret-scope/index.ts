import { runAction } from '../common/run.js';

await runAction({ command: 'deploy', only: ['secret_scopes'], title: 'databricks-dr secret scopes' });
