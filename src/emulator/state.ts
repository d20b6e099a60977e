/**
 * A workspace's state: its initial shape, and persistence under `--state-dir` so a killed and
 * restarted emulator keeps what was deployed. Writes are debounced (a deploy makes hundreds of
 * requests) and atomic (temp file + rename), so a kill mid-write never leaves a torn file.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedAssets } from './assets-api.js';
import { seedPrincipals } from './principals.js';
import type { WorkspaceSpec } from './types.js';
import type { WorkspaceState } from './workspace-state.js';

export const ROOT_DIRECTORIES = ['/', '/Users', '/Shared'];

/**
 * Ids start at a per-workspace base of 15 digits (real ids look like 998654886170278) so ids of
 * the primary and the secondary differ — a client mixing them up fails loudly — and stay < 2^53.
 */
export function idBase(name: string): number {
  let h = 2166136261;
  for (const c of name) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return 100_000_000_000_000 + (h % 800_000) * 1_000_000_000;
}

/** A 16-digit workspace id (as in `adb-<id>.<n>.azuredatabricks.net`), stable per name, < 2^53. */
export function workspaceId(name: string): number {
  return 1_000_000_000_000_000 + (idBase(name) % 1_000_000_000_000) * 7;
}

export function emptyState(
  name: string,
  userName: string,
  now: number,
  spec?: WorkspaceSpec,
): WorkspaceState {
  const state: WorkspaceState = {
    nextId: idBase(name),
    objects: {},
    jobs: {},
    runs: {},
    clusters: {},
    scopes: {},
    permissions: {},
    principals: { users: {}, groups: {}, servicePrincipals: {} },
    policies: {},
    instancePools: {},
    warehouses: {},
  };
  // A real workspace has the root, /Users/<me> and /Shared from the start.
  for (const path of [...ROOT_DIRECTORIES, `/Users/${userName}`]) {
    state.objects[path] = {
      path,
      object_type: 'DIRECTORY',
      object_id: state.nextId++,
      created_at: now,
      modified_at: now,
    };
  }
  seedPrincipals(state, userName, spec);
  seedAssets(state, spec?.assets ?? {}, now, userName);
  return state;
}

/**
 * Brings a loaded state up to date: fills in what files written by older emulators lack (their
 * jobs and clusters get their creator's default permissions lazily) and adds the caller and the
 * spec's principals if missing.
 */
export function upgradeState(state: WorkspaceState, userName: string, spec?: WorkspaceSpec): WorkspaceState {
  state.permissions ??= {};
  state.policies ??= {};
  state.instancePools ??= {};
  state.warehouses ??= {};
  seedPrincipals(state, userName, spec);
  seedAssets(state, spec?.assets ?? {}, Date.now(), userName);
  return state;
}

export function isWorkspaceState(v: unknown): v is WorkspaceState {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return (
    typeof s.nextId === 'number' &&
    ['objects', 'jobs', 'runs', 'clusters', 'scopes'].every((k) => typeof s[k] === 'object' && s[k] !== null)
  );
}

/** Debounced, atomic persistence of one workspace's state to `<dir>/<name>.json`. */
export class StateStore {
  private timer: NodeJS.Timeout | undefined;
  readonly file: string;

  constructor(
    dir: string,
    name: string,
    private readonly snapshot: () => WorkspaceState,
    /** A failed background write is reported, not thrown: it must not crash the emulator. */
    private readonly onError: (e: Error) => void = () => {},
    private readonly debounceMs = 100,
  ) {
    this.file = join(dir, `${name}.json`);
    mkdirSync(dir, { recursive: true });
  }

  /** The saved state, or undefined when there is none yet. A corrupt file is an error, not a reset. */
  load(): WorkspaceState | undefined {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
    const value: unknown = JSON.parse(text);
    if (!isWorkspaceState(value)) throw new Error(`${this.file} is not an emulator state file`);
    return value;
  }

  /** Schedules a write; many changes within the debounce window make one write. */
  markDirty(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        this.write();
      } catch (e) {
        this.onError(e as Error);
      }
    }, this.debounceMs);
    // A pending write must not keep a finished test process alive; stop() flushes anyway.
    this.timer.unref();
  }

  /** Writes now if a write is pending. */
  flush(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.write();
  }

  private write(): void {
    const tmp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.snapshot()));
    renameSync(tmp, this.file);
  }
}
