/**
 * preflight: is each region ready to run this config, before anything is written? A deploy that
 * "succeeded" is not yet a secondary that works: a node type or runtime the secondary region does
 * not offer, a policy or warehouse that exists only in the primary, a principal that was never
 * added there — each is found here, with what to fix, instead of on the day of the disaster.
 */
import type { DatabricksClient } from '../client/index.js';
import type { RegionConfig } from '../config/types.js';
import { describeError, mapLimit } from '../deploy/context.js';
import { type PermissionEntry, type PrincipalKind, principalsOf } from '../deploy/permissions.js';
import {
  CATALOG_KINDS,
  describeMissing,
  loadCatalog,
  type MissingReference,
  missingName,
  type RegionCatalog,
  referencedNames,
} from '../deploy/references.js';
import type { RegionResult } from '../deploy/types.js';
import { ownsCluster } from '../ownership.js';
import { freshFacts, type RegionState, type VerifiedFacts } from '../state/state.js';
import type { ProjectDefinitions } from '../validate/types.js';

export interface PreflightCheck {
  check: string;
  status: 'ok' | 'warn' | 'fail';
  detail: string;
  /** What to do about a warning or a failure. */
  fix?: string;
}

/** Databricks keeps at most this many pinned clusters per workspace. */
export const MAX_PINNED_CLUSTERS = 100;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every cluster spec a region's definitions contain, with the file it comes from. */
function clusterSpecs(project: ProjectDefinitions, region: string): Array<{ spec: Json; file: string }> {
  const out: Array<{ spec: Json; file: string }> = [];
  for (const c of project.clusters) out.push({ spec: c.byRegion[region], file: c.path });
  for (const j of project.jobs) {
    const job = j.byRegion[region];
    const add = (spec: unknown) => {
      if (isObject(spec)) out.push({ spec, file: j.path });
    };
    add(job.new_cluster);
    if (Array.isArray(job.job_clusters))
      for (const jc of job.job_clusters) if (isObject(jc)) add(jc.new_cluster);
    const visit = (t: unknown) => {
      if (!isObject(t)) return;
      add(t.new_cluster);
      if (isObject(t.for_each_task)) visit(t.for_each_task.task);
    };
    if (Array.isArray(job.tasks)) job.tasks.forEach(visit);
  }
  return out;
}

function used(specs: Array<{ spec: Json; file: string }>, keys: string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const { spec, file } of specs) {
    for (const k of keys) {
      const v = spec[k];
      if (typeof v !== 'string') continue;
      if (!out.has(v)) out.set(v, new Set());
      out.get(v)!.add(file);
    }
  }
  return out;
}

function sample(values: Iterable<string>, n = 5): string {
  const list = [...values].slice(0, n);
  return list.length > 0 ? ` (it offers e.g. ${list.join(', ')})` : '';
}

async function scimExists(client: DatabricksClient, kind: PrincipalKind, name: string): Promise<boolean> {
  const [resource, attribute] =
    kind === 'user'
      ? ['Users', 'userName']
      : kind === 'group'
        ? ['Groups', 'displayName']
        : ['ServicePrincipals', 'applicationId'];
  const res = await client.http.get<{ Resources?: Json[]; totalResults?: number }>(
    `/api/2.0/preview/scim/v2/${resource}`,
    {
      filter: `${attribute} eq "${name.replace(/"/g, '\\"')}"`,
    },
  );
  return (res.Resources?.length ?? res.totalResults ?? 0) > 0;
}

/**
 * Is every value the definitions use (with the files using it) among those the region offers?
 * Values in `known` were verified by an earlier deploy and are not asked again; when every value is
 * known, nothing is listed.
 */
async function offeredCheck(
  check: string,
  what: string,
  variable: string,
  usedValues: Map<string, Set<string>>,
  region: string,
  known: KnownValues,
  list: () => Promise<string[]>,
): Promise<{ check: PreflightCheck; verified: string[] }> {
  const all = [...usedValues.keys()];
  const toCheck = [...usedValues].filter(([v]) => !known.values.has(v));
  if (toCheck.length === 0)
    return { check: { check, status: 'ok', detail: `${all.join(', ')}${known.note}` }, verified: all };
  let offered: Set<string>;
  try {
    offered = new Set(await list());
  } catch (err) {
    return {
      check: { check, status: 'warn', detail: `could not list ${check}: ${describeError(err)}` },
      verified: all.filter((v) => known.values.has(v)),
    };
  }
  const verified = all.filter((v) => known.values.has(v) || offered.has(v));
  const missing = toCheck.filter(([v]) => !offered.has(v));
  if (missing.length === 0) return { check: { check, status: 'ok', detail: all.join(', ') }, verified };
  return {
    check: {
      check,
      status: 'fail',
      detail: `${missing.map(([v, files]) => `${v} (used by ${[...files].join(', ')})`).join('; ')} not offered in region ${region}`,
      fix: `use ${what} region ${region} offers${sample(offered)}, or set it per region with \${var.${variable}}`,
    },
    verified,
  };
}

/** Values an earlier deploy verified, and how to say so. */
interface KnownValues {
  values: ReadonlySet<string>;
  /** Appended to an ok detail that rests on them. */
  note: string;
}

export interface PreflightOptions {
  /**
   * The region's state file, for a deploy's preflight: facts its predecessors verified within
   * VERIFIED_FOR_MS (node types, runtimes, principals, the identity's rights) are not asked again,
   * and the pinned-cluster room is counted only when a cluster is still to be created. Without it
   * (the `preflight` command) everything is checked.
   */
  state?: RegionState;
  /** This region's policies, pools and warehouses, shared with the deploy that follows. */
  catalog?: () => Promise<RegionCatalog>;
  now?: Date;
}

export interface PreflightReport {
  checks: PreflightCheck[];
  /** What this preflight verified (or trusted), for the state file. */
  verified: VerifiedFacts;
}

export async function preflightRegion(
  client: DatabricksClient,
  region: RegionConfig,
  project: ProjectDefinitions,
  options: PreflightOptions = {},
): Promise<PreflightReport> {
  const checks: PreflightCheck[] = [];
  const name = region.name;
  const now = options.now ?? new Date();
  const facts = freshFacts(options.state, now);
  const knownOf = (values: string[] | undefined): KnownValues => ({
    values: new Set(facts ? values : []),
    note: facts ? ` (checked ${facts.at})` : '',
  });
  const verified: VerifiedFacts = {
    at: facts?.at ?? now.toISOString(),
    admin: false,
    node_types: [],
    runtimes: [],
    principals: [],
  };
  const report = { checks, verified };

  // 1. Reachable and authenticated. A deploy has just read the state file with these credentials,
  // which proves both; asking who it runs as can wait until the identity's rights are due again.
  if (facts) {
    checks.push({ check: 'reachable and authenticated', status: 'ok', detail: 'the state file was read' });
    verified.admin = facts.admin;
  } else {
    try {
      const me = await client.me();
      checks.push({
        check: 'reachable and authenticated',
        status: 'ok',
        detail: `as ${me.userName ?? me.applicationId ?? me.displayName ?? 'unknown'}`,
      });
      verified.admin = (me.groups ?? []).some((g) => g.display === 'admins');
    } catch (err) {
      checks.push({
        check: 'reachable and authenticated',
        status: 'fail',
        detail: describeError(err),
        fix: `check ${region.host} and the credentials of region ${name} (auth type ${region.auth.type})`,
      });
      return report;
    }
  }

  // 2. The identity's rights.
  checks.push(
    verified.admin
      ? { check: 'identity rights', status: 'ok', detail: `workspace admin${knownOf([]).note}` }
      : {
          check: 'identity rights',
          status: 'warn',
          detail: 'not a workspace admin',
          fix: 'the identity needs to create clusters and jobs, manage secret scopes and set permissions; add it to the admins group or grant those rights',
        },
  );

  // The checks below are independent: they run at once.
  const sections = await Promise.all([
    // 3. Node types and runtimes the definitions use (both lists asked at once).
    (async () => {
      const specs = clusterSpecs(project, name);
      const offered = [
        {
          check: 'node types',
          what: 'a node type',
          variable: 'node_type',
          keys: ['node_type_id', 'driver_node_type_id'],
          fact: 'node_types' as const,
          list: async () => {
            const res = await client.http.get<{ node_types?: Array<{ node_type_id: string }> }>(
              '/api/2.1/clusters/list-node-types',
            );
            return (res.node_types ?? []).map((t) => t.node_type_id);
          },
        },
        {
          check: 'runtimes',
          what: 'a Databricks Runtime',
          variable: 'spark_version',
          keys: ['spark_version'],
          fact: 'runtimes' as const,
          list: async () => {
            const res = await client.http.get<{ versions?: Array<{ key: string }> }>(
              '/api/2.1/clusters/spark-versions',
            );
            return (res.versions ?? []).map((v) => v.key);
          },
        },
      ];
      const results = await Promise.all(
        offered.map(async (o) => {
          const values = used(specs, o.keys);
          if (values.size === 0) return undefined;
          const r = await offeredCheck(
            o.check,
            o.what,
            o.variable,
            values,
            name,
            knownOf(facts?.[o.fact]),
            o.list,
          );
          verified[o.fact] = r.verified;
          return r.check;
        }),
      );
      return results.filter((c) => c !== undefined);
    })(),
    // 4. Policies, pools, warehouses and jobs named in the definitions.
    (async () => {
      const out: PreflightCheck[] = [];
      const needs = referencedNames(project, name);
      // Cluster names are the deploy's own to resolve (clusters/ and external_clusters).
      const checked = [...CATALOG_KINDS.map(([kind]) => kind), 'jobs' as const];
      if (checked.some((kind) => needs[kind].size > 0)) {
        const catalog = await (options.catalog?.() ?? loadCatalog(client, needs));
        const missing: MissingReference[] = [];
        for (const [table, kind] of CATALOG_KINDS)
          for (const n of needs[table])
            if (!catalog[table].get(n)) missing.push(missingName(kind, n, catalog[table]));
        const configJobs = new Set(
          project.jobs.map((j) => String(j.byRegion[name].name ?? j.name).toLowerCase()),
        );
        for (const j of needs.jobs) {
          if (configJobs.has(j.toLowerCase())) continue;
          const found = await client.jobs.listAll({ name: j });
          if (found.length !== 1)
            missing.push({
              kind: 'job',
              name: found.length > 1 ? `${j}" (ambiguous: ${found.length} jobs) "` : j,
            });
        }
        out.push(
          missing.length === 0
            ? {
                check: 'referenced objects',
                status: 'ok',
                detail:
                  'every policy, pool, warehouse, job, pipeline, alert, query, dashboard and notification destination named exists',
              }
            : {
                check: 'referenced objects',
                status: 'fail',
                detail: describeMissing(missing, name),
                fix: `create them in region ${name} with the same names (ids differ per workspace; names are resolved in each region)`,
              },
        );
      }
      return out;
    })(),
    // 5. Principals named in permissions and secret scope ACLs.
    (async () => {
      const out: PreflightCheck[] = [];
      const principals = new Map<string, { kind: PrincipalKind; name: string }>();
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
      if (principals.size === 0) return out;
      const known = knownOf(facts?.principals);
      const toCheck = [...principals].filter(([key]) => !known.values.has(key));
      try {
        const absent = (
          await mapLimit(toCheck, 4, async ([key, p]) =>
            (await scimExists(client, p.kind, p.name)) ? undefined : key,
          )
        ).filter((key) => key !== undefined);
        verified.principals = [...principals.keys()].filter((key) => !absent.includes(key));
        out.push(
          absent.length === 0
            ? {
                check: 'principals',
                status: 'ok',
                detail: `${principals.size} found${toCheck.length === 0 ? known.note : ''}`,
              }
            : {
                check: 'principals',
                status: 'fail',
                detail: `${absent.map((key) => `${principals.get(key)!.kind} "${principals.get(key)!.name}"`).join(', ')} not found in region ${name}`,
                fix: `add them to workspace ${name} (or sync them from Entra ID with SCIM provisioning), so they can run and see the jobs after a failover`,
              },
        );
      } catch (err) {
        verified.principals = [...principals.keys()].filter((key) => known.values.has(key));
        out.push({
          check: 'principals',
          status: 'warn',
          detail: `could not look up principals: ${describeError(err)}`,
        });
      }
      return out;
    })(),
    // 6. Room for the clusters this config pins.
    (async () => {
      const out: PreflightCheck[] = [];
      if (project.clusters.length === 0) return out;
      const clusterNames = project.clusters.map((c) => String(c.byRegion[name].cluster_name ?? c.name));
      // A deploy pins only the clusters it creates: when every one is already recorded as created
      // here, there is nothing to make room for.
      const state = options.state;
      if (state && clusterNames.every((n) => n in state.clusters)) {
        out.push({
          check: 'pinned clusters',
          status: 'ok',
          detail: `all ${clusterNames.length} clusters already created here; none to pin`,
        });
        return out;
      }
      const all = await client.clusters.listAll({ clusterSources: ['API', 'UI'] });
      const pinned = all.filter((c) => c.is_pinned === true);
      const ours = new Set(
        all.filter((c) => ownsCluster(project.config, name, c) && c.is_pinned).map((c) => c.cluster_name),
      );
      const needed = clusterNames.filter((n) => !ours.has(n)).length;
      const total = pinned.length + needed;
      out.push(
        total > MAX_PINNED_CLUSTERS
          ? {
              check: 'pinned clusters',
              status: 'fail',
              detail: `${pinned.length} pinned + ${needed} to pin > ${MAX_PINNED_CLUSTERS}`,
              fix: `unpin clusters that need not survive 30 days terminated in region ${name}`,
            }
          : {
              check: 'pinned clusters',
              status: total > MAX_PINNED_CLUSTERS * 0.9 ? 'warn' : 'ok',
              detail: `${pinned.length} pinned, ${needed} to pin, limit ${MAX_PINNED_CLUSTERS}`,
            },
      );
      return out;
    })(),
  ]);
  for (const section of sections) checks.push(...section);
  return report;
}

export function regionReady(checks: PreflightCheck[]): boolean {
  return checks.every((c) => c.status !== 'fail');
}

/** Records a region's checks in its result: failures become errors with their fix. */
export function recordChecks(result: RegionResult, checks: PreflightCheck[]): void {
  result.checks = checks;
  for (const c of checks) {
    const line = `preflight ${c.check}: ${c.detail}${c.fix ? ` — ${c.fix}` : ''}`;
    if (c.status === 'fail') result.errors.push(line);
    else if (c.status === 'warn') result.warnings.push(line);
  }
  if (!regionReady(checks) && result.status === 'ok') result.status = 'failed';
}

export function renderChecksMarkdown(regions: Record<string, RegionResult>): string {
  const icon = { ok: '✅', warn: '⚠️', fail: '❌' } as const;
  const out = ['## databricks-dr preflight', ''];
  for (const [name, r] of Object.entries(regions)) {
    out.push(
      `### ${name}: ${r.status === 'unreachable' ? 'unreachable' : regionReady(r.checks ?? []) ? 'ready' : 'not ready'}`,
      '',
    );
    if (r.checks && r.checks.length > 0) {
      out.push('| | check | result | what to do |', '|---|---|---|---|');
      for (const c of r.checks)
        out.push(
          `| ${icon[c.status]} | ${c.check} | ${c.detail.replace(/\|/g, '\\|')} | ${(c.fix ?? '').replace(/\|/g, '\\|')} |`,
        );
      out.push('');
    }
    for (const e of r.status === 'unreachable' ? r.errors : []) out.push(`> [!CAUTION]\n> ${e}`, '');
  }
  return `${out.join('\n')}\n`;
}

export function renderChecksText(regions: Record<string, RegionResult>): string {
  const mark = { ok: 'ok  ', warn: 'warn', fail: 'FAIL' } as const;
  const lines: string[] = [];
  for (const [name, r] of Object.entries(regions)) {
    lines.push(
      `${name}: ${r.status === 'unreachable' ? 'unreachable' : regionReady(r.checks ?? []) ? 'ready' : 'NOT READY'}`,
    );
    for (const c of r.checks ?? []) {
      lines.push(`  ${mark[c.status]} ${c.check}: ${c.detail}`);
      if (c.fix && c.status !== 'ok') lines.push(`       fix: ${c.fix}`);
    }
    if (r.status === 'unreachable') for (const e of r.errors) lines.push(`  ${e}`);
  }
  return `${lines.join('\n')}\n`;
}
