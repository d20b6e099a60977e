import { runAction } from '../common/run.js';

await runAction({ title: 'databricks-dr' });
