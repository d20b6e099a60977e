/**
 * What every asset module gets for one region (the region's session: its client, definitions,
 * state and role), and the checks they share about objects found there.
 */
import type { DatabricksClient } from '../client/index.js';
import type { DrConfig, RegionConfig, Role } from '../config/types.js';
import { kindLabel } from '../plan/apply.js';
import type { RegionCatalog } from '../plan/name-refs.js';
import type { AssetKind, RegionResult } from '../plan/types.js';
import type { Reporter } from '../reporter.js';
import type { RegionState } from '../state/state.js';
import type { ProjectDefinitions } from '../validate/types.js';

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

export function countUnchanged(ctx: RegionContext, kind: AssetKind, n: number): void {
  ctx.result.unchanged[kind] = (ctx.result.unchanged[kind] ?? 0) + n;
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
