/**
 * The client's rate limits, per workspace and per API family: what it paces itself with by default
 * (`HttpClientOptions.rateLimits` overrides them). They are set at or under Databricks' documented
 * limits, which the emulator keeps with their sources (src/emulator/limits.ts);
 * test/client/rate-limits.test.ts holds every default against that table.
 */

export type ApiFamily =
  | 'workspace-import'
  | 'workspace-export'
  | 'workspace-list'
  | 'workspace-delete'
  | 'workspace-other'
  | 'jobs'
  | 'jobs-delete-update'
  | 'jobs-runs'
  | 'clusters'
  | 'secrets'
  | 'permissions-read'
  | 'permissions-write'
  | 'other';

/** Requests per second; undefined: the client does not pace the family (no documented limit). */
export const DEFAULT_RATE_LIMITS: Readonly<Record<ApiFamily, number | undefined>> = {
  'workspace-import': 30,
  'workspace-export': 60,
  'workspace-list': 50,
  'workspace-delete': 2,
  // get-status and mkdirs have no documented limit; the list limit is the closest documented one.
  'workspace-other': 50,
  jobs: 20,
  'jobs-delete-update': 10,
  'jobs-runs': 100,
  clusters: undefined,
  secrets: 1100 / 60,
  'permissions-read': 100,
  'permissions-write': 30,
  other: undefined,
};

/** Which family a request belongs to. `path` is the URL path without the query string. */
export function apiFamily(method: string, path: string): ApiFamily {
  const p = path.replace(/^\/api\/[0-9.]+\//, '');
  if (path.startsWith('/api/2.0/workspace-files/import-file')) return 'workspace-import';
  if (p.startsWith('workspace/')) {
    const op = p.slice('workspace/'.length);
    if (op === 'import') return 'workspace-import';
    if (op === 'export') return 'workspace-export';
    if (op === 'list') return 'workspace-list';
    if (op === 'delete') return 'workspace-delete';
    return 'workspace-other';
  }
  if (p.startsWith('jobs/runs/')) return 'jobs-runs';
  if (p === 'jobs/delete' || p === 'jobs/update') return 'jobs-delete-update';
  if (p.startsWith('jobs/')) return 'jobs';
  if (p.startsWith('clusters/')) return 'clusters';
  if (p.startsWith('secrets/')) return 'secrets';
  if (p.startsWith('permissions/')) return method === 'GET' ? 'permissions-read' : 'permissions-write';
  return 'other';
}
