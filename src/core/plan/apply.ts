/**
 * A planned change carries what it is (the value `plan` renders) and how to apply it; applying a
 * region's list records each change's status in the region's result.
 */

import { describeError } from '../client/describe.js';
import { DatabricksError } from '../client/index.js';
import type { Reporter } from '../reporter.js';
import { mapLimit } from '../util.js';
import type { AssetKind, Change, ChangeAction, RegionResult } from './types.js';

/** A change to make: what it is (for the plan) and how to do it (for deploy). */
export interface PlannedChange {
  change: Omit<Change, 'status'>;
  apply: () => Promise<void>;
}

/** An error that stops the region: nothing more can be written there (auth, permission, outage). */
export function isFatalForRegion(err: unknown): boolean {
  if (err instanceof DatabricksError) {
    return err.status === 0 || err.status === 401 || err.status === 403;
  }
  return false;
}

export class RegionAbort extends Error {
  override name = 'RegionAbort';
}

export function planned(
  kind: AssetKind,
  name: string,
  action: ChangeAction,
  apply: () => Promise<void>,
  extra: Partial<Pick<Change, 'fields' | 'id' | 'part' | 'object' | 'key' | 'principal' | 'passive'>> = {},
): PlannedChange {
  return { change: { kind, name, action, ...extra }, apply };
}

/** What applying changes needs of a region: a deploy's RegionContext, or a role change's. */
export interface ApplyTarget {
  region: { name: string };
  /** Plan only: record the changes as planned, write nothing. */
  dryRun: boolean;
  reporter: Reporter;
  result: RegionResult;
}

/**
 * Records a plan and, unless this is a dry run, applies it with progress. A failed change is
 * recorded and the rest go on, except after an error that stops the whole region (a read-only
 * workspace answers every write with 403: trying them all would only repeat the reason).
 */
export async function applyChanges(
  ctx: ApplyTarget,
  kind: AssetKind,
  planned: PlannedChange[],
  options: { concurrency?: number; label?: string } = {},
): Promise<void> {
  const label = options.label ?? kindLabel(kind);
  if (ctx.dryRun || planned.length === 0) {
    for (const p of planned) ctx.result.changes.push({ ...p.change, status: 'planned' });
    return;
  }
  let done = 0;
  let aborted: unknown;
  const total = planned.length;
  ctx.reporter.progress({ region: ctx.region.name, kind: label, done, total });
  const records = planned.map((p) => {
    const change: Change = { ...p.change, status: 'skipped' };
    ctx.result.changes.push(change);
    return change;
  });
  await mapLimit(planned, options.concurrency ?? 8, async (p, i) => {
    if (aborted) return;
    try {
      await p.apply();
      records[i].status = 'applied';
    } catch (err) {
      records[i].status = 'failed';
      records[i].error = describeError(err);
      if (isFatalForRegion(err)) aborted ??= err;
    }
    done++;
    ctx.reporter.progress({ region: ctx.region.name, kind: label, done, total });
  });
  if (aborted) throw new RegionAbort(describeError(aborted));
}

/** Whether any change of a region's result was applied: something was written there. */
export function anyApplied(result: RegionResult): boolean {
  return result.changes.some((c) => c.status === 'applied');
}

/**
 * What a stage of a region's walk tells the engine besides its changes (which are in the region's
 * result): whether it changed the state file's records without a change of its own being applied
 * (an adopted object, an id recorded anew, a notebook manifest written), and the error that
 * stopped it, if any, so that what it did before is still reported.
 */
export interface StageReport {
  recorded: boolean;
  error?: unknown;
}

/**
 * Runs a stage and reports it: `recorded` is read from the stage's own tally once it has ended,
 * whether or not it ended with an error.
 */
export async function reportStage(
  tally: { recorded: boolean },
  stage: () => Promise<void>,
): Promise<StageReport> {
  try {
    await stage();
    return { recorded: tally.recorded };
  } catch (error) {
    return { recorded: tally.recorded, error: error ?? new Error('failed') };
  }
}

export function kindLabel(kind: AssetKind): string {
  return {
    secret_scope: 'secret scopes',
    notebook: 'notebooks',
    cluster: 'clusters',
    pipeline: 'pipelines',
    job: 'jobs',
  }[kind];
}
