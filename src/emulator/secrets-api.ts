/**
 * Secrets API 2.0 (`/api/2.0/secrets/…`): scopes, secrets and scope ACLs. The caller's effective
 * permission on a scope is the stronger of its own ACL and the `users` group's, as MANAGE ⊃ WRITE
 * ⊃ READ; writing needs WRITE and ACL operations need MANAGE.
 */
import type { ApiContext, Router } from './context.js';
import {
  ApiError,
  type ApiRequest,
  alreadyExists,
  doesNotExist,
  invalidParameter,
  isObject,
  permissionDenied,
  requireString,
} from './http.js';
import type { EmulatedScope } from './workspace-state.js';

const NAME = /^[A-Za-z0-9_.@-]{1,128}$/;
const MAX_SCOPES = 1000;
const MAX_SECRETS = 1000;
const MAX_VALUE_BYTES = 128 * 1024;
const PERMISSIONS = ['READ', 'WRITE', 'MANAGE'] as const;
type Permission = (typeof PERMISSIONS)[number];
const RANK: Record<Permission, number> = { READ: 1, WRITE: 2, MANAGE: 3 };

function getScope(ctx: ApiContext, name: string): EmulatedScope {
  const scope = ctx.state.scopes[name];
  if (!scope) throw doesNotExist(`Scope ${name} does not exist!`);
  return scope;
}

function checkName(kind: 'scope' | 'key', name: string): void {
  if (!NAME.test(name))
    throw invalidParameter(
      `Invalid ${kind} name '${name}': use alphanumeric characters, '-', '_', '.' and '@', at most 128 characters`,
    );
}

function needPermission(ctx: ApiContext, scope: EmulatedScope, needed: Permission): void {
  const own = scope.acls[ctx.user];
  const group = scope.acls.users;
  const have = Math.max(own ? RANK[own] : 0, group ? RANK[group] : 0);
  if (have < RANK[needed])
    throw permissionDenied(`User ${ctx.user} does not have ${needed} permission on scope ${scope.name}`);
}

function refuseKeyVault(scope: EmulatedScope, what: string): void {
  // Key Vault-backed scopes are read-only through the Databricks API.
  if (scope.backend_type === 'AZURE_KEYVAULT')
    throw new ApiError(
      400,
      'BAD_REQUEST',
      `${what} is not supported for Azure KeyVault-backed scope ${scope.name}`,
    );
}

/**
 * Standard tier has no secret ACLs: "ACL is not supported in your workspace." with
 * PERMISSION_DENIED (Azure/azure-databricks-operator #99).
 */
function refuseOnStandard(ctx: ApiContext): void {
  if (ctx.workspace.tier === 'standard')
    throw new ApiError(403, 'PERMISSION_DENIED', 'ACL is not supported in your workspace.');
}

function createScope(req: ApiRequest, ctx: ApiContext): unknown {
  const body = req.json();
  const name = requireString(body, 'scope');
  checkName('scope', name);
  const backend = body.scope_backend_type ?? 'DATABRICKS';
  if (backend !== 'DATABRICKS' && backend !== 'AZURE_KEYVAULT')
    throw invalidParameter(`Invalid scope_backend_type: ${String(backend)}`);
  const principal = body.initial_manage_principal;
  if (principal !== undefined && principal !== 'users')
    throw invalidParameter("initial_manage_principal only accepts 'users'");
  // Without ACLs only `users` can manage a scope (Databricks.API.PowerShell #24).
  if (ctx.workspace.tier === 'standard' && principal !== 'users')
    throw new ApiError(
      400,
      'BAD_REQUEST',
      'Premium Tier is disabled in this workspace. Secret scopes can only be created with initial_manage_principal "users".',
    );
  let keyvault: EmulatedScope['keyvault_metadata'];
  if (backend === 'AZURE_KEYVAULT') {
    // Creating a Key Vault scope needs an Entra ID token; a PAT cannot grant vault access.
    if (ctx.tokenKind !== 'entra')
      throw invalidParameter('Scope with Azure KeyVault must have userAADToken defined!');
    const kv = body.backend_azure_keyvault;
    if (!isObject(kv) || typeof kv.resource_id !== 'string' || typeof kv.dns_name !== 'string')
      throw invalidParameter('Missing required field: backend_azure_keyvault (resource_id, dns_name)');
    keyvault = { resource_id: kv.resource_id, dns_name: kv.dns_name };
  }
  if (ctx.state.scopes[name]) throw alreadyExists(`Scope ${name} already exists!`);
  if (Object.keys(ctx.state.scopes).length >= MAX_SCOPES)
    throw new ApiError(
      400,
      'RESOURCE_LIMIT_EXCEEDED',
      `The maximum number of scopes (${MAX_SCOPES}) has been reached.`,
    );
  ctx.state.scopes[name] = {
    name,
    backend_type: backend,
    ...(keyvault ? { keyvault_metadata: keyvault } : {}),
    secrets: {},
    acls: principal === 'users' ? { users: 'MANAGE' } : { [ctx.user]: 'MANAGE' },
  };
  return {};
}

function listScopes(_req: ApiRequest, ctx: ApiContext): unknown {
  const scopes = Object.values(ctx.state.scopes)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((s) => ({
      name: s.name,
      backend_type: s.backend_type,
      ...(s.keyvault_metadata ? { keyvault_metadata: { ...s.keyvault_metadata } } : {}),
    }));
  return scopes.length > 0 ? { scopes } : {};
}

function deleteScope(req: ApiRequest, ctx: ApiContext): unknown {
  const scope = getScope(ctx, requireString(req.json(), 'scope'));
  needPermission(ctx, scope, 'MANAGE');
  delete ctx.state.scopes[scope.name];
  return {};
}

function putSecret(req: ApiRequest, ctx: ApiContext): unknown {
  const body = req.json();
  const scope = getScope(ctx, requireString(body, 'scope'));
  const key = requireString(body, 'key');
  checkName('key', key);
  const hasString = body.string_value !== undefined && body.string_value !== null;
  const hasBytes = body.bytes_value !== undefined && body.bytes_value !== null;
  if (hasString === hasBytes)
    throw invalidParameter('Exactly one of string_value or bytes_value must be set');
  refuseKeyVault(scope, 'Writing secrets');
  needPermission(ctx, scope, 'WRITE');
  let value: Buffer;
  if (hasString) {
    if (typeof body.string_value !== 'string') throw invalidParameter('Field string_value must be a string');
    value = Buffer.from(body.string_value, 'utf8');
  } else {
    if (typeof body.bytes_value !== 'string' || !/^[A-Za-z0-9+/=\s]*$/.test(body.bytes_value))
      throw invalidParameter('Field bytes_value must be base64-encoded');
    value = Buffer.from(body.bytes_value, 'base64');
  }
  if (value.length > MAX_VALUE_BYTES)
    throw invalidParameter(`Secret value is ${value.length} bytes; the maximum is ${MAX_VALUE_BYTES} bytes`);
  if (!scope.secrets[key] && Object.keys(scope.secrets).length >= MAX_SECRETS)
    throw new ApiError(
      400,
      'RESOURCE_LIMIT_EXCEEDED',
      `Scope ${scope.name} already holds the maximum of ${MAX_SECRETS} secrets.`,
    );
  scope.secrets[key] = { value: value.toString('base64'), last_updated_timestamp: ctx.now };
  return {};
}

function listSecrets(req: ApiRequest, ctx: ApiContext): unknown {
  const name = req.param('scope');
  if (!name) throw invalidParameter('Missing required field: scope');
  const scope = getScope(ctx, name);
  needPermission(ctx, scope, 'READ');
  const secrets = Object.entries(scope.secrets)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, s]) => ({ key, last_updated_timestamp: s.last_updated_timestamp }));
  return secrets.length > 0 ? { secrets } : {};
}

function deleteSecret(req: ApiRequest, ctx: ApiContext): unknown {
  const body = req.json();
  const scope = getScope(ctx, requireString(body, 'scope'));
  const key = requireString(body, 'key');
  refuseKeyVault(scope, 'Deleting secrets');
  needPermission(ctx, scope, 'WRITE');
  if (!scope.secrets[key]) throw doesNotExist(`Secret ${key} does not exist in scope ${scope.name}!`);
  delete scope.secrets[key];
  return {};
}

/**
 * The real service only answers this from inside a notebook (dbutils); the emulator answers it
 * for any caller so tests can check what landed.
 */
function getSecret(req: ApiRequest, ctx: ApiContext): unknown {
  const name = req.param('scope');
  const key = req.param('key');
  if (!name) throw invalidParameter('Missing required field: scope');
  if (!key) throw invalidParameter('Missing required field: key');
  const scope = getScope(ctx, name);
  needPermission(ctx, scope, 'READ');
  const secret = scope.secrets[key];
  if (!secret) throw doesNotExist(`Secret ${key} does not exist in scope ${scope.name}!`);
  return { key, value: secret.value };
}

function putAcl(req: ApiRequest, ctx: ApiContext): unknown {
  refuseOnStandard(ctx);
  const body = req.json();
  const scope = getScope(ctx, requireString(body, 'scope'));
  const principal = requireString(body, 'principal');
  const permission = requireString(body, 'permission');
  if (!PERMISSIONS.includes(permission as Permission))
    throw invalidParameter(`Invalid permission ${permission}: use one of ${PERMISSIONS.join(', ')}`);
  needPermission(ctx, scope, 'MANAGE');
  // Creates or overwrites (as the CLI fake does; the docstring's RESOURCE_ALREADY_EXISTS is not seen).
  scope.acls[principal] = permission as Permission;
  return {};
}

function listAcls(req: ApiRequest, ctx: ApiContext): unknown {
  refuseOnStandard(ctx);
  const name = req.param('scope');
  if (!name) throw invalidParameter('Missing required field: scope');
  const scope = getScope(ctx, name);
  needPermission(ctx, scope, 'MANAGE');
  const items = Object.entries(scope.acls)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([principal, permission]) => ({ principal, permission }));
  // Listed under `items` (the docstring example's `acls` is wrong).
  return items.length > 0 ? { items } : {};
}

function getAcl(req: ApiRequest, ctx: ApiContext): unknown {
  refuseOnStandard(ctx);
  const name = req.param('scope');
  const principal = req.param('principal');
  if (!name) throw invalidParameter('Missing required field: scope');
  if (!principal) throw invalidParameter('Missing required field: principal');
  const scope = getScope(ctx, name);
  needPermission(ctx, scope, 'MANAGE');
  const permission = scope.acls[principal];
  if (!permission) throw doesNotExist(`No ACL for principal ${principal} on scope ${scope.name}!`);
  return { principal, permission };
}

function deleteAcl(req: ApiRequest, ctx: ApiContext): unknown {
  refuseOnStandard(ctx);
  const body = req.json();
  const scope = getScope(ctx, requireString(body, 'scope'));
  const principal = requireString(body, 'principal');
  needPermission(ctx, scope, 'MANAGE');
  if (!scope.acls[principal]) throw doesNotExist(`No ACL for principal ${principal} on scope ${scope.name}!`);
  delete scope.acls[principal];
  return {};
}

export function registerSecrets(router: Router): void {
  const at = (p: string) => `/api/2.0/secrets/${p}`;
  router.add('POST', at('scopes/create'), createScope);
  router.add('GET', at('scopes/list'), listScopes);
  router.add('POST', at('scopes/delete'), deleteScope);
  router.add('POST', at('put'), putSecret);
  router.add('GET', at('list'), listSecrets);
  router.add('POST', at('delete'), deleteSecret);
  router.add('GET', at('get'), getSecret);
  router.add('POST', at('acls/put'), putAcl);
  router.add('GET', at('acls/list'), listAcls);
  router.add('GET', at('acls/get'), getAcl);
  router.add('POST', at('acls/delete'), deleteAcl);
}
