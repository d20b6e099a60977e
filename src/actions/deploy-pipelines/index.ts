import { runAction } from '../common/run.js';

await runAction({ command: 'deploy', only: ['pipelines'], title: 'databricks-dr deploy pipelines' });
