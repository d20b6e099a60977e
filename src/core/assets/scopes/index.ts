/**
 * Secret scopes: Databricks-backed (values only from the environment variables the scope file
 * names; a salted scrypt fingerprint in the state file keeps unchanged secrets from being rewritten)
 * and Azure Key Vault-backed (per-region vault through variables). ACLs are reconciled for the
 * principals listed, never removing the deploying identity's own MANAGE.
 */

import { describeError } from '../../client/describe.js';
import {
  type AclPermission,
  createAtMostOnce,
  DatabricksError,
  type SecretScope,
} from '../../client/index.js';
import {
  applyChanges,
  type PlannedChange,
  planned,
  RegionAbort,
  reportStage,
  type StageReport,
} from '../../plan/apply.js';
import { adoptionError, countUnchanged, noteUnmanaged, type RegionContext } from '../../session/context.js';
import { fingerprintSecret, type RegionState, secretMatchesFingerprint } from '../../state/state.js';
import { currentDeployers, knownDeployers } from '../permissions/index.js';

interface ScopeFile {
  scope: string;
  backend?: 'databricks' | 'azure_keyvault';
  secrets?: Record<string, { env: string }>;
  keyvault?: { resource_id: string; dns_name: string };
  acls?: Array<{ principal: string; permission: AclPermission }>;
}

/**
 * Starts checking every secret value against its fingerprint in a region's state file, so the
 * scrypt work (tens of milliseconds each) runs while the first reads are in flight; the scopes
 * stage then finds the answers ready (secretMatchesFingerprint remembers them).
 */
export function startSecretChecks(
  scopes: ReadonlyArray<{ byRegion: Record<string, Record<string, unknown>> }>,
  region: string,
  state: RegionState,
  env: NodeJS.ProcessEnv,
): void {
  for (const def of scopes) {
    const file = def.byRegion[region] as unknown as ScopeFile;
    const fingerprints = state.scopes[file.scope]?.secrets ?? {};
    for (const [key, source] of Object.entries(file.secrets ?? {})) {
      const value = env[source.env];
      if (value !== undefined && fingerprints[key])
        // Errors surface where the stage asks for the same check.
        secretMatchesFingerprint(value, fingerprints[key]).catch(() => undefined);
    }
  }
}

/**
 * Whether an ACL entry is a deployer's own MANAGE, which reconciliation keeps (removing it would lock
 * the tool out). Scope ACLs name users and service principals by user name or application id.
 */
function isDeployerManage(deployers: readonly string[], principal: string, permission: string): boolean {
  return (
    permission === 'MANAGE' &&
    (deployers.includes(`user:${principal}`) || deployers.includes(`sp:${principal}`))
  );
}

/** What a region holds of one scope: its secret keys and ACL entries (when the repo manages them). */
interface ScopeReads {
  secrets?: Array<{ key: string }>;
  acls?: Array<{ principal: string; permission: AclPermission }> | 'standard-tier';
}

/** One scope being planned: its file, what the region holds, and the changes planned so far. */
interface ScopePlan {
  name: string;
  file: ScopeFile;
  read: ScopeReads | undefined;
  changes: PlannedChange[];
  /** The stage's tally: a scope taken over is recorded in the state file. */
  tally: { recorded: boolean };
}

/** The scopes stage of a region: its changes go to the region's result, the rest is reported. */
export function deployScopes(ctx: RegionContext): Promise<StageReport> {
  const tally = { recorded: false };
  return reportStage(tally, () => planAndApplyScopes(ctx, tally));
}

async function planAndApplyScopes(ctx: RegionContext, tally: { recorded: boolean }): Promise<void> {
  const api = ctx.client.secrets;
  const defs = ctx.project.scopes;
  const existing = defs.length > 0 || Object.keys(ctx.state.scopes).length > 0 ? await api.listScopes() : [];
  const byName = new Map<string, SecretScope>(existing.map((s) => [s.name, s]));
  const changes: PlannedChange[] = [];
  const reads = await readScopes(ctx, byName);
  let unchanged = 0;
  for (const def of defs) {
    const file = def.byRegion[ctx.region.name] as unknown as ScopeFile;
    const outcome = await planScope(
      ctx,
      { name: file.scope, file, read: reads.get(file.scope), changes, tally },
      byName,
    );
    if (outcome === 'unchanged') unchanged++;
  }
  countUnchanged(ctx, 'secret_scope', unchanged);
  planDroppedScopes(ctx, byName, changes);

  // A scope must exist before its secrets and ACLs: creates first, then the rest.
  const creates = changes.filter((c) => c.change.action === 'create' && c.change.part === undefined);
  await recordScopesToCreate(
    ctx,
    creates.map((c) => c.change.name),
  );
  await applyChanges(ctx, 'secret_scope', creates, { concurrency: 4 });
  // On the Standard tier (found while creating) there are no scope ACLs to set.
  const rest = changes.filter((c) => !creates.includes(c) && !(ctx.standardTier && c.change.part === 'acl'));
  await applyChanges(ctx, 'secret_scope', rest, { concurrency: 4 });
}

/** Every scope's secrets and ACLs, read at once rather than one scope after another. */
async function readScopes(
  ctx: RegionContext,
  byName: Map<string, SecretScope>,
): Promise<Map<string, ScopeReads>> {
  const api = ctx.client.secrets;
  return new Map(
    await Promise.all(
      ctx.project.scopes.map(async (def) => {
        const file = def.byRegion[ctx.region.name] as unknown as ScopeFile;
        const current = byName.get(file.scope);
        const [secrets, acls] = await Promise.all([
          current && (file.backend ?? 'databricks') === 'databricks'
            ? api.listSecrets(file.scope)
            : undefined,
          current && Array.isArray(file.acls)
            ? api.listAcls(file.scope).catch((err: unknown) => {
                if (isPremiumOnly(err)) return 'standard-tier' as const;
                throw err;
              })
            : undefined,
        ]);
        return [file.scope, { secrets, acls }] as const;
      }),
    ),
  );
}

/**
 * Plans one scope of the repo: its create, its secrets and its ACL entries. 'unchanged' when
 * nothing is to be written; 'refused' when the scope cannot be deployed (an error is recorded) or
 * its ACLs cannot be read on the Standard tier.
 */
async function planScope(
  ctx: RegionContext,
  scope: ScopePlan,
  byName: Map<string, SecretScope>,
): Promise<'changed' | 'unchanged' | 'refused'> {
  const { name, file } = scope;
  const backend = file.backend ?? 'databricks';
  const apiBackend = backend === 'azure_keyvault' ? 'AZURE_KEYVAULT' : 'DATABRICKS';
  const current = byName.get(name);
  const owned = name in ctx.state.scopes;
  // Imported (adopt: in the config): taken over without --adopt. Its existing secrets were not
  // written by this tool and their values cannot be read; they are kept, not rewritten.
  const adoptedNow =
    !owned &&
    current !== undefined &&
    ctx.config.adopt?.[ctx.region.name]?.secret_scopes.includes(name) === true;
  if (current?.backend_type && current.backend_type !== apiBackend) {
    ctx.result.errors.push(
      `secret scope "${name}" in region ${ctx.region.name} is ${current.backend_type}-backed, the repo says ${apiBackend}; ` +
        'a scope cannot change backend: delete it in the workspace or rename the scope in the repo',
    );
    return 'refused';
  }
  const problem = adoptionError(ctx, 'secret scope', name, current && !owned && !adoptedNow ? 1 : 0);
  if (problem) {
    ctx.result.errors.push(problem);
    return 'refused';
  }
  const fingerprints: Record<string, string> = { ...(ctx.state.scopes[name]?.secrets ?? {}) };
  ctx.state.scopes[name] = { backend, secrets: fingerprints };
  let scopeChanged = false;
  if (!current) {
    scopeChanged = true;
    scope.changes.push(
      planned('secret_scope', name, 'create', async () => {
        await createScopeOnce(ctx, name, file);
      }),
    );
  } else if (!owned) {
    scope.tally.recorded ||= !ctx.dryRun;
  }
  if (backend === 'databricks' && (await planSecrets(ctx, scope, fingerprints, adoptedNow)))
    scopeChanged = true;
  if (Array.isArray(file.acls)) {
    const acls = await planAcls(ctx, scope);
    if (acls === 'standard-tier') return 'refused';
    if (acls) scopeChanged = true;
  }
  return scopeChanged ? 'changed' : 'unchanged';
}

/** The secrets of a Databricks-backed scope whose value changed, is new, or left the file. */
async function planSecrets(
  ctx: RegionContext,
  { name, file, read, changes }: ScopePlan,
  fingerprints: Record<string, string>,
  adoptedNow: boolean,
): Promise<boolean> {
  const api = ctx.client.secrets;
  const present = new Set((read?.secrets ?? []).map((s) => s.key));
  const changedKeys: string[] = [];
  for (const [key, source] of Object.entries(file.secrets ?? {})) {
    const value = ctx.env[source.env] ?? '';
    if (present.has(key) && (await secretMatchesFingerprint(value, fingerprints[key]))) continue;
    if (present.has(key) && adoptedNow) {
      // From now on a changed environment value is written; the imported one is kept.
      fingerprints[key] = await fingerprintSecret(value);
      continue;
    }
    changedKeys.push(key);
    changes.push(
      planned(
        'secret_scope',
        `${name}/${key}`,
        present.has(key) ? 'update' : 'create',
        async () => {
          await api.putSecret(name, key, value);
          fingerprints[key] = await fingerprintSecret(value);
        },
        { part: 'secret', object: name, key },
      ),
    );
  }
  // Keys this tool wrote before and the file no longer names.
  for (const key of Object.keys(fingerprints)) {
    if (file.secrets && key in file.secrets) continue;
    delete fingerprints[key];
    if (!present.has(key)) continue;
    changedKeys.push(key);
    changes.push(
      planned('secret_scope', `${name}/${key}`, 'delete', () => api.deleteSecret(name, key), {
        part: 'secret',
        object: name,
        key,
      }),
    );
  }
  return changedKeys.length > 0;
}

/**
 * The ACL entries to put or remove, never the deployer's own MANAGE. True when any is planned;
 * 'standard-tier' when the workspace has no scope ACLs.
 */
async function planAcls(
  ctx: RegionContext,
  { name, file, read, changes }: ScopePlan,
): Promise<boolean | 'standard-tier'> {
  const api = ctx.client.secrets;
  const acls = read?.acls;
  if (acls === 'standard-tier') {
    noteStandardTier(ctx);
    return 'standard-tier';
  }
  let changed = false;
  const have = new Map((acls ?? []).map((a) => [a.principal, a.permission]));
  for (const acl of file.acls ?? []) {
    if (have.get(acl.principal) === acl.permission) continue;
    changed = true;
    changes.push(
      planned(
        'secret_scope',
        `${name} acl ${acl.principal}`,
        have.has(acl.principal) ? 'update' : 'create',
        () => api.putAcl(name, acl.principal, acl.permission),
        { part: 'acl', object: name, principal: acl.principal },
      ),
    );
  }
  const listed = new Set((file.acls ?? []).map((a) => a.principal));
  const extra = [...have].filter(([principal]) => !listed.has(principal));
  // Who this run is matters only when a MANAGE entry is left that no known deployer explains.
  const known = knownDeployers(ctx);
  const deployers = extra.every(([p, level]) => level !== 'MANAGE' || isDeployerManage(known, p, level))
    ? known
    : await currentDeployers(ctx);
  for (const [principal, permission] of extra) {
    if (isDeployerManage(deployers, principal, permission)) continue;
    changed = true;
    changes.push(
      planned('secret_scope', `${name} acl ${principal}`, 'delete', () => api.deleteAcl(name, principal), {
        part: 'acl',
        object: name,
        principal,
      }),
    );
  }
  return changed;
}

/** Scopes this config owns that the repo no longer names: deleted when pruned, else reported. */
function planDroppedScopes(
  ctx: RegionContext,
  byName: Map<string, SecretScope>,
  changes: PlannedChange[],
): void {
  const api = ctx.client.secrets;
  const desired = new Set(
    ctx.project.scopes.map((d) => String((d.byRegion[ctx.region.name] as unknown as ScopeFile).scope)),
  );
  for (const name of Object.keys(ctx.state.scopes)) {
    if (desired.has(name)) continue;
    if (!byName.has(name)) {
      delete ctx.state.scopes[name];
      continue;
    }
    if (ctx.config.prune.secret_scopes) {
      changes.push(
        planned('secret_scope', name, 'delete', async () => {
          await api.deleteScope(name);
          delete ctx.state.scopes[name];
        }),
      );
    } else {
      noteUnmanaged(ctx, 'secret_scope', name, 'prune.secret_scopes');
    }
  }
}

/**
 * Write-ahead for scopes, which carry no ownership tag: the names about to be created go into the
 * state file first (one write for all of them), so a run killed after a create finds the scope
 * owned next time instead of refusing it as "not managed". A scope recorded here whose create then
 * fails is created by the next run; one the repo drops before that is forgotten (see above).
 */
async function recordScopesToCreate(ctx: RegionContext, names: string[]): Promise<void> {
  if (ctx.dryRun || names.length === 0) return;
  try {
    await ctx.recordIntent((written) => {
      for (const name of names)
        written.scopes[name] ??= { backend: ctx.state.scopes[name].backend, secrets: {} };
    });
  } catch (err) {
    throw new RegionAbort(
      `no secret scope was created in region ${ctx.region.name}: the state file could not record them first (${describeError(err)})`,
    );
  }
}

/** Scope ACLs (and per-principal MANAGE) exist only on the Premium tier. */
function isPremiumOnly(err: unknown): boolean {
  return (
    err instanceof DatabricksError &&
    (err.status === 400 || err.status === 403) &&
    /premium|ACL is not supported/i.test(err.message)
  );
}

function noteStandardTier(ctx: RegionContext): void {
  if (ctx.standardTier) return;
  ctx.standardTier = true;
  ctx.result.warnings.push(
    `region ${ctx.region.name} is on the Standard tier: secret scopes are created with MANAGE for all users ` +
      '(initial_manage_principal: users) and their ACLs are skipped; use the Premium tier to restrict them',
  );
}

/**
 * Creates a scope at most once (createAtMostOnce): after an answer that leaves the outcome unknown,
 * the scope list says whether it was made. On the Standard tier (found by the first create) the
 * scope is created with MANAGE for all users.
 */
async function createScopeOnce(ctx: RegionContext, name: string, file: ScopeFile): Promise<void> {
  const request =
    file.backend === 'azure_keyvault'
      ? { scope: name, scope_backend_type: 'AZURE_KEYVAULT' as const, backend_azure_keyvault: file.keyvault }
      : { scope: name, scope_backend_type: 'DATABRICKS' as const };
  const create = async () => {
    try {
      await ctx.client.secrets.createScope(
        ctx.standardTier ? { ...request, initial_manage_principal: 'users' } : request,
      );
    } catch (err) {
      if (!isPremiumOnly(err) || ctx.standardTier) throw err;
      noteStandardTier(ctx);
      await ctx.client.secrets.createScope({ ...request, initial_manage_principal: 'users' });
    }
    return true;
  };
  await createAtMostOnce({
    create,
    lookUp: async () =>
      (await ctx.client.secrets.listScopes()).some((s) => s.name === name) ? true : undefined,
  });
}
