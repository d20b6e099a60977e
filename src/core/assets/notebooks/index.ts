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
import { readFileSync } from 'node:fs';
import type { ObjectInfo } from '../../client/index.js';
import type { NotebookMapping } from '../../config/types.js';
import { applyChanges, type PlannedChange, planned } from '../../plan/apply.js';
import { countUnchanged, noteUnmanaged, type RegionContext } from '../../session/context.js';
import { mapLimit } from '../../util.js';
import type { NotebookEntry } from '../../validate/types.js';
import { archiveRoots, NotebookArchives } from './archive.js';
import {
  comparableNotebook,
  hashEntry,
  listOrEmpty,
  MANIFEST_NAME,
  type Manifest,
  parentOf,
  plannedHash,
  readManifest,
  sameFiles,
  writeManifest,
} from './files.js';

export { comparableNotebook, MANIFEST_NAME };

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
  // Taken over without a write where the workspace already holds the file's content (exported once
  // each, in parallel, until the manifest records them): imported notebooks not recorded yet, and
  // paths recorded before their upload by a run that stopped (kill -9) after they landed — an
  // archive lands a whole folder, so they are not "edited in the workspace".
  const pending = (e: NotebookEntry) => manifest.files[relativeOf(e.workspacePath)] === '';
  const takenOver = new Set<string>();
  const candidates = entries.filter((e) => {
    if (actual.get(e.workspacePath)?.object_type !== e.objectType) return false;
    return pending(e) || (adopted && !(relativeOf(e.workspacePath) in manifest.files));
  });
  const same = await mapLimit(candidates, 8, (e) => sameContent(ctx, e));
  candidates.forEach((e, i) => {
    if (same[i]) takenOver.add(e.workspacePath);
  });
  const next: Manifest = { version: 1, files: { ...manifest.files } };
  const uploads: PlannedChange[] = [];
  const newPaths: string[] = [];
  const creates: NotebookEntry[] = [];
  // Set once the plan is applied: the directory imports of folders that do not exist yet.
  let archives: NotebookArchives | undefined;
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
    if (!existing) creates.push(entry);
    const fields =
      existing && editedByHand.has(entry.workspacePath) && !pending(entry)
        ? ['edited in the workspace']
        : undefined;
    uploads.push(
      planned(
        'notebook',
        entry.workspacePath,
        action,
        async () => {
          // Read again when uploading instead of holding every file's bytes from the plan on: at
          // 10,000 notebooks that kept ~30 MB per region alive for the whole deploy (bench/RESULTS.md).
          // The manifest records the hash of exactly what was uploaded.
          const landing = await archives?.landing(entry);
          if (landing?.hash !== undefined) {
            next.files[rel] = landing.hash;
            return;
          }
          // Not in an archive, or not created by it as meant: uploaded on its own.
          if (landing) await archives?.ensureDir(parentOf(entry.workspacePath));
          const found = landing ? landing.found : existing;
          const content = readFileSync(entry.file);
          if (found && found.object_type !== entry.objectType)
            await ws.delete(entry.workspacePath, { recursive: false });
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

  // 4. Apply: folders, ownership of new paths, content (new folders as archives), deletions, then
  // the final manifest.
  const roots = ctx.archive === false ? new Map() : archiveRoots(target, creates, actual);
  const archived = new Set([...roots.values()].flat().map((e: NotebookEntry) => e.workspacePath));
  const perFile = uploads.filter((u) => !archived.has(u.change.name));
  const missingDirs = [...new Set(perFile.map((u) => parentOf(u.change.name)))].filter(
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
  if (roots.size > 0) archives = new NotebookArchives(ctx, roots);
  try {
    await applyChanges(ctx, 'notebook', [...uploads, ...deletes], { concurrency: 16 });
  } finally {
    await writeManifest(ctx, manifestPath, next);
    const fallback = archives?.summary();
    if (fallback) ctx.result.warnings.push(fallback);
  }
}

/** Whether the workspace object holds what the repository's file holds (as drift --deep compares). */
async function sameContent(ctx: RegionContext, entry: NotebookEntry): Promise<boolean> {
  const format = entry.format === 'JUPYTER' ? 'JUPYTER' : entry.objectType === 'NOTEBOOK' ? 'SOURCE' : 'AUTO';
  const remote = await ctx.client.workspace.exportContent(entry.workspacePath, format);
  return comparableNotebook(entry, remote) === comparableNotebook(entry, readFileSync(entry.file));
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
