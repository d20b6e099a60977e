/**
 * The per-workspace state file, `/Shared/.databricks-dr/<name>/state.json` (DESIGN.md "What the tool
 * owns"): the region's role and epoch, the ids of what the tool owns, the job values as written
 * (so failover restores them without a checkout) and salted secret fingerprints.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { STATE_FOLDER } from '../config/load.js';
import type { Role } from '../config/types.js';

export const STATE_VERSION = 1;

export function stateFilePath(configName: string): string {
  return `${STATE_FOLDER}/${configName}/state.json`;
}

export type PauseStatus = 'PAUSED' | 'UNPAUSED';

/** What the repo says a job's runnable settings are; the passive form overrides them. */
export interface WrittenJobValues {
  max_concurrent_runs: number;
  schedule?: PauseStatus;
  trigger?: PauseStatus;
  continuous?: PauseStatus;
  /**
   * Each `triggers[]` entry's own pause_status as written, by position (the Jobs API keeps the
   * list's order). Absent when the job has no `triggers` list.
   */
  triggers?: PauseStatus[];
  /** queue.enabled as written (absent in the file means the Jobs 2.2 default, enabled). */
  queue: boolean;
}

export interface RegionState {
  version: number;
  config: string;
  region: string;
  role: Role;
  epoch: number;
  /** ISO time and who (a run URL, a pipeline run, or user@host) last changed role or content. */
  updated_at: string;
  updated_by: string;
  /** When a failover last made this region active: breaks a tie between regions active at one epoch. */
  promoted_at?: string;
  jobs: Record<string, { job_id: number; written: WrittenJobValues }>;
  clusters: Record<string, { cluster_id: string }>;
  /**
   * Pipelines by name: the id, and `continuous` as written (a passive region runs it with
   * continuous false; failover restores this value). Absent in state files written before pipelines.
   */
  pipelines?: Record<string, { pipeline_id: string; continuous: boolean }>;
  scopes: Record<string, { backend: 'databricks' | 'azure_keyvault'; secrets: Record<string, string> }>;
  /**
   * The identities that have deployed to this region (`user:<name>`, `sp:<application id>`). Each
   * keeps the management rights it has on what it created (the creator of a scope or cluster gets
   * MANAGE), and knowing them here spares a redeploy from asking the workspace who it runs as.
   */
  deployers?: string[];
  /** What a deploy's preflight found offered and present in this region (see VerifiedFacts). */
  verified?: VerifiedFacts;
}

/**
 * Facts a deploy's preflight checked in this region, so the next deploys check only what is new:
 * a no-change redeploy then asks nothing but the listings it needs. They are trusted for
 * VERIFIED_FOR_MS after `at`; the `preflight` command always checks everything.
 */
export interface VerifiedFacts {
  /** When everything here was last checked in full. */
  at: string;
  /** Whether the deploying identity was a workspace admin. */
  admin: boolean;
  node_types: string[];
  runtimes: string[];
  /** `user:<name>`, `group:<name>`, `service principal:<application id>`. */
  principals: string[];
}

/** How long a deploy trusts the facts its predecessors verified: a day. */
export const VERIFIED_FOR_MS = 24 * 60 * 60 * 1000;

/** The verified facts, when they are recent enough to trust at `now`. */
export function freshFacts(state: RegionState | undefined, now: Date): VerifiedFacts | undefined {
  const facts = state?.verified;
  if (!facts) return undefined;
  const age = now.getTime() - Date.parse(facts.at);
  return age >= 0 && age < VERIFIED_FOR_MS ? facts : undefined;
}

export function newRegionState(config: string, region: string, role: Role): RegionState {
  return {
    version: STATE_VERSION,
    config,
    region,
    role,
    epoch: 0,
    updated_at: new Date(0).toISOString(),
    updated_by: '',
    jobs: {},
    clusters: {},
    scopes: {},
  };
}

/**
 * Accepts only a state document this version understands; anything else is a clear error. The
 * error says what is wrong; the command that meets it says once what to do (roles, failover,
 * `roles --repair`), so the advice is not repeated.
 */
export function parseRegionState(text: string, where: string): RegionState {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(
      `${where}: the state file is not valid JSON (do not delete it: a region without a state file has no known role)`,
    );
  }
  const v = value as Partial<RegionState>;
  if (typeof v !== 'object' || v === null || Array.isArray(v) || typeof v.version !== 'number') {
    throw new Error(
      `${where}: the state file is not a databricks-dr state (no "version" number; do not delete it: a region without a state file has no known role)`,
    );
  }
  if (v.version > STATE_VERSION) {
    throw new Error(
      `${where}: state file version ${v.version} is newer than this tool understands; upgrade databricks-dr`,
    );
  }
  if ((v.role !== 'active' && v.role !== 'passive') || typeof v.epoch !== 'number') {
    throw new Error(`${where}: the state file has no valid role/epoch`);
  }
  return { ...newRegionState(v.config ?? '', v.region ?? '', v.role), ...v } as RegionState;
}

export function serializeRegionState(state: RegionState): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}

// scrypt with N=2^14 costs tens of milliseconds per secret: cheap for a deploy, slow enough that a
// fingerprint in a readable workspace file cannot be brute-forced like a fast hash.
const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 } as const;

let scryptQueue: Promise<unknown> = Promise.resolve();

/**
 * scrypt on the main thread, one at a time, each in its own macrotask so requests are served
 * between them. Not `crypto.scrypt`: its asynchronous form runs on libuv's thread pool, and glibc
 * keeps the 16 MB each one allocates in a per-thread arena for every pool thread that ran one —
 * measured +65 MB peak RSS for a deploy, against +17 MB here. The checks start early
 * (startSecretChecks), so they overlap the reads instead of the critical path.
 */
function scryptInTurn(value: string, salt: Buffer, keylen: number, N: number): Promise<Buffer> {
  const turn = scryptQueue.then(
    () =>
      new Promise<Buffer>((resolve, reject) =>
        setImmediate(() => {
          try {
            resolve(scryptSync(value, salt, keylen, { N, r: SCRYPT.r, p: SCRYPT.p }));
          } catch (err) {
            reject(err);
          }
        }),
      ),
  );
  scryptQueue = turn.catch(() => undefined);
  return turn;
}

/**
 * One random salt per secret value per run: every region a run writes gets the same fingerprint
 * for the same value, so the next run checks a value once for all regions instead of once per
 * region (each check is a scrypt). What two state files then show is only that two regions hold
 * the same value — which they do, from the same variable — and the salt still defeats
 * precomputed tables.
 */
const runSalts = new Map<string, Buffer>();

function runSalt(value: string): Buffer {
  let salt = runSalts.get(value);
  if (!salt) {
    salt = randomBytes(16);
    runSalts.set(value, salt);
  }
  return salt;
}

/** scrypt results of this process by (N, length, salt, value): one computation serves every region. */
const derived = new Map<string, Promise<Buffer>>();

function derive(value: string, salt: Buffer, keylen: number, N: number): Promise<Buffer> {
  const key = `${N}$${keylen}$${salt.toString('base64')}\u0000${value}`;
  let hash = derived.get(key);
  if (!hash) {
    hash = scryptInTurn(value, salt, keylen, N);
    derived.set(key, hash);
  }
  return hash;
}

export async function fingerprintSecret(value: string, salt: Buffer = runSalt(value)): Promise<string> {
  const hash = await derive(value, salt, SCRYPT.keylen, SCRYPT.N);
  return `scrypt$${SCRYPT.N}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Whether `value` is the secret a fingerprint was made from (checks are remembered per process). */
export async function secretMatchesFingerprint(
  value: string,
  fingerprint: string | undefined,
): Promise<boolean> {
  if (!fingerprint) return false;
  return matches(value, fingerprint);
}

async function matches(value: string, fingerprint: string): Promise<boolean> {
  const [algo, n, saltB64, hashB64] = fingerprint.split('$');
  if (algo !== 'scrypt' || !saltB64 || !hashB64) return false;
  const expected = Buffer.from(hashB64, 'base64');
  const actual = await derive(value, Buffer.from(saltB64, 'base64'), expected.length, Number(n));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
