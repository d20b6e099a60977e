/** Shared set-up for the client tests: an emulated workspace and a client with an injected clock. */
import { patProvider } from '../../src/core/auth/pat.js';
import type { TokenProvider } from '../../src/core/auth/types.js';
import {
  DatabricksClient,
  type DatabricksClientOptions,
  type SleepReason,
} from '../../src/core/client/index.js';
import type { Logger } from '../../src/core/logger.js';
import { startEmulator } from '../../src/emulator/index.js';
import type { EmulatedWorkspace, Emulator, EmulatorOptions } from '../../src/emulator/types.js';

export interface Sleep {
  ms: number;
  reason: SleepReason;
}

/**
 * A clock that only moves when the client sleeps: waits are recorded instead of spent, so tests
 * assert the waits the client asked for, and deadlines pass in no time.
 */
export function fakeClock(start = 1_700_000_000_000) {
  let t = start;
  const sleeps: Sleep[] = [];
  return {
    now: () => t,
    sleep: async (ms: number, reason: SleepReason) => {
      sleeps.push({ ms, reason });
      t += ms;
    },
    sleeps,
    retryWaits: () => sleeps.filter((s) => s.reason === 'retry').map((s) => s.ms),
    advance: (ms: number) => {
      t += ms;
    },
  };
}

/** A logger that keeps every line, to check that no secret is ever logged. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (m: string) => {
    lines.push(m);
  };
  return { lines, debug: push, info: push, warning: push, error: push };
}

export interface Harness {
  emulator: Emulator;
  ws: EmulatedWorkspace;
  clients: DatabricksClient[];
  /** A client for the workspace; defaults: fake clock, limiter off, random 0.5. */
  client(options?: Partial<DatabricksClientOptions> & { token?: string }): {
    client: DatabricksClient;
    clock: ReturnType<typeof fakeClock>;
  };
  close(): Promise<void>;
}

export async function harness(options: Partial<EmulatorOptions> = {}): Promise<Harness> {
  const emulator = await startEmulator({ workspaces: [{ name: 'primary' }], rateLimits: 'off', ...options });
  const ws = emulator.workspace('primary');
  const clients: DatabricksClient[] = [];
  return {
    emulator,
    ws,
    clients,
    client(opts = {}) {
      const clock = fakeClock();
      const { token, ...rest } = opts;
      const tokenProvider: TokenProvider = rest.tokenProvider ?? patProvider(token ?? ws.token);
      const client = new DatabricksClient({
        region: 'primary',
        host: ws.url,
        rateLimits: 'off',
        random: () => 0.5,
        now: clock.now,
        sleep: clock.sleep,
        ...rest,
        tokenProvider,
      });
      clients.push(client);
      return { client, clock };
    },
    async close() {
      for (const c of clients) c.close();
      await emulator.stop();
    },
  };
}

/** Runs `fn` and returns what it threw (fails the test when it does not throw). */
export async function caught(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected the call to throw');
}

export const notebookTask = (i: number) => ({
  task_key: `t${i}`,
  notebook_task: { notebook_path: `/Shared/nb${i}` },
});
