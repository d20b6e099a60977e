/** What every asset module gets for one region, and the helpers they share to plan and apply. */
import type { DatabricksClient } from '../client/index.js';
import { DatabricksError, isOutcomeUnknown } from '../client/index.js';
import type { DrConfig, RegionConfig, Role } from '../config/types.js';
import type { Reporter } from '../reporter.js';
import type { RegionState } from '../state/state.js';
import type { ProjectDefinitions } from '../validate/types.js';
import type { RegionCatalog } from './references.js';
import type { AssetKind, Change, ChangeAction, RegionResult } from './types.js';

export interface RegionContext {
  config: DrConfig;
  region: RegionConfig;
  client: DatabricksClient;
  project: ProjectDefinitions;
  /** The state file as read; modules update it as they apply, and it is written at the end. */
  state: RegionState;
  /**
   * Write-ahead: records in the region's state file, before a create, what the create will own
   * (`mutate` changes the state as last written, not `state` with this run's plan in it), so a run
   * killed after the create is adopted by the next one. For objects without an ownership tag at
   * create (secret scopes): clusters and jobs carry the tag in the create request itself, and
   * notebooks have their manifest.
   */
  recordIntent: (mutate: (written: RegionState) => void) => Promise<void>;
  /** The role the region has for this command (from the state files, else the config). */
  role: Role;
  /**
   * False when some region's state could not be read: then no existing job's runnable status may
   * change (it could be the active region's), and new jobs are created passive.
   */
  rolesVerified: boolean;
  /** Plan only: read, never write. */
  dryRun: boolean;
  adopt: boolean;
  reporter: Reporter;
  result: RegionResult;
  env: NodeJS.ProcessEnv;
  /** Cluster name → id in this region (managed and external), filled by the clusters stage. */
  clusterIds: Map<string, string>;
  /** Set when anything was written, so the state file is rewritten. */
  wrote: boolean;
  /** This region's ids of the policies, pools and warehouses the definitions name. */
  catalog: RegionCatalog;
  /**
   * Notebook folders that do not exist yet are imported as archives (one request per ~9 MB);
   * false (`--no-archive`, `deploy.archive: false`) uploads every file on its own.
   */
  archive?: boolean;
  /** Set when the workspace turns out to be on the Standard tier (no scope ACLs). */
  standardTier?: boolean;
  /** Set when the workspace has no Permissions API (Standard tier). */
  permissionsUnavailable?: boolean;
}

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

export function describeError(err: unknown): string {
  if (err instanceof DatabricksError) return err.userMessage ?? err.message;
  if (isOutcomeUnknown(err)) return (err as Error).message;
  return err instanceof Error ? err.message : String(err);
}

/**
 * Why a region could not be read, as a clause to quote inside a sentence about that region: no
 * "Region X:" prefix and no final period. A connection failure names scheme://host:port.
 */
export function unreachableReason(err: unknown): string {
  if (err instanceof DatabricksError) {
    const what =
      err.status === 0 ? err.serverMessage : `${err.errorCode} (HTTP ${err.status}): ${err.serverMessage}`;
    return `${what}${err.attempts > 1 ? ` after ${err.attempts} attempts` : ''}`;
  }
  return describeError(err).replace(/\.$/, '');
}

/** Runs `fn` over items with at most `limit` in flight, keeping results in order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * Records a plan and, unless this is a dry run, applies it with progress. A failed change is
 * recorded and the rest go on, except after an error that stops the whole region (a read-only
 * workspace answers every write with 403: trying them all would only repeat the reason).
 */
/** What applying changes needs of a region: a deploy's RegionContext, or a role change's. */
export type ApplyTarget = Pick<RegionContext, 'dryRun' | 'reporter' | 'result' | 'wrote'> & {
  region: { name: string };
};

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
      ctx.wrote = true;
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

export function kindLabel(kind: AssetKind): string {
  return {
    secret_scope: 'secret scopes',
    notebook: 'notebooks',
    cluster: 'clusters',
    pipeline: 'pipelines',
    job: 'jobs',
  }[kind];
}

export function countUnchanged(ctx: RegionContext, kind: AssetKind, n: number): void {
  ctx.result.unchanged[kind] = (ctx.result.unchanged[kind] ?? 0) + n;
}

export function planned(
  kind: AssetKind,
  name: string,
  action: ChangeAction,
  apply: () => Promise<void>,
  extra: Partial<Pick<Change, 'fields' | 'id' | 'part' | 'passive'>> = {},
): PlannedChange {
  return { change: { kind, name, action, ...extra }, apply };
}

/**
 * Why `matches` same-named objects this config does not own stop the deploy of one it wants, or
 * undefined when there are none or one is to be adopted (--adopt). `id` names the one found;
 * `owners` are the configs their management tags name: an object another config manages is never
 * taken over, not even with --adopt (a name belongs to one config).
 */
export function adoptionError(
  ctx: RegionContext,
  kind: 'job' | 'cluster' | 'pipeline' | 'secret scope',
  name: string,
  matches: number,
  found: { id?: string | number; owners?: ReadonlyArray<string | undefined> } = {},
): string | undefined {
  const where = `${kind} "${name}" exists in region ${ctx.region.name}${found.id === undefined ? '' : ` (id ${found.id})`}`;
  const other = found.owners?.find((o) => o !== undefined && o !== ctx.config.name);
  if (other !== undefined)
    return (
      `${where} but is managed by config ${other}, not ${ctx.config.name}; a name belongs to one config: ` +
      `rename it in one of them (--adopt never takes an object from another config)`
    );
  if (matches > 0 && !ctx.adopt)
    return (
      `${where} but is not managed by databricks-dr ` +
      `(${ctx.config.name}); rename one of them, or run with --adopt to take it over`
    );
  if (matches > 1)
    return `cannot adopt ${kind} "${name}" in region ${ctx.region.name}: ${matches} ${kind}s have that name`;
  return undefined;
}

/** An object this config manages that git no longer has and the config does not prune. */
export function noteUnmanaged(ctx: RegionContext, kind: AssetKind, name: string, pruneKey?: string): void {
  ctx.result.unmanaged ??= [];
  ctx.result.unmanaged.push({ kind, name });
  if (pruneKey) {
    ctx.result.warnings.push(
      `${kindLabel(kind).replace(/s$/, '')} "${name}" in region ${ctx.region.name} is managed by ${ctx.config.name} but no longer in the repo; ` +
        `set ${pruneKey}: true to delete it`,
    );
  }
}
