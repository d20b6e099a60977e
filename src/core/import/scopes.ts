/**
 * Secret scopes for import: keys become environment variable names (the team provides the values as
 * CI secrets), a Key Vault-backed scope's vault becomes variables. No value is ever asked for.
 */
import type { DatabricksClient } from '../client/index.js';
import { DatabricksError } from '../client/index.js';
import type { WorkspaceImport } from './collect.js';

export interface ImportedScope {
  backend: 'databricks' | 'azure_keyvault';
  /** Keys of a Databricks-backed scope. */
  keys: string[];
  keyvault?: { resource_id: string; dns_name: string };
  acls?: Array<{ principal: string; permission: string }>;
}

/** The environment variable that carries a secret's value at deploy time, e.g. APP_HIVE_PASSWORD. */
export function secretEnvName(scope: string, key: string): string {
  return `${scope}_${key}`
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(\d)/, '_$1');
}

/** A variable name for a scope's vault field, e.g. kv_hive_keyvault_dns_name. */
export function keyVaultVariable(scope: string, field: 'resource_id' | 'dns_name'): string {
  return `${scope.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^(\d)/, '_$1')}_keyvault_${field}`;
}

function isPremiumOnly(err: unknown): boolean {
  return (
    err instanceof DatabricksError &&
    (err.status === 400 || err.status === 403) &&
    /premium|ACL/i.test(err.message)
  );
}

export async function collectScopes(
  client: DatabricksClient,
  names: string[],
  out: WorkspaceImport,
  progress: (message: string) => void,
  lenient: boolean,
): Promise<Map<string, ImportedScope>> {
  const scopes = new Map<string, ImportedScope>();
  if (names.length === 0) return scopes;
  const existing = new Map((await client.secrets.listScopes()).map((s) => [s.name, s]));
  for (const name of names) {
    const scope = existing.get(name);
    if (!scope) {
      if (!lenient)
        out.skipped.push({
          kind: 'secret scope',
          name,
          reason: 'no secret scope of that name in the workspace',
        });
      continue;
    }
    progress(`${client.region}: reading secret scope ${name} (key names only)`);
    const acls = await client.secrets.listAcls(name).catch((err: unknown) => {
      if (isPremiumOnly(err)) return undefined;
      throw err;
    });
    if (scope.backend_type === 'AZURE_KEYVAULT') {
      scopes.set(name, { backend: 'azure_keyvault', keys: [], keyvault: scope.keyvault_metadata, acls });
    } else {
      const keys = (await client.secrets.listSecrets(name)).map((s) => s.key).sort();
      scopes.set(name, { backend: 'databricks', keys, acls });
    }
  }
  return scopes;
}
