/** The shapes plan, deploy, failover and drift share: changes, per-region results, the command result. */
import type { Role } from '../config/types.js';

export type AssetKind = 'secret_scope' | 'notebook' | 'cluster' | 'pipeline' | 'job';

/**
 * Deploy order within a region (DESIGN.md "Deploy semantics"): scopes → notebooks → clusters →
 * pipelines → jobs (pipelines run notebooks; jobs run pipelines).
 */
export const ASSET_ORDER: readonly AssetKind[] = ['secret_scope', 'notebook', 'cluster', 'pipeline', 'job'];

export const ONLY_NAMES: Record<string, AssetKind> = {
  secret_scopes: 'secret_scope',
  notebooks: 'notebook',
  clusters: 'cluster',
  pipelines: 'pipeline',
  jobs: 'job',
};

export type ChangeAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'passivate'
  | 'activate'
  | 'terminate'
  | 'start'
  | 'stop'
  | 'pin'
  | 'cancel-runs';

export interface Change {
  /** 'region' for a role change of the whole region (failover, fencing). */
  kind: AssetKind | 'region';
  /** The object's name: job or cluster name, scope name, or workspace path for notebooks. */
  name: string;
  action: ChangeAction;
  /** For updates: the top-level fields that differ (never values: they may hold secrets). */
  fields?: string[];
  /** Id in the workspace, once known. */
  id?: string | number;
  /**
   * For a change to a part of an object rather than the object itself: one secret (`scope/key`)
   * or one ACL entry (`scope acl principal`) of a secret scope. `name` is then only a label; readers
   * use `object` (the scope) and `key` or `principal`.
   */
  part?: 'secret' | 'acl';
  /** With `part`: the object the part belongs to (the scope's name). */
  object?: string;
  /** With part 'secret': the secret's key. */
  key?: string;
  /** With part 'acl': the principal the entry is for. */
  principal?: string;
  /**
   * A create in passive form: the job cannot run (the cluster is terminated, the pipeline is not
   * continuous) until a failover.
   */
  passive?: boolean;
  /** planned (plan / dry run), applied, failed, or skipped (an earlier failure stopped it). */
  status: 'planned' | 'applied' | 'failed' | 'skipped';
  error?: string;
}

export type RegionStatus = 'ok' | 'failed' | 'unreachable' | 'skipped';

export interface RegionResult {
  status: RegionStatus;
  role?: Role;
  epoch?: number;
  changes: Change[];
  /** Objects that needed no write, per kind. */
  unchanged: Partial<Record<AssetKind, number>>;
  errors: string[];
  warnings: string[];
  /** Objects managed by this config (or inside its notebook targets) that git no longer has. */
  unmanaged?: Array<{ kind: AssetKind; name: string }>;
  /** preflight: each readiness check of the region. */
  checks?: Array<{ check: string; status: 'ok' | 'warn' | 'fail'; detail: string; fix?: string }>;
  /** drift: every object that differs from git, and how many are in sync. */
  drift?: DriftItem[];
  inSync?: number;
  /** A region that could not be reached while another was promoted: it may still run jobs. */
  unfenced?: boolean;
  /** job name → id, cluster name → id, after the command. */
  jobIds?: Record<string, number>;
  clusterIds?: Record<string, string>;
  /** pipeline name → id, after the command. */
  pipelineIds?: Record<string, string>;
}

export interface DriftItem {
  kind: AssetKind | 'region';
  name: string;
  status: 'differs' | 'missing' | 'unmanaged';
  /** What differs (field names; never values). */
  fields?: string[];
}

export interface CommandResult {
  command: string;
  regions: Record<string, RegionResult>;
  /**
   * The region that is active after the command, when known. A dry run changes nothing, so it
   * reports the region active before it (never the one it would activate).
   */
  activeRegion?: string;
  /** Set by every command that was asked to write nothing (plan, failover --dry-run). */
  dry_run?: boolean;
  /** failover --dry-run: the region a real failover would make active. */
  would_activate?: string;
  /** False when some region's state could not be read: roles were not changed by a deploy. */
  rolesVerified?: boolean;
  /** failover: milliseconds from the start until the new active region accepted runs. */
  timeToActiveMs?: number;
  warnings?: string[];
  /** drift: true when any region differs from git. */
  drift?: boolean;
}

export function emptyRegionResult(status: RegionStatus = 'ok'): RegionResult {
  return { status, changes: [], unchanged: {}, errors: [], warnings: [] };
}

/** `regions` keyed in the config's order (results are filled as regions finish, in any order). */
export function inConfigOrder<T>(
  config: { regions: ReadonlyArray<{ name: string }> },
  regions: Record<string, T>,
): Record<string, T> {
  const ordered: Record<string, T> = {};
  for (const r of config.regions) if (regions[r.name] !== undefined) ordered[r.name] = regions[r.name];
  return ordered;
}
