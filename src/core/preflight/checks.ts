/**
 * Preflight checks 1, 2 and 4–6: the identity and its rights, the objects the definitions name, the
 * principals their permissions name, and room for the clusters the config pins. Each returns its
 * checks and records what it verified in `run.verified`.
 */

import { type PermissionEntry, principalsOf } from '../assets/permissions/index.js';
import {
  CATALOG_KINDS,
  describeMissing,
  loadCatalog,
  type MissingReference,
  missingName,
  referencedNames,
} from '../assets/references/index.js';
import { describeError } from '../client/describe.js';
import type { PrincipalKind } from '../client/index.js';
import { ownsCluster } from '../ownership.js';
import { mapLimit } from '../util.js';
import type { PreflightCheck, RegionPreflight } from './types.js';

/** Databricks keeps at most this many pinned clusters per workspace. */
export const MAX_PINNED_CLUSTERS = 100;

/**
 * Check 1: reachable and authenticated. A deploy has just read the state file with these
 * credentials, which proves both; asking who it runs as can wait until the identity's rights are
 * due again. Returns false when the region cannot be asked anything more.
 */
export async function identityCheck(run: RegionPreflight, checks: PreflightCheck[]): Promise<boolean> {
  const { client, region, facts, verified } = run;
  const check = 'reachable and authenticated';
  if (facts) {
    checks.push({ check, status: 'ok', detail: 'the state file was read' });
    verified.admin = facts.admin;
    return true;
  }
  try {
    const me = await client.me();
    checks.push({
      check,
      status: 'ok',
      detail: `as ${me.userName ?? me.applicationId ?? me.displayName ?? 'unknown'}`,
    });
    verified.admin = (me.groups ?? []).some((g) => g.display === 'admins');
    return true;
  } catch (err) {
    checks.push({
      check,
      status: 'fail',
      detail: describeError(err),
      fix: `check ${region.host} and the credentials of region ${region.name} (auth type ${region.auth.type})`,
    });
    return false;
  }
}

/** Check 2: the identity's rights. */
export function rightsCheck(run: RegionPreflight): PreflightCheck {
  return run.verified.admin
    ? { check: 'identity rights', status: 'ok', detail: `workspace admin${run.knownOf([]).note}` }
    : {
        check: 'identity rights',
        status: 'warn',
        detail: 'not a workspace admin',
        fix: 'the identity needs to create clusters and jobs, manage secret scopes and set permissions; add it to the admins group or grant those rights',
      };
}

/** Check 4: policies, pools, warehouses and jobs named in the definitions exist in the region. */
export async function referencesCheck(run: RegionPreflight): Promise<PreflightCheck[]> {
  const { client, project, options } = run;
  const name = run.region.name;
  const needs = referencedNames(project, name);
  // Pipelines of this config are the deploy's own: it creates them before the jobs that run them.
  for (const p of project.pipelines) needs.pipelines.delete(String(p.byRegion[name].name ?? p.name));
  // Cluster names are the deploy's own to resolve (clusters/ and external_clusters).
  const checked = [...CATALOG_KINDS.map(([kind]) => kind), 'jobs' as const];
  if (!checked.some((kind) => needs[kind].size > 0)) return [];
  const catalog = await (options.catalog?.() ?? loadCatalog(client, needs));
  const missing: MissingReference[] = [];
  for (const [table, kind] of CATALOG_KINDS)
    for (const n of needs[table])
      if (!catalog[table].get(n)) missing.push(missingName(kind, n, catalog[table]));
  const configJobs = new Set(project.jobs.map((j) => String(j.byRegion[name].name ?? j.name).toLowerCase()));
  for (const j of needs.jobs) {
    if (configJobs.has(j.toLowerCase())) continue;
    const found = await client.jobs.listAll({ name: j });
    if (found.length !== 1)
      missing.push({ kind: 'job', name: found.length > 1 ? `${j}" (ambiguous: ${found.length} jobs) "` : j });
  }
  if (missing.length === 0)
    return [
      {
        check: 'referenced objects',
        status: 'ok',
        detail:
          'every policy, pool, warehouse, job, pipeline, alert, query, dashboard and notification destination named exists',
      },
    ];
  return [
    {
      check: 'referenced objects',
      status: 'fail',
      detail: describeMissing(missing, name),
      fix: `create them in region ${name} with the same names (ids differ per workspace; names are resolved in each region)`,
    },
  ];
}

type NamedPrincipal = { kind: PrincipalKind; name: string };

/** The principals named in permissions and secret scope ACLs, by `kind:name`. */
function namedPrincipals(run: RegionPreflight): Map<string, NamedPrincipal> {
  const { project } = run;
  const name = run.region.name;
  const principals = new Map<string, NamedPrincipal>();
  for (const d of [...project.jobs, ...project.clusters]) {
    const perms = d.byRegion[name].permissions as PermissionEntry[] | undefined;
    for (const p of principalsOf(perms ?? [])) principals.set(`${p.kind}:${p.name}`, p);
  }
  for (const s of project.scopes) {
    const acls = s.byRegion[name].acls as Array<{ principal: string }> | undefined;
    for (const a of acls ?? []) {
      // Scope ACL principals are user names, group names or application ids.
      const kind: PrincipalKind = a.principal.includes('@')
        ? 'user'
        : /^[0-9a-f-]{36}$/i.test(a.principal)
          ? 'service principal'
          : 'group';
      principals.set(`${kind}:${a.principal}`, { kind, name: a.principal });
    }
  }
  return principals;
}

/** Check 5: the principals named in permissions and secret scope ACLs exist in the region. */
export async function principalsCheck(run: RegionPreflight): Promise<PreflightCheck[]> {
  const { client, facts, verified } = run;
  const name = run.region.name;
  const principals = namedPrincipals(run);
  if (principals.size === 0) return [];
  const known = run.knownOf(facts?.principals);
  const toCheck = [...principals].filter(([key]) => !known.values.has(key));
  try {
    const absent = (
      await mapLimit(toCheck, 4, async ([key, p]) =>
        (await client.scim.exists(p.kind, p.name)) ? undefined : key,
      )
    ).filter((key) => key !== undefined);
    verified.principals = [...principals.keys()].filter((key) => !absent.includes(key));
    if (absent.length === 0)
      return [
        {
          check: 'principals',
          status: 'ok',
          detail: `${principals.size} found${toCheck.length === 0 ? known.note : ''}`,
        },
      ];
    return [
      {
        check: 'principals',
        status: 'fail',
        detail: `${absent.map((key) => `${principals.get(key)!.kind} "${principals.get(key)!.name}"`).join(', ')} not found in region ${name}`,
        fix: `add them to workspace ${name} (or sync them from Entra ID with SCIM provisioning), so they can run and see the jobs after a failover`,
      },
    ];
  } catch (err) {
    verified.principals = [...principals.keys()].filter((key) => known.values.has(key));
    return [
      { check: 'principals', status: 'warn', detail: `could not look up principals: ${describeError(err)}` },
    ];
  }
}

/** Check 6: room for the clusters this config pins. */
export async function pinnedClustersCheck(run: RegionPreflight): Promise<PreflightCheck[]> {
  const { client, project, options } = run;
  const name = run.region.name;
  if (project.clusters.length === 0) return [];
  const clusterNames = project.clusters.map((c) => String(c.byRegion[name].cluster_name ?? c.name));
  // A deploy pins only the clusters it creates: when every one is already recorded as created
  // here, there is nothing to make room for.
  const state = options.state;
  if (state && clusterNames.every((n) => n in state.clusters))
    return [
      {
        check: 'pinned clusters',
        status: 'ok',
        detail: `all ${clusterNames.length} clusters already created here; none to pin`,
      },
    ];
  const all = await client.clusters.listAll({ clusterSources: ['API', 'UI'] });
  const pinned = all.filter((c) => c.is_pinned === true);
  const ours = new Set(
    all.filter((c) => ownsCluster(project.config, name, c) && c.is_pinned).map((c) => c.cluster_name),
  );
  const needed = clusterNames.filter((n) => !ours.has(n)).length;
  const total = pinned.length + needed;
  if (total > MAX_PINNED_CLUSTERS)
    return [
      {
        check: 'pinned clusters',
        status: 'fail',
        detail: `${pinned.length} pinned + ${needed} to pin > ${MAX_PINNED_CLUSTERS}`,
        fix: `unpin clusters that need not survive 30 days terminated in region ${name}`,
      },
    ];
  return [
    {
      check: 'pinned clusters',
      status: total > MAX_PINNED_CLUSTERS * 0.9 ? 'warn' : 'ok',
      detail: `${pinned.length} pinned, ${needed} to pin, limit ${MAX_PINNED_CLUSTERS}`,
    },
  ];
}
