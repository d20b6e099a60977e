/** Secrets API 2.0 (reference/databricks-api.md §6): scopes, secrets and scope ACLs. */
import { isNotFound } from './errors.js';
import type { HttpClient } from './http.js';

export type ScopeBackendType = 'DATABRICKS' | 'AZURE_KEYVAULT';
export type AclPermission = 'READ' | 'WRITE' | 'MANAGE';

export interface SecretScope {
  name: string;
  backend_type?: ScopeBackendType;
  keyvault_metadata?: { resource_id: string; dns_name: string };
  [key: string]: unknown;
}

export interface CreateScopeRequest {
  scope: string;
  /** Only `users` is accepted; otherwise the creator gets MANAGE. */
  initial_manage_principal?: string;
  scope_backend_type?: ScopeBackendType;
  backend_azure_keyvault?: { resource_id: string; dns_name: string };
}

export interface SecretMetadata {
  key: string;
  last_updated_timestamp?: number;
  [key: string]: unknown;
}

export interface AclItem {
  principal: string;
  permission: AclPermission;
}

/** Exactly one of the two values. */
export type SecretValue = { string_value: string } | { bytes_value: string };

const BASE = '/api/2.0/secrets';
const notFoundIsDone = {
  afterLostAttempt: (err: unknown) => (isNotFound(err) ? 'success' : 'error'),
} as const;

export class SecretsApi {
  constructor(private readonly http: HttpClient) {}

  /**
   * Not idempotent (a second create fails with "already exists", which after a lost answer would
   * be ambiguous): a lost answer throws OutcomeUnknownError. Create through createAtMostOnce.
   */
  async createScope(request: CreateScopeRequest): Promise<void> {
    await this.http.post(`${BASE}/scopes/create`, request);
  }

  async listScopes(): Promise<SecretScope[]> {
    const res = await this.http.get<{ scopes?: SecretScope[] }>(`${BASE}/scopes/list`);
    return res.scopes ?? [];
  }

  async deleteScope(scope: string): Promise<void> {
    await this.http.post(`${BASE}/scopes/delete`, { scope }, notFoundIsDone);
  }

  /** Creates or overwrites a secret. The value never appears in any message. */
  async putSecret(scope: string, key: string, value: SecretValue | string): Promise<void> {
    const v = typeof value === 'string' ? { string_value: value } : value;
    await this.http.post(`${BASE}/put`, { scope, key, ...v });
  }

  async listSecrets(scope: string): Promise<SecretMetadata[]> {
    const res = await this.http.get<{ secrets?: SecretMetadata[] }>(`${BASE}/list`, { scope });
    return res.secrets ?? [];
  }

  async deleteSecret(scope: string, key: string): Promise<void> {
    await this.http.post(`${BASE}/delete`, { scope, key }, notFoundIsDone);
  }

  /** Creates or overwrites the principal's permission. */
  async putAcl(scope: string, principal: string, permission: AclPermission): Promise<void> {
    await this.http.post(`${BASE}/acls/put`, { scope, principal, permission });
  }

  /** The scope's ACLs (the API lists them under `items`, absent when none). */
  async listAcls(scope: string): Promise<AclItem[]> {
    const res = await this.http.get<{ items?: AclItem[] }>(`${BASE}/acls/list`, { scope });
    return res.items ?? [];
  }

  getAcl(scope: string, principal: string): Promise<AclItem> {
    return this.http.get<AclItem>(`${BASE}/acls/get`, { scope, principal });
  }

  async deleteAcl(scope: string, principal: string): Promise<void> {
    await this.http.post(`${BASE}/acls/delete`, { scope, principal }, notFoundIsDone);
  }
}
