/** Paths as users type them, the config's globs, and which kind of definition a file holds. */
import { existsSync, globSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { isObject } from './issues.js';
import { TASK_TYPES } from './job-tasks.js';
import type { DefinitionKind } from './schemas.js';

/**
 * How a file is shown in diagnostics: relative to `cwd` when it is inside it, else relative to
 * `baseDir` (the config's folder) when inside that, else absolute. Always with `/`.
 */
export function displayPath(abs: string, cwd: string, baseDir?: string): string {
  const inside = (from: string) => {
    const rel = path.relative(from, abs);
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)
      ? rel.split(path.sep).join('/')
      : undefined;
  };
  return inside(cwd) ?? (baseDir ? inside(baseDir) : undefined) ?? abs.split(path.sep).join('/');
}

/** The repository's real path: the config's folder with every symbolic link resolved. */
export function realRoot(baseDir: string): string {
  try {
    return realpathSync(baseDir);
  } catch {
    return baseDir;
  }
}

/**
 * Whether `abs`, with every symbolic link on the way resolved, lies inside `root` (a real path).
 * The repository is the boundary: a link that leaves it is never followed.
 */
export function resolvesInside(root: string, abs: string): boolean {
  let real: string;
  try {
    real = realpathSync(abs);
  } catch {
    return false;
  }
  const rel = path.relative(root, real);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

const GLOB_CHARS = /[*?[\]{}]/;

export interface GlobMatch {
  /** Absolute paths of the files matched, sorted. */
  files: string[];
  /** The pattern has no glob characters and names no file. */
  missing: boolean;
}

/** Expands one config pattern (a path or a glob, relative to `baseDir`) to files. */
export function expandPattern(pattern: string, baseDir: string): GlobMatch {
  if (!GLOB_CHARS.test(pattern)) {
    const abs = path.resolve(baseDir, pattern);
    const ok = existsSync(abs) && statSync(abs).isFile();
    return { files: ok ? [abs] : [], missing: !ok };
  }
  const files = globSync(pattern, { cwd: baseDir })
    .map((p) => path.resolve(baseDir, p))
    .filter((p) => statSync(p).isFile())
    .sort();
  return { files, missing: false };
}

const FOLDER_KINDS: Record<string, DefinitionKind> = {
  jobs: 'job',
  clusters: 'cluster',
  pipelines: 'pipeline',
  'secret-scopes': 'secret-scope',
  secret_scopes: 'secret-scope',
  scopes: 'secret-scope',
};

/** The kind a file's name or folder implies, if any. */
export function kindFromPath(file: string): DefinitionKind | undefined {
  const base = path.basename(file).toLowerCase();
  if (/^databricks-dr\.(ya?ml|json)$/.test(base)) return 'config';
  const dirs = path.dirname(path.resolve(file)).split(path.sep).reverse();
  for (const d of dirs) {
    const k = FOLDER_KINDS[d.toLowerCase()];
    if (k) return k;
  }
  return undefined;
}

/** The kind a document's content implies, if any. */
export function kindFromContent(value: unknown): DefinitionKind | undefined {
  if (!isObject(value)) return undefined;
  const has = (...keys: string[]) => keys.some((k) => Object.hasOwn(value, k));
  if (has('regions')) return 'config';
  if (has('scope', 'keyvault', 'acls') || (has('backend') && has('secrets'))) return 'secret-scope';
  if (
    has(
      'tasks',
      'job_clusters',
      'schedule',
      'trigger',
      'triggers',
      'continuous',
      'max_concurrent_runs',
      ...TASK_TYPES,
    )
  )
    return 'job';
  if (has('libraries', 'storage', 'target', 'catalog', 'development', 'edition', 'photon')) return 'pipeline';
  if (has('spark_version', 'cluster_name', 'node_type_id', 'num_workers', 'autoscale')) return 'cluster';
  if (has('version') && has('name')) return 'config';
  return undefined;
}
