import { runAction } from '../common/run.js';

await runAction({ command: 'deploy', only: ['notebooks'], title: 'databricks-dr deploy notebooks' });
