/**
 * Notebooks and workspace files, incremental through a manifest kept in each target
 * (`<target>/.databricks-dr-manifest.json`: workspace path → content hash).
 *
 * - An unchanged file costs no request beyond one listing per folder: its hash matches the
 *   manifest and the workspace copy is not newer than the manifest.
 * - Hand edits are found by modification time: the manifest is written after every upload of a
 *   run, so an object modified after the manifest was changed by someone else. Where a listing
 *   gives no `modified_at` for notebooks, `list?notebooks_modified_after=` finds them instead.
 * - Ownership is recorded before content is created (a manifest naming the new paths goes first),
 *   so a run that dies half-way never leaves objects it no longer recognises as its own.
 * - `delete_orphans` deletes only paths the manifest owns, inside the target.
 * - A damaged manifest (not valid JSON) is rebuilt from the target's listing and the content of
 *   what the repo deploys there (rebuildManifest), with a warning.
 * - A target belongs to one config: the manifest names it (`config`), and another config naming
 *   the same target is refused before it reads, counts, uploads or deletes anything there.
 *   A manifest written before owners were recorded is claimed by the first config to deploy.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { isNotFound, type ObjectInfo } from '../client/index.js';
import type { NotebookMapping } from '../config/types.js';
import type { NotebookEntry, ProjectDefinitions } from '../validate/types.js';
import {
  applyChanges,
  countUnchanged,
  mapLimit,
  noteUnmanaged,
  type PlannedChange,
  planned,
  type RegionContext,
} from './context.js';

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

interface Manifest {
  version: 1;
  /** The config that owns the target (absent in manifests written before it was recorded). */
  config?: string;
  /** Workspace path relative to the target → content hash ('' while an upload is pending). */
  files: Record<string, string>;
}

function hashEntry(entry: NotebookEntry, content: Buffer): string {
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

function plannedHash(ctx: RegionContext, entry: NotebookEntry): string {
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

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export async function deployNotebooks(ctx: RegionContext): Promise<void> {
  const mappings = ctx.config.notebooks;
  for (let i = 0; i < mappings.length; i++) {
    await deployMapping(
      ctx,
      mappings[i],
      ctx.project.notebooks.filter((e) => e.mapping === i),
    );
  }
}

async function deployMapping(
  ctx: RegionContext,
  mapping: NotebookMapping,
  entries: NotebookEntry[],
): Promise<void> {
  const ws = ctx.client.workspace;
  const target = mapping.target;
  const manifestPath = `${target}/${MANIFEST_NAME}`;
  const relativeOf = (p: string) => p.slice(target.length + 1);

  // 1. What is there: one listing per folder we deploy into or own.
  const actual = new Map<string, ObjectInfo>();
  const wanted = new Set<string>();
  for (const e of entries)
    for (let d = parentOf(e.workspacePath); d.length > target.length; d = parentOf(d)) wanted.add(d);
  // The manifest is read alongside the root listing rather than after it: one round trip less on
  // every deploy (bench/RESULTS.md). The listing still decides whether there is one.
  const [rootListing, early] = await Promise.all([
    listOrEmpty(ctx, target),
    readManifest(ctx, manifestPath).catch(() => undefined),
  ]);
  const manifestInfo = rootListing?.find((o) => o.path === manifestPath);
  const read = manifestInfo ? (early ?? (await readManifest(ctx, manifestPath))) : undefined;
  // A manifest that is there but unreadable is rebuilt below, once the target is listed.
  const damaged = manifestInfo !== undefined && read === undefined;
  let manifest: Manifest = read ?? { version: 1, files: {} };
  if (manifest.config !== undefined && manifest.config !== ctx.config.name) {
    ctx.result.errors.push(
      `notebook target ${target} in region ${ctx.region.name} is managed by config ${manifest.config} ` +
        `(${manifestPath}), not ${ctx.config.name}: a target belongs to one config; give ${ctx.config.name}'s ` +
        `notebooks their own target folder (--adopt never takes a target from another config)`,
    );
    return;
  }
  for (const rel of Object.keys(manifest.files)) {
    for (let d = parentOf(`${target}/${rel}`); d.length > target.length; d = parentOf(d)) wanted.add(d);
  }
  // A rebuilt manifest compares content, so the time of the damaged one says nothing.
  const since = damaged ? undefined : manifestInfo?.modified_at;
  let notebooksWithoutTime = false;
  const record = (objects: ObjectInfo[]) => {
    for (const o of objects) {
      actual.set(o.path, o);
      if (o.object_type === 'NOTEBOOK' && o.modified_at === undefined) notebooksWithoutTime = true;
    }
  };
  if (rootListing) {
    record(rootListing);
    let frontier = rootListing
      .filter((o) => o.object_type === 'DIRECTORY' && wanted.has(o.path))
      .map((o) => o.path);
    while (frontier.length > 0) {
      // A level at once: the client's own concurrency and the workspace-list rate pace them.
      const listings = await mapLimit(frontier, 32, (dir) => ws.list(dir));
      frontier = [];
      for (const objects of listings) {
        record(objects);
        for (const o of objects)
          if (o.object_type === 'DIRECTORY' && wanted.has(o.path)) frontier.push(o.path);
      }
    }
  }

  if (damaged) manifest = await rebuildManifest(ctx, manifestPath, entries, actual);

  // 2. Which notebooks were edited by hand since the manifest was written.
  const editedByHand = new Set<string>();
  if (since !== undefined) {
    for (const o of actual.values()) {
      if (o.path !== manifestPath && o.modified_at !== undefined && o.modified_at > since)
        editedByHand.add(o.path);
    }
    if (notebooksWithoutTime) {
      const dirs = [
        target,
        ...[...actual.values()].filter((o) => o.object_type === 'DIRECTORY').map((o) => o.path),
      ];
      const listings = await mapLimit(dirs, 8, (dir) => ws.list(dir, { notebooksModifiedAfter: since }));
      for (const objects of listings) {
        for (const o of objects) if (o.object_type === 'NOTEBOOK') editedByHand.add(o.path);
      }
    }
  }

  // 3. The plan.
  const adopted = ctx.config.adopt?.[ctx.region.name]?.notebooks.includes(target) === true;
  // Imported notebooks not recorded yet are taken over without a write where the workspace already
  // holds the file's content: exported once each, in parallel, until the manifest records them.
  const takenOver = new Set<string>();
  if (adopted) {
    const candidates = entries.filter((e) => {
      const existing = actual.get(e.workspacePath);
      return existing?.object_type === e.objectType && !(relativeOf(e.workspacePath) in manifest.files);
    });
    const same = await mapLimit(candidates, 8, (e) => sameContent(ctx, e));
    candidates.forEach((e, i) => {
      if (same[i]) takenOver.add(e.workspacePath);
    });
  }
  const next: Manifest = { version: 1, files: { ...manifest.files } };
  const uploads: PlannedChange[] = [];
  const newPaths: string[] = [];
  let unchanged = 0;
  for (const entry of entries) {
    const rel = relativeOf(entry.workspacePath);
    const hash = plannedHash(ctx, entry);
    const existing = actual.get(entry.workspacePath);
    const owned = rel in manifest.files;
    if (takenOver.has(entry.workspacePath)) {
      next.files[rel] = hash;
      unchanged++;
      continue;
    }
    if (existing && !owned && !ctx.adopt && !adopted) {
      ctx.result.errors.push(
        `${entry.workspacePath} exists in region ${ctx.region.name} but was not deployed by databricks-dr ` +
          `(${ctx.config.name}); move it away, or run with --adopt to take it over`,
      );
      continue;
    }
    const sameType = existing?.object_type === entry.objectType;
    if (
      existing &&
      sameType &&
      owned &&
      manifest.files[rel] === hash &&
      !editedByHand.has(entry.workspacePath)
    ) {
      unchanged++;
      continue;
    }
    const action = existing ? 'update' : 'create';
    if (!owned) newPaths.push(rel);
    const fields =
      existing && editedByHand.has(entry.workspacePath) ? ['edited in the workspace'] : undefined;
    uploads.push(
      planned(
        'notebook',
        entry.workspacePath,
        action,
        async () => {
          // Read again when uploading instead of holding every file's bytes from the plan on: at
          // 10,000 notebooks that kept ~30 MB per region alive for the whole deploy (bench/RESULTS.md).
          // The manifest records the hash of exactly what was uploaded.
          const content = readFileSync(entry.file);
          if (existing && !sameType) await ws.delete(entry.workspacePath, { recursive: false });
          await ws.importContent(entry.workspacePath, content, {
            format: entry.format,
            language:
              entry.objectType === 'NOTEBOOK' && entry.format === 'SOURCE' ? entry.language : undefined,
            overwrite: true,
          });
          next.files[rel] = hashEntry(entry, content);
        },
        fields ? { fields } : {},
      ),
    );
  }
  countUnchanged(ctx, 'notebook', unchanged);

  const desired = new Set(entries.map((e) => relativeOf(e.workspacePath)));
  const deletes: PlannedChange[] = [];
  for (const rel of Object.keys(manifest.files)) {
    if (desired.has(rel)) continue;
    const path = `${target}/${rel}`;
    if (!actual.has(path)) {
      // Gone already: stop owning it.
      if (!ctx.dryRun) delete next.files[rel];
      continue;
    }
    if (!mapping.delete_orphans) {
      noteUnmanaged(ctx, 'notebook', path);
      continue;
    }
    deletes.push(
      planned('notebook', path, 'delete', async () => {
        await ws.delete(path, { recursive: false });
        delete next.files[rel];
      }),
    );
  }

  // Objects in the target that neither git nor the manifest knows: added by hand.
  const desiredPaths = new Set(entries.map((e) => e.workspacePath));
  for (const o of actual.values()) {
    if (o.object_type === 'DIRECTORY' || o.path === manifestPath || desiredPaths.has(o.path)) continue;
    if (!(relativeOf(o.path) in manifest.files)) noteUnmanaged(ctx, 'notebook', o.path);
  }

  if (ctx.dryRun) {
    await applyChanges(ctx, 'notebook', [...uploads, ...deletes]);
    return;
  }
  if (
    uploads.length === 0 &&
    deletes.length === 0 &&
    sameFiles(manifest, next) &&
    !damaged &&
    (manifest.config || !manifestInfo)
  )
    return;

  // 4. Apply: folders, ownership of new paths, content, deletions, then the final manifest.
  const missingDirs = [...new Set(uploads.map((u) => parentOf(u.change.name)))].filter(
    (d) => d !== target && !actual.has(d),
  );
  const leaves = missingDirs.filter((d) => !missingDirs.some((o) => o !== d && o.startsWith(`${d}/`)));
  if (!rootListing || leaves.length > 0) {
    await mapLimit(leaves.length > 0 ? leaves : [target], 8, (d) => ws.mkdirs(d));
  }
  if (newPaths.length > 0) {
    const pending: Manifest = { version: 1, files: { ...manifest.files } };
    for (const rel of newPaths) pending.files[rel] = '';
    await writeManifest(ctx, manifestPath, pending);
    for (const rel of newPaths) next.files[rel] = '';
  }
  try {
    await applyChanges(ctx, 'notebook', [...uploads, ...deletes], { concurrency: 16 });
  } finally {
    await writeManifest(ctx, manifestPath, next);
  }
}

/** Whether the workspace object holds what the repository's file holds (as drift --deep compares). */
async function sameContent(ctx: RegionContext, entry: NotebookEntry): Promise<boolean> {
  const format = entry.format === 'JUPYTER' ? 'JUPYTER' : entry.objectType === 'NOTEBOOK' ? 'SOURCE' : 'AUTO';
  const remote = await ctx.client.workspace.exportContent(entry.workspacePath, format);
  return comparableNotebook(entry, remote) === comparableNotebook(entry, readFileSync(entry.file));
}

function sameFiles(a: Manifest, b: Manifest): boolean {
  const ka = Object.keys(a.files);
  return ka.length === Object.keys(b.files).length && ka.every((k) => a.files[k] === b.files[k]);
}

async function listOrEmpty(ctx: RegionContext, path: string): Promise<ObjectInfo[] | undefined> {
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
async function readManifest(ctx: RegionContext, path: string): Promise<Manifest | undefined> {
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

/**
 * A manifest rebuilt after it was damaged: a path the repo deploys into this target that is there
 * with the right type is owned again — the target holds this tool's manifest, so it is this
 * config's folder. Its content is exported and compared with the file: the same bytes are recorded
 * as unchanged (no upload), anything else is uploaded again. Databricks may rewrite what it exports
 * (a .ipynb is re-serialised), so such a notebook is uploaded once more, which is harmless. Objects
 * the repo does not deploy stay unowned: they are reported, never deleted.
 */
async function rebuildManifest(
  ctx: RegionContext,
  manifestPath: string,
  entries: NotebookEntry[],
  actual: ReadonlyMap<string, ObjectInfo>,
): Promise<Manifest> {
  const target = manifestPath.slice(0, manifestPath.lastIndexOf('/'));
  const present = entries.filter((e) => actual.get(e.workspacePath)?.object_type === e.objectType);
  const files: Record<string, string> = {};
  await mapLimit(present, 8, async (entry) => {
    const format = entry.objectType === 'NOTEBOOK' ? entry.format : 'AUTO';
    const exported = await ctx.client.workspace.exportContent(entry.workspacePath, format);
    const hash = hashEntry(entry, exported);
    files[entry.workspacePath.slice(target.length + 1)] = hash === plannedHash(ctx, entry) ? hash : '';
  });
  const same = Object.values(files).filter((h) => h !== '').length;
  ctx.result.warnings.push(
    `${manifestPath} in region ${ctx.region.name} was not a valid manifest; rebuilt from the target: ` +
      `${present.length} of the ${entries.length} files the repo deploys there were found (${same} unchanged, ` +
      `${present.length - same} to upload again); other objects in the target are left alone`,
  );
  return { version: 1, files };
}

async function writeManifest(ctx: RegionContext, path: string, manifest: Manifest): Promise<void> {
  const sorted: Manifest = {
    version: 1,
    config: ctx.config.name,
    files: Object.fromEntries(Object.entries(manifest.files).sort()),
  };
  await ctx.client.workspace.importContent(path, `${JSON.stringify(sorted, null, 1)}\n`, {
    format: 'AUTO',
    overwrite: true,
  });
  ctx.wrote = true;
}
