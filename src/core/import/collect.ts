/**
 * Reads one workspace for import: the selected jobs (and the jobs, clusters and pipelines they use),
 * clusters, pipelines, notebook folders and secret scopes, as definitions with names instead of ids. Reads only; never
 * asks for a secret's value (the Secrets API would not return one anyway).
 */
import type { ClusterDetails, DatabricksClient, Job } from '../client/index.js';
import { isNotFound, nameFilter } from '../client/index.js';
import { MANAGEMENT_TAG } from '../ownership.js';
import { clusterDefinition, jobDefinition, pipelineDefinition } from './clean.js';
import { collectNotebooks, type NotebookFolder } from './notebooks.js';
import {
  type FollowedReference,
  ImportCatalog,
  nameClusterSpec,
  nameJobSettings,
  namePipelineSpec,
} from './references.js';
import { collectScopes, type ImportedScope } from './scopes.js';

type Json = Record<string, unknown>;

export interface ImportSelection {
  jobs: string[];
  allJobs: boolean;
  clusters: string[];
  /** Pipelines by name, besides those the imported jobs run (pipeline_task). */
  pipelines?: string[];
  /** Every pipeline (except those another config owns). */
  allPipelines?: boolean;
  notebooks: string[];
  scopes: string[];
}

export interface Skipped {
  kind: string;
  name: string;
  reason: string;
  /** Set in the result: the region where it was skipped. */
  region?: string;
}

export interface WorkspaceImport {
  region: string;
  jobs: Map<string, { id: number; definition: Json }>;
  clusters: Map<string, { id: string; definition: Json }>;
  pipelines: Map<string, { id: string; definition: Json }>;
  notebooks: NotebookFolder[];
  scopes: Map<string, ImportedScope>;
  /** Clusters the jobs use that this config does not manage (owned by another config). */
  externalClusters: Set<string>;
  skipped: Skipped[];
  /** What the reader should check (an id kept, a notebook outside the imported folders). */
  notes: string[];
}

export interface CollectOptions {
  configName: string;
  selection: ImportSelection;
  /** Reports progress (a line per step). */
  progress: (message: string) => void;
  /** The compare region: a selected object that is missing is listed, not an error. */
  lenient?: boolean;
}

const USER_CLUSTER_SOURCES = new Set(['UI', 'API', undefined]);

export async function collectWorkspace(
  client: DatabricksClient,
  options: CollectOptions,
): Promise<WorkspaceImport> {
  const { configName, selection, progress } = options;
  const out: WorkspaceImport = {
    region: client.region,
    jobs: new Map(),
    clusters: new Map(),
    pipelines: new Map(),
    notebooks: [],
    scopes: new Map(),
    externalClusters: new Set(),
    skipped: [],
    notes: [],
  };
  progress(`${client.region}: listing jobs and clusters`);
  const [allJobs, allClusters] = await Promise.all([client.jobs.listAll(), client.clusters.listAll()]);
  const read: Reading = {
    client,
    options,
    out,
    catalog: new ImportCatalog(client, {
      clusters: allClusters
        .filter((c) => USER_CLUSTER_SOURCES.has(c.cluster_source))
        .map((c) => ({ id: c.cluster_id, name: String(c.cluster_name ?? '') })),
      jobs: allJobs.map((j) => ({ id: String(j.job_id), name: String(j.settings?.name ?? '') })),
    }),
    foreignOwner: (tags: unknown) => {
      const owner = (tags as Record<string, unknown> | undefined)?.[MANAGEMENT_TAG];
      return typeof owner === 'string' && owner !== configName ? owner : undefined;
    },
  };
  const followed = await collectJobs(read, allJobs);
  const clusterNames = new Set(selection.clusters);
  for (const ref of followed) if (ref.kind === 'clusters' && ref.name) clusterNames.add(ref.name);
  await collectClusters(read, allClusters, clusterNames);
  const pipelineNames = new Set(selection.pipelines ?? []);
  if (selection.allPipelines)
    for (const p of await client.pipelines.listAll()) if (p.name) pipelineNames.add(p.name);
  for (const ref of followed) if (ref.kind === 'pipelines' && ref.name) pipelineNames.add(ref.name);
  await collectPipelines(read, pipelineNames);

  out.notebooks = await collectNotebooks(client, selection.notebooks, out, progress);
  const scopeNames = new Set([...selection.scopes, ...scopesReferenced(out)]);
  out.scopes = await collectScopes(client, [...scopeNames], out, progress, options.lenient === true);
  return out;
}

/** What the readers of one workspace share. */
interface Reading {
  client: DatabricksClient;
  options: CollectOptions;
  out: WorkspaceImport;
  catalog: ImportCatalog;
  /** The other config that owns an object (by its tag), if any. */
  foreignOwner: (tags: unknown) => string | undefined;
}

/** The selected jobs, then every job they run (run_job_task), so the repository deploys as is. */
async function collectJobs(read: Reading, allJobs: Job[]): Promise<FollowedReference[]> {
  const { client, options, out } = read;
  const queue: Job[] = options.selection.allJobs ? [...allJobs] : [];
  for (const name of options.selection.jobs) {
    const found = allJobs.filter((j) => String(j.settings?.name ?? '').toLowerCase() === name.toLowerCase());
    if (found.length === 1) queue.push(found[0]);
    else if (found.length > 1)
      out.skipped.push({
        kind: 'job',
        name,
        reason: `${found.length} jobs have that name (ids ${found.map((j) => j.job_id).join(', ')})`,
      });
    else if (!options.lenient)
      out.skipped.push({ kind: 'job', name, reason: 'no job of that name in the workspace' });
  }
  const seen = new Set<number>();
  const followed: FollowedReference[] = [];
  while (queue.length > 0) {
    const listed = queue.shift()!;
    if (seen.has(listed.job_id)) continue;
    seen.add(listed.job_id);
    const name = String(listed.settings?.name ?? listed.job_id);
    const owner = read.foreignOwner(listed.settings?.tags);
    if (owner) {
      out.skipped.push({ kind: 'job', name, reason: `owned by another config (${owner})` });
      continue;
    }
    if (out.jobs.has(name)) {
      out.skipped.push({ kind: 'job', name, reason: 'several jobs have that name; rename all but one' });
      continue;
    }
    options.progress(`${client.region}: reading job ${name}`);
    const job = await client.jobs.get(listed.job_id);
    const definition = jobDefinition(job);
    const refs = await nameJobSettings(definition, read.catalog);
    followed.push(...refs);
    for (const ref of refs) {
      if (ref.problem) out.notes.push(`job "${name}": ${ref.problem}`);
      const runs =
        ref.kind === 'jobs' && ref.name ? allJobs.find((j) => String(j.job_id) === ref.id) : undefined;
      if (runs && !seen.has(runs.job_id)) queue.push(runs);
    }
    out.jobs.set(name, { id: job.job_id, definition });
  }
  return followed;
}

/** The named all-purpose clusters (job clusters are part of their jobs). */
async function collectClusters(
  read: Reading,
  allClusters: ClusterDetails[],
  names: Set<string>,
): Promise<void> {
  const { client, options, out } = read;
  for (const name of names) {
    const found = allClusters.filter(
      (c) => c.cluster_name === name && USER_CLUSTER_SOURCES.has(c.cluster_source),
    );
    if (found.length !== 1) {
      if (found.length > 1 || !options.lenient)
        out.skipped.push({
          kind: 'cluster',
          name,
          reason:
            found.length > 1
              ? `${found.length} clusters have that name`
              : 'no cluster of that name in the workspace',
        });
      continue;
    }
    const owner = read.foreignOwner(found[0].custom_tags);
    if (owner) {
      out.skipped.push({
        kind: 'cluster',
        name,
        reason: `owned by another config (${owner}); listed in external_clusters`,
      });
      out.externalClusters.add(name);
      continue;
    }
    options.progress(`${client.region}: reading cluster ${name}`);
    out.clusters.set(name, {
      id: found[0].cluster_id,
      definition: await clusterDefinitionOf(client, found[0], read.catalog, out),
    });
  }
}

async function clusterDefinitionOf(
  client: DatabricksClient,
  listed: ClusterDetails,
  catalog: ImportCatalog,
  out: WorkspaceImport,
): Promise<Json> {
  // List items lack the submitted spec; clusters/get has it.
  let details = listed;
  try {
    details = await client.clusters.get(listed.cluster_id);
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  const definition = clusterDefinition(details);
  const refs = await nameClusterSpec(definition, catalog);
  for (const ref of refs) if (ref.problem) out.notes.push(`cluster "${listed.cluster_name}": ${ref.problem}`);
  return definition;
}

/**
 * The named pipelines that belong to no config (one owned by another config is skipped: it is
 * that config's to deploy), read in full: a listing has neither the spec nor the tags.
 */
async function collectPipelines(read: Reading, names: Set<string>): Promise<void> {
  const { client, options, out } = read;
  for (const name of names) {
    const found = (await client.pipelines.listAll(nameFilter(name))).filter((p) => p.name === name);
    if (found.length !== 1) {
      if (found.length > 1 || !options.lenient)
        out.skipped.push({
          kind: 'pipeline',
          name,
          reason:
            found.length > 1
              ? `${found.length} pipelines have that name`
              : 'no pipeline of that name in the workspace',
        });
      continue;
    }
    options.progress(`${client.region}: reading pipeline ${name}`);
    const details = await client.pipelines.get(found[0].pipeline_id);
    const owner = read.foreignOwner(details.spec?.tags);
    if (owner) {
      out.skipped.push({ kind: 'pipeline', name, reason: `owned by another config (${owner})` });
      continue;
    }
    const definition = pipelineDefinition(details);
    for (const ref of await namePipelineSpec(definition, read.catalog))
      if (ref.problem) out.notes.push(`pipeline "${name}": ${ref.problem}`);
    out.pipelines.set(name, { id: details.pipeline_id, definition });
  }
}

/** Scopes named in {{secrets/scope/key}} by the imported jobs, clusters and pipelines. */
function scopesReferenced(out: WorkspaceImport): string[] {
  const text = JSON.stringify(
    [...out.jobs.values(), ...out.clusters.values(), ...out.pipelines.values()].map((x) => x.definition),
  );
  return [...new Set([...text.matchAll(/\{\{secrets\/([^/}]+)\/[^}]+\}\}/g)].map((m) => m[1]))];
}
