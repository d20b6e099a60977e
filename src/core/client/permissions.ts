/**
 * Permissions API 2.0 on jobs, clusters and pipelines (`/api/2.0/permissions/{type}/{id}`): read an object's
 * access control list, or replace its direct permissions. Which permissions to write is the
 * deploy's business (core/assets/permissions/).
 */
import type { HttpClient } from './http.js';
import type { ObjectAccessControl } from './workspace.js';

/** The object types whose permissions the deploy manages. */
export type PermissionObject = 'jobs' | 'clusters' | 'pipelines';

/** One entry to write: a principal key (user_name, group_name or service_principal_name) and a level. */
export type AccessControlEntry = Record<string, string>;

const BASE = '/api/2.0/permissions';

export class PermissionsApi {
  constructor(private readonly http: HttpClient) {}

  /** Every principal's permissions on the object, direct and inherited. */
  async get(type: PermissionObject, id: string | number): Promise<ObjectAccessControl[]> {
    const res = await this.http.get<{ access_control_list?: ObjectAccessControl[] }>(`${BASE}/${type}/${id}`);
    return res.access_control_list ?? [];
  }

  /** Replaces the object's direct permissions with `acl` (PUT: a repeat writes the same list). */
  async set(type: PermissionObject, id: string | number, acl: AccessControlEntry[]): Promise<void> {
    await this.http.request('PUT', `${BASE}/${type}/${id}`, { body: { access_control_list: acl } });
  }
}
