import { runAction } from '../common/run.js';

await runAction({ command: 'deploy', only: ['clusters'], title: 'databricks-dr deploy clusters' });
