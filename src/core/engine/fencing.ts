/**
 * Fencing, the first step of every deploy and plan: a stale active region (one still active at a
 * lower epoch) is passivated before any definition is written, whatever --region or --only
 * narrow. A plan lists what fencing would do once, ahead of the deploy's own changes.
 */
import { describeError } from '../client/describe.js';
import { type Change, type CommandResult, emptyRegionResult, type RegionResult } from '../plan/types.js';
import type { RoleView } from '../roles/index.js';
import { changeRole } from '../roles/transition.js';
import { runIdentity } from '../session/clients.js';
import type { DeployOptions, PreparedRun } from '../session/prepare.js';
import type { LockSet } from '../state/region-locks.js';

/** Passivates every stale region; each one's result goes into `result` for the deploy to extend. */
export async function fenceStale(
  run: PreparedRun,
  view: RoleView,
  locks: LockSet | undefined,
  options: DeployOptions,
  result: CommandResult,
): Promise<void> {
  const env = options.env ?? process.env;
  const dryRun = options.dryRun === true;
  for (const name of view.stale) {
    const info = view.regions.get(name)!;
    const r = emptyRegionResult();
    result.regions[name] = r;
    const why = `region ${name} was active at epoch ${info.state!.epoch}; ${view.active ?? 'another region'} is active at epoch ${view.epoch}`;
    try {
      await changeRole({
        client: run.clients.get(name)!,
        config: run.project.config,
        regionName: name,
        state: info.state!,
        loaded: info,
        lock: locks?.held.get(name),
        role: 'passive',
        epoch: view.epoch,
        dryRun,
        reporter: options.reporter,
        result: r,
        runIdentity: runIdentity(env),
      });
      // "fenced" only once it was written; a plan says what deploy would do.
      r.warnings.push(dryRun ? `${why}: deploy would fence it (passivate it) first` : `${why}: fenced`);
    } catch (err) {
      r.status = 'failed';
      r.errors.push(`${why}; fencing failed: ${describeError(err)}`);
    }
    info.state!.role = 'passive';
  }
}

/** A fenced region's result: the fencing's, then the deploy's. */
export function mergeResults(first: RegionResult, second: RegionResult): RegionResult {
  return {
    ...second,
    status: first.status === 'ok' ? second.status : first.status,
    changes: [...first.changes, ...withoutFenced(first.changes, second.changes)],
    errors: [...first.errors, ...second.errors],
    warnings: [...first.warnings, ...second.warnings],
  };
}

/**
 * The deploy's changes without what fencing already covers. A deploy reads the region after
 * fencing wrote it, so it never sees those differences; a plan reads it unfenced, and without this
 * would list each fenced object twice: a job or pipeline as passivate and again as an update of
 * the same fields, a running cluster as terminate twice. Matched by kind, name, action and fields;
 * a change the deploy did apply is never hidden.
 */
function withoutFenced(fencing: Change[], deploy: Change[]): Change[] {
  const key = (c: Change) => `${c.kind}\u0000${c.name}`;
  const fenced = new Map<string, Change>();
  for (const c of fencing) if (c.kind !== 'region') fenced.set(key(c), c);
  return deploy.flatMap((c) => {
    const earlier = fenced.get(key(c));
    if (!earlier) return [c];
    const sameFields = (earlier.fields ?? []).join('\u0000') === (c.fields ?? []).join('\u0000');
    if (earlier.action === c.action && sameFields && c.status === 'planned') return [];
    if (c.action !== 'update' || earlier.action !== 'passivate' || !c.fields) return [c];
    const covered = new Set(earlier.fields ?? []);
    const fields = c.fields.filter((f) => !covered.has(f));
    return fields.length === 0 ? [] : [{ ...c, fields }];
  });
}
