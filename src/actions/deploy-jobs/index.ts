import { runAction } from '../common/run.js';

await runAction({ command: 'deploy', only: ['jobs'], title: 'databricks-dr deploy jobs' });
