/** Shared set-up for the auth tests: an emulator with its Entra authority, regions, a mask recorder. */
import type { TokenProvider } from '../../src/core/auth/types.js';
import { DatabricksClient } from '../../src/core/client/index.js';
import type { AuthConfig, RegionConfig } from '../../src/core/config/types.js';
import { startEmulator } from '../../src/emulator/index.js';
import type {
  EmulatedWorkspace,
  Emulator,
  EmulatorOptions,
  EntraAuthority,
} from '../../src/emulator/types.js';

export interface AuthHarness {
  emulator: Emulator;
  entra: EntraAuthority;
  primary: EmulatedWorkspace;
  secondary: EmulatedWorkspace;
  close(): Promise<void>;
}

export async function authHarness(options: Partial<EmulatorOptions> = {}): Promise<AuthHarness> {
  const emulator = await startEmulator({
    workspaces: [{ name: 'primary' }, { name: 'secondary' }],
    rateLimits: 'off',
    ...options,
  });
  const entra = emulator.entra;
  if (!entra) throw new Error('the emulator started without its Entra authority');
  return {
    emulator,
    entra,
    primary: emulator.workspace('primary'),
    secondary: emulator.workspace('secondary'),
    close: () => emulator.stop(),
  };
}

export function region(ws: EmulatedWorkspace, auth: AuthConfig, name = ws.name): RegionConfig {
  return { name, host: ws.url, role: 'active', auth, variables: {} };
}

/** The mask callback, keeping everything it was given. */
export function recordingMask(): { mask: (s: string) => void; masked: string[] } {
  const masked: string[] = [];
  return { masked, mask: (s: string) => masked.push(s) };
}

export function clientFor(ws: EmulatedWorkspace, tokenProvider: TokenProvider): DatabricksClient {
  return new DatabricksClient({ region: ws.name, host: ws.url, tokenProvider, rateLimits: 'off' });
}

/** The claims of a JWT (tests look at `aud`, `exp`, `iss`). */
export function claims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

/** Runs `fn` and returns what it threw (fails the test when it does not throw). */
export async function caught(fn: () => Promise<unknown>): Promise<Error> {
  try {
    await fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the call to throw');
}

export const KEYVAULT = {
  resource_id:
    '/subscriptions/00000000-0000-0000-0000-00000000000a/resourceGroups/rg-dr/providers/Microsoft.KeyVault/vaults/kv-dr',
  dns_name: 'https://kv-dr.vault.azure.net/',
};

export const WORKSPACE_RESOURCE_ID =
  '/subscriptions/00000000-0000-0000-0000-00000000000a/resourceGroups/rg-dr/providers/Microsoft.Databricks/workspaces/adb-primary';
