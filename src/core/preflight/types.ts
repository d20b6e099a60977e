/** What preflight reports, and what its checks share while they run. */
import type { DatabricksClient } from '../client/index.js';
import type { RegionConfig } from '../config/types.js';
import type { RegionCatalog } from '../plan/name-refs.js';
import type { RegionState, VerifiedFacts } from '../state/state.js';
import type { ProjectDefinitions } from '../validate/types.js';

export interface PreflightCheck {
  check: string;
  status: 'ok' | 'warn' | 'fail';
  detail: string;
  /** What to do about a warning or a failure. */
  fix?: string;
}

export interface PreflightOptions {
  /**
   * The region's state file, for a deploy's preflight: facts its predecessors verified within
   * VERIFIED_FOR_MS (node types, runtimes, principals, the identity's rights) are not asked again,
   * and the pinned-cluster room is counted only when a cluster is still to be created. Without it
   * (the `preflight` command) everything is checked.
   */
  state?: RegionState;
  /** This region's policies, pools and warehouses, shared with the deploy that follows. */
  catalog?: () => Promise<RegionCatalog>;
  now?: Date;
}

export interface PreflightReport {
  checks: PreflightCheck[];
  /** What this preflight verified (or trusted), for the state file. */
  verified: VerifiedFacts;
}

/** Values an earlier deploy verified, and how to say so. */
export interface KnownValues {
  values: ReadonlySet<string>;
  /** Appended to an ok detail that rests on them. */
  note: string;
}

/** One region's preflight in progress: what every check reads, and the facts they record. */
export interface RegionPreflight {
  client: DatabricksClient;
  region: RegionConfig;
  project: ProjectDefinitions;
  options: PreflightOptions;
  /** The facts an earlier deploy verified recently enough to trust, if any. */
  facts: VerifiedFacts | undefined;
  /** What this preflight verified; the checks fill it in. */
  verified: VerifiedFacts;
  /** Trusted values of one kind (none without fresh facts). */
  knownOf(values: string[] | undefined): KnownValues;
}

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
