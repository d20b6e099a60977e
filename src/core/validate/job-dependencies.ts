/**
 * A job's task dependencies: each names another task of the job (not itself), `outcome` only on
 * a condition_task, and no cycles (each reported once, along the path that closes it).
 */
import { didYouMean } from '../suggest.js';
import { type Issue, isObject, issue } from './issues.js';

export function dependencyIssues(tasks: unknown[], taskIndex: Map<string, number>): Issue[] {
  const out: Issue[] = [];
  const edges = new Map<number, Array<{ to: number; pointer: string }>>();
  tasks.forEach((t, i) => {
    if (!isObject(t) || !Array.isArray(t.depends_on)) return;
    const list: Array<{ to: number; pointer: string }> = [];
    edges.set(i, list);
    t.depends_on.forEach((d, k) => {
      if (!isObject(d) || typeof d.task_key !== 'string') return;
      const p = `/tasks/${i}/depends_on/${k}`;
      const target = taskIndex.get(d.task_key);
      if (d.task_key === t.task_key) {
        out.push(issue(`${p}/task_key`, `task "${d.task_key}" cannot depend on itself`));
        return;
      }
      if (target === undefined) {
        out.push(
          issue(
            `${p}/task_key`,
            `depends_on "${d.task_key}" is not a task of this job${didYouMean(d.task_key, taskIndex.keys()) || `: use the task_key of another task`}`,
          ),
        );
        return;
      }
      const targetTask = tasks[target];
      if (typeof d.outcome === 'string' && isObject(targetTask) && !('condition_task' in targetTask)) {
        out.push(
          issue(
            `${p}/outcome`,
            `outcome is only for dependencies on a condition_task, and "${d.task_key}" is not one: remove outcome`,
          ),
        );
      }
      list.push({ to: target, pointer: p });
    });
  });

  // Cycles: depth-first search; a back edge closes a cycle, reported once per set of tasks.
  const state = new Map<number, 'open' | 'done'>();
  const stack: number[] = [];
  const reported = new Set<string>();
  const keyName = (i: number) => {
    const t = tasks[i];
    return isObject(t) && typeof t.task_key === 'string' ? t.task_key : `tasks[${i}]`;
  };
  const visit = (i: number) => {
    state.set(i, 'open');
    stack.push(i);
    for (const e of edges.get(i) ?? []) {
      const s = state.get(e.to);
      if (s === 'open') {
        const cycle = stack.slice(stack.indexOf(e.to));
        const id = [...cycle].sort((a, b) => a - b).join(',');
        if (!reported.has(id)) {
          reported.add(id);
          const names = [...cycle.map(keyName), keyName(e.to)];
          out.push(
            issue(
              `${e.pointer}/task_key`,
              `tasks ${names.join(' → ')} form a dependency cycle: remove one of these depends_on entries`,
            ),
          );
        }
      } else if (s === undefined) visit(e.to);
    }
    stack.pop();
    state.set(i, 'done');
  };
  for (let i = 0; i < tasks.length; i++) if (!state.has(i)) visit(i);
  return out;
}
