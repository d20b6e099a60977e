/** The shapes plan, deploy, failover and drift share: changes, per-region results, the command result. */
import type { Role } from '../config/types.js';

export type AssetKind = 'secret_scope' | 'notebook' | 'cluster' | 'job';

/** Deploy order within a region (DESIGN.md "Deploy semantics"): scopes → notebooks → clusters → jobs. */
export const ASSET_ORDER: readonly AssetKind[] = ['secret_scope', 'notebook', 'cluster', 'job'];

export const ONLY_NAMES: Record<string, AssetKind> = {
  secret_scopes: 'secret_scope',
  notebooks: 'notebook',
  clusters: 'cluster',
  jobs: 'job',
};

export type ChangeAction = 'create' | 'update' | 'delete' | 'passivate' | 'activate' | 'terminate' | 'pin';

export interface Change {
  kind: AssetKind;
  /** The object's name: job or cluster name, scope name, or workspace path for notebooks. */
  name: string;
  action: ChangeAction;
  /** For updates: the top-level fields that differ (never values: they may hold secrets). */
  fields?: string[];
  /** Id in the workspace, once known. */
  id?: string | number;
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
  /** job name → id, cluster name → id, after the command. */
  jobIds?: Record<string, number>;
  clusterIds?: Record<string, string>;
}

export interface CommandResult {
  command: string;
  regions: Record<string, RegionResult>;
  /** The region that is active after the command, when known. */
  activeRegion?: string;
}

export function emptyRegionResult(status: RegionStatus = 'ok'): RegionResult {
  return { status, changes: [], unchanged: {}, errors: [], warnings: [] };
}
