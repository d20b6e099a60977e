/**
 * The workspace's SCIM API (`/api/2.0/preview/scim/v2`): who the client's credentials are, and
 * whether a user, group or service principal exists in the workspace (preflight).
 */
import type { HttpClient } from './http.js';

/** Who the client's credentials are (SCIM `Me`): a user's name or a service principal's application id. */
export interface CurrentIdentity {
  userName?: string;
  applicationId?: string;
  displayName?: string;
  groups?: Array<{ display?: string }>;
}

export type PrincipalKind = 'user' | 'group' | 'service principal';

const BASE = '/api/2.0/preview/scim/v2';

/** The SCIM resource of each kind, and the attribute a permission list names it by. */
const RESOURCES: Record<PrincipalKind, { resource: string; attribute: string }> = {
  user: { resource: 'Users', attribute: 'userName' },
  group: { resource: 'Groups', attribute: 'displayName' },
  'service principal': { resource: 'ServicePrincipals', attribute: 'applicationId' },
};

export class ScimApi {
  constructor(private readonly http: HttpClient) {}

  me(): Promise<CurrentIdentity> {
    return this.http.get<CurrentIdentity>(`${BASE}/Me`);
  }

  /** Whether a principal of that kind and name exists (a filtered list: one request). */
  async exists(kind: PrincipalKind, name: string): Promise<boolean> {
    const { resource, attribute } = RESOURCES[kind];
    const res = await this.http.get<{ Resources?: unknown[]; totalResults?: number }>(`${BASE}/${resource}`, {
      filter: `${attribute} eq "${name.replace(/"/g, '\\"')}"`,
    });
    return (res.Resources?.length ?? res.totalResults ?? 0) > 0;
  }
}
