/**
 * The rules of a project that need its config: a job's tasks and a pipeline's libraries name
 * clusters of the repository and notebooks and files it deploys; Key Vault-backed scopes fit each
 * region's auth and cloud; literal cluster ids are flagged, as they hold in one workspace only.
 */
import path from 'node:path';
import { cloudOfKeyVault, cloudOfWorkspace } from '../clouds.js';
import { isLoopbackHost } from '../config/regions.js';
import type { DrConfig, RegionConfig } from '../config/types.js';
import { closest, didYouMean } from '../suggest.js';
import { hasReference } from '../variables.js';
import type { DiagnosticSet } from './document.js';
import { type Issue, isObject, issue, toDiagnostic } from './issues.js';
import { allTasks } from './job-tasks.js';
import type { NotebookEntry } from './notebooks.js';
import type { Loaded } from './project-files.js';

const HEADER_LINE: Record<string, string> = {
  '.py': '# Databricks notebook source',
  '.r': '# Databricks notebook source',
  '.scala': '// Databricks notebook source',
  '.sql': '-- Databricks notebook source',
};

/** Where deployed notebooks and files live: by workspace path, and which notebooks target holds a path. */
interface Deployed {
  byPath: ReadonlyMap<string, NotebookEntry>;
  underTarget: (p: string) => string | undefined;
  normalize: (p: string) => string;
}

/** Rules that need the config: cluster names, notebook paths, Key Vault scopes, cluster ids. */
export function projectRules(
  loaded: readonly Loaded[],
  config: DrConfig,
  notebooks: readonly NotebookEntry[],
  set: DiagnosticSet,
): void {
  const targets = config.notebooks.map((m) => m.target);
  const deployed: Deployed = {
    byPath: new Map(notebooks.map((n) => [n.workspacePath, n])),
    normalize: (p) => p.replace(/^\/Workspace(?=\/)/, '').replace(/(.)\/+$/, '$1'),
    underTarget: (p) => targets.find((t) => t === '/' || p === t || p.startsWith(`${t}/`)),
  };
  for (const region of config.regions) {
    const r = region.name;
    const clusterNames = new Set<string>(config.external_clusters);
    for (const l of loaded) {
      const v = l.values.get(r);
      if (l.kind === 'cluster' && isObject(v) && typeof v.cluster_name === 'string')
        clusterNames.add(v.cluster_name);
    }
    for (const l of loaded) {
      const value = l.values.get(r);
      if (!isObject(value)) continue;
      const add = (i: Issue) => set.add(toDiagnostic(l.doc, i), r);
      if (l.kind === 'secret-scope' && value.backend === 'azure_keyvault')
        keyVaultScopeIssues(value, region).forEach(add);
      if (l.kind === 'pipeline') pipelineLibraryIssues(value, deployed).forEach(add);
      if (l.kind === 'job') jobTaskIssues(value, clusterNames, deployed).forEach(add);
    }
  }
  literalClusterIdWarnings(loaded, set);
}

/** An Azure Key Vault-backed scope needs an Entra ID token, and a vault of the workspace's cloud. */
function keyVaultScopeIssues(value: Record<string, unknown>, region: RegionConfig): Issue[] {
  const out: Issue[] = [];
  const r = region.name;
  let loopback = false;
  try {
    loopback = isLoopbackHost(new URL(region.host));
  } catch {
    loopback = false;
  }
  if ((region.auth.type === 'pat' || region.auth.type === 'databricks-oidc') && !loopback) {
    out.push(
      issue(
        '/backend',
        `an azure_keyvault scope needs an Entra ID auth type (azure-*) in region ${r}, which uses ${region.auth.type}: Databricks creates Key Vault-backed scopes only with an Entra ID token`,
      ),
    );
  }
  const vault =
    isObject(value.keyvault) && typeof value.keyvault.dns_name === 'string' ? value.keyvault.dns_name : '';
  const vaultCloud = cloudOfKeyVault(vault);
  const regionCloud = cloudOfWorkspace(region.host);
  // Databricks reads the vault with the workspace's Entra token, which only its own cloud accepts.
  if (vaultCloud && regionCloud && vaultCloud !== regionCloud) {
    out.push(
      issue(
        '/keyvault/dns_name',
        `the Key Vault ${vault} is in ${vaultCloud.label}, but region ${r} (${region.host}) is in ${regionCloud.label}: use a vault of the workspace's cloud (https://<name>${regionCloud.keyVaultSuffix}/)`,
      ),
    );
  }
  return out;
}

/** A job's tasks name clusters of this repository, and notebooks and files it deploys. */
function jobTaskIssues(
  job: Record<string, unknown>,
  clusterNames: ReadonlySet<string>,
  deployed: Deployed,
): Issue[] {
  const out: Issue[] = [];
  const { byPath, underTarget, normalize } = deployed;
  const gitJob = isObject(job.git_source);
  for (const ref of allTasks(job)) {
    const t = ref.task;
    if (typeof t.existing_cluster_name === 'string' && !clusterNames.has(t.existing_cluster_name)) {
      const name = t.existing_cluster_name;
      out.push(
        issue(
          `${ref.pointer}/existing_cluster_name`,
          `existing_cluster_name "${name}" is not a cluster of this repository: define it in a cluster file (cluster_name) or list it in external_clusters${didYouMean(name, clusterNames)}`,
        ),
      );
    }
    const nb = t.notebook_task;
    if (isObject(nb) && typeof nb.notebook_path === 'string' && nb.notebook_path.startsWith('/')) {
      const fromGit = nb.source === 'GIT' || (nb.source === undefined && gitJob);
      const p = normalize(nb.notebook_path);
      const target = fromGit ? undefined : underTarget(p);
      if (target !== undefined && byPath.get(p)?.objectType !== 'NOTEBOOK') {
        out.push(
          issue(
            `${ref.pointer}/notebook_task/notebook_path`,
            missingNotebookMessage(nb.notebook_path, p, target, byPath),
          ),
        );
      }
    }
    const py = t.spark_python_task;
    if (
      isObject(py) &&
      typeof py.python_file === 'string' &&
      py.python_file.startsWith('/') &&
      py.source !== 'GIT'
    ) {
      const p = normalize(py.python_file);
      const target = underTarget(p);
      if (target !== undefined && !byPath.has(p))
        out.push(
          issue(
            `${ref.pointer}/spark_python_task/python_file`,
            missingFileMessage('python_file', py.python_file, p, target, byPath),
          ),
        );
    }
  }
  return out;
}

/** A literal cluster id names a cluster of one workspace only. */
function literalClusterIdWarnings(loaded: readonly Loaded[], set: DiagnosticSet): void {
  for (const l of loaded) {
    if (l.kind !== 'job') continue;
    for (const ref of allTasks(l.doc.value)) {
      const id = ref.task.existing_cluster_id;
      if (typeof id === 'string' && !hasReference(id)) {
        set.add(
          toDiagnostic(
            l.doc,
            issue(
              `${ref.pointer}/existing_cluster_id`,
              `existing_cluster_id "${id}" names a cluster of one workspace; the other regions have other ids: use existing_cluster_name (or a \${var.X} per region)`,
              { severity: 'warning' },
            ),
          ),
        );
      }
    }
  }
}

/** A path under a notebooks target that no deployed file has, with the closest one in its folder. */
function missingFileMessage(
  field: string,
  written: string,
  p: string,
  target: string,
  byPath: ReadonlyMap<string, NotebookEntry>,
): string {
  const near = closestPath(p, byPath.keys());
  return `${field} "${written}" is not deployed by this repository (it is under the notebooks target ${target})${near ? ` — did you mean "${near}"?` : ''}`;
}

/**
 * A pipeline's notebook and file libraries under a notebooks target are deployed by this
 * repository (a notebook library must be a notebook, a file library any deployed file).
 */
function pipelineLibraryIssues(pipeline: Record<string, unknown>, deployed: Deployed): Issue[] {
  const out: Issue[] = [];
  const { byPath, underTarget, normalize } = deployed;
  const libraries = Array.isArray(pipeline.libraries) ? pipeline.libraries : [];
  libraries.forEach((lib, i) => {
    if (!isObject(lib)) return;
    for (const key of ['notebook', 'file'] as const) {
      const holder = lib[key];
      if (!isObject(holder) || typeof holder.path !== 'string' || !holder.path.startsWith('/')) continue;
      const p = normalize(holder.path);
      const target = underTarget(p);
      if (target === undefined) continue;
      const entry = byPath.get(p);
      const pointer = `/libraries/${i}/${key}/path`;
      if (key === 'notebook' && entry?.objectType !== 'NOTEBOOK')
        out.push(
          issue(
            pointer,
            missingNotebookMessage(holder.path, p, target, byPath).replace(
              /^notebook_path /,
              'notebook library ',
            ),
          ),
        );
      else if (key === 'file' && !entry)
        out.push(issue(pointer, missingFileMessage('file', holder.path, p, target, byPath)));
    }
  });
  return out;
}

function missingNotebookMessage(
  written: string,
  p: string,
  target: string,
  byPath: ReadonlyMap<string, NotebookEntry>,
): string {
  const entry = byPath.get(p);
  if (entry) {
    const ext = path.extname(entry.file).toLowerCase();
    return `notebook_path "${written}" is a file, not a notebook: ${entry.path} ${HEADER_LINE[ext] ? `needs "${HEADER_LINE[ext]}" as its first line` : 'is not a notebook type (.py, .sql, .scala, .r with the Databricks header, or .ipynb)'}`;
  }
  for (const ext of Object.keys(HEADER_LINE)) {
    const file = byPath.get(`${p}${ext}`);
    if (file)
      return `notebook_path "${written}" is not a notebook: ${file.path} has no "${HEADER_LINE[ext]}" first line, so it deploys as the file ${file.workspacePath}; add the header`;
  }
  const candidates = [...byPath.values()]
    .filter((n) => n.objectType === 'NOTEBOOK')
    .map((n) => n.workspacePath);
  const stem = p.replace(/\.(py|r|scala|sql|ipynb)$/i, '');
  const near = stem !== p && byPath.get(stem)?.objectType === 'NOTEBOOK' ? stem : closestPath(p, candidates);
  return `notebook_path "${written}" is not a notebook of this repository (the notebooks target is ${target})${near ? ` — did you mean "${near}"?` : ': check the path; notebooks deploy without their extension'}`;
}

/** A close path in the same folder (names compared, so long folders do not make everything "close"). */
function closestPath(p: string, candidates: Iterable<string>): string | undefined {
  const dir = p.slice(0, p.lastIndexOf('/') + 1);
  const names = [...candidates]
    .filter((c) => c.startsWith(dir) && !c.slice(dir.length).includes('/'))
    .map((c) => c.slice(dir.length));
  const name = closest(p.slice(dir.length), names);
  return name === undefined ? undefined : `${dir}${name}`;
}
