/**
 * The notebook manifest and file hashing shared by index.ts (the per-file path) and
 * archive.ts (directory imports): what a deployed file is recorded as, and how the
 * manifest is read and written.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { isNotFound, type ObjectInfo } from '../../client/index.js';
import type { RegionContext } from '../../session/context.js';
import type { NotebookEntry, ProjectDefinitions } from '../../validate/types.js';

export const MANIFEST_NAME = '.databricks-dr-manifest.json';

function normalizeText(s: string): string {
  return s.replace(/\r\n/g, '\n').replace(/\s+$/, '');
}

/** What a notebook looks like when compared: source text without trailing space, Jupyter cell sources, file bytes. */
export function comparableNotebook(entry: NotebookEntry, content: Buffer): string {
  if (entry.format === 'JUPYTER') {
    try {
      const nb = JSON.parse(content.toString('utf8')) as { cells?: Array<{ source?: string | string[] }> };
      return (nb.cells ?? [])
        .map((c) => normalizeText(Array.isArray(c.source) ? c.source.join('') : (c.source ?? '')))
        .join('\n\u0000\n');
    } catch {
      return content.toString('utf8');
    }
  }
  if (entry.objectType === 'NOTEBOOK') return normalizeText(content.toString('utf8'));
  return createHash('sha256').update(content).digest('hex');
}

export interface Manifest {
  version: 1;
  /** The config that owns the target (absent in manifests written before it was recorded). */
  config?: string;
  /** Workspace path relative to the target → content hash ('' while an upload is pending). */
  files: Record<string, string>;
}

export function hashEntry(entry: NotebookEntry, content: Buffer): string {
  return createHash('sha256')
    .update(`${entry.objectType}:${entry.language ?? ''}:${entry.format}\n`)
    .update(content)
    .digest('hex');
}

/** One read buffer for hashing: planning reads every file, and a Buffer per file is pure garbage. */
const HASH_CHUNK = Buffer.allocUnsafe(64 * 1024);

/** The same digest as hashEntry(entry, readFileSync(entry.file)), read in chunks into one buffer. */
function hashFile(entry: NotebookEntry): string {
  const hash = createHash('sha256').update(`${entry.objectType}:${entry.language ?? ''}:${entry.format}\n`);
  const fd = openSync(entry.file, 'r');
  try {
    for (let n = readSync(fd, HASH_CHUNK); n > 0; n = readSync(fd, HASH_CHUNK))
      hash.update(HASH_CHUNK.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * File hashes per run: the regions plan in parallel over the same files, so each file is read and
 * hashed once per deploy, not once per region (10,000 notebooks: 10,000 reads instead of 20,000).
 */
const runHashes = new WeakMap<ProjectDefinitions, Map<string, string>>();

export function plannedHash(ctx: RegionContext, entry: NotebookEntry): string {
  let hashes = runHashes.get(ctx.project);
  if (!hashes) {
    hashes = new Map();
    runHashes.set(ctx.project, hashes);
  }
  let hash = hashes.get(entry.file);
  if (hash === undefined) {
    hash = hashFile(entry);
    hashes.set(entry.file, hash);
  }
  return hash;
}

export function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function sameFiles(a: Manifest, b: Manifest): boolean {
  const ka = Object.keys(a.files);
  return ka.length === Object.keys(b.files).length && ka.every((k) => a.files[k] === b.files[k]);
}

export async function listOrEmpty(ctx: RegionContext, path: string): Promise<ObjectInfo[] | undefined> {
  try {
    return await ctx.client.workspace.list(path);
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/**
 * The manifest's content, or undefined when it is not a valid manifest (then it is rebuilt). A
 * failed request throws.
 */
export async function readManifest(ctx: RegionContext, path: string): Promise<Manifest | undefined> {
  const content = await ctx.client.workspace.exportContent(path, 'AUTO');
  try {
    const value = JSON.parse(content.toString('utf8')) as Partial<Manifest>;
    if (value && typeof value.files === 'object' && value.files !== null)
      return {
        version: 1,
        ...(typeof value.config === 'string' ? { config: value.config } : {}),
        files: { ...value.files },
      };
  } catch {
    // fall through
  }
  return undefined;
}

export async function writeManifest(ctx: RegionContext, path: string, manifest: Manifest): Promise<void> {
  const sorted: Manifest = {
    version: 1,
    config: ctx.config.name,
    files: Object.fromEntries(Object.entries(manifest.files).sort()),
  };
  await ctx.client.workspace.importContent(path, `${JSON.stringify(sorted, null, 1)}\n`, {
    format: 'AUTO',
    overwrite: true,
  });
}
