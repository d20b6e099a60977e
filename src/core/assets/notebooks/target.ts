/**
 * What a notebook target holds in a region, read before anything is planned: one listing per
 * folder this mapping deploys into or owns, the manifest (rebuilt when damaged), and which objects
 * were edited by hand since the manifest was written.
 */
import type { ObjectInfo } from '../../client/index.js';
import type { RegionContext } from '../../session/context.js';
import { mapLimit } from '../../util.js';
import type { NotebookEntry } from '../../validate/types.js';
import { hashEntry, listOrEmpty, type Manifest, parentOf, plannedHash, readManifest } from './files.js';

/** One notebook mapping's deploy in one region: its files and where they go. */
export interface MappingRun {
  ctx: RegionContext;
  entries: NotebookEntry[];
  target: string;
  manifestPath: string;
  /** A workspace path inside the target → its path relative to the target (the manifest's key). */
  relativeOf: (path: string) => string;
  /** The stage's tally: a manifest written is a write to the region (its state file is rewritten). */
  tally: { recorded: boolean };
}

/** The target as it is in the region. */
export interface TargetView {
  /** The target's own listing; undefined where the target does not exist. */
  rootListing: ObjectInfo[] | undefined;
  /** The manifest's entry in that listing; undefined where there is no manifest. */
  manifestInfo: ObjectInfo | undefined;
  /** A manifest was there but unreadable: `manifest` was rebuilt from the target. */
  damaged: boolean;
  manifest: Manifest;
  /** Every object listed in the folders this mapping deploys into or owns, by path. */
  actual: Map<string, ObjectInfo>;
  /** Objects modified after the manifest was written. */
  editedByHand: Set<string>;
}

/**
 * Reads the target: the manifest alongside the root listing, then the folders wanted, level by
 * level. Undefined (with the error recorded) where the target belongs to another config: nothing
 * there is read, counted, uploaded or deleted.
 */
export async function readTarget(run: MappingRun): Promise<TargetView | undefined> {
  const { ctx, entries, target, manifestPath } = run;
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
    return undefined;
  }
  for (const rel of Object.keys(manifest.files)) {
    for (let d = parentOf(`${target}/${rel}`); d.length > target.length; d = parentOf(d)) wanted.add(d);
  }
  // A rebuilt manifest compares content, so the time of the damaged one says nothing.
  const since = damaged ? undefined : manifestInfo?.modified_at;
  const { actual, notebooksWithoutTime } = await listWanted(ctx, rootListing, wanted);
  if (damaged) manifest = await rebuildManifest(ctx, manifestPath, entries, actual);
  const editedByHand = await handEdits(run, actual, since, notebooksWithoutTime);
  return { rootListing, manifestInfo, damaged, manifest, actual, editedByHand };
}

/** Every object under the root listing's wanted folders, listed a level at a time. */
async function listWanted(
  ctx: RegionContext,
  rootListing: ObjectInfo[] | undefined,
  wanted: ReadonlySet<string>,
): Promise<{ actual: Map<string, ObjectInfo>; notebooksWithoutTime: boolean }> {
  const actual = new Map<string, ObjectInfo>();
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
      const listings = await mapLimit(frontier, 32, (dir) => ctx.client.workspace.list(dir));
      frontier = [];
      for (const objects of listings) {
        record(objects);
        for (const o of objects)
          if (o.object_type === 'DIRECTORY' && wanted.has(o.path)) frontier.push(o.path);
      }
    }
  }
  return { actual, notebooksWithoutTime };
}

/**
 * Which objects were edited by hand since the manifest was written (`since`, its modification
 * time): by their own time, or where a listing gives notebooks none, by
 * `list?notebooks_modified_after=`.
 */
async function handEdits(
  run: MappingRun,
  actual: ReadonlyMap<string, ObjectInfo>,
  since: number | undefined,
  notebooksWithoutTime: boolean,
): Promise<Set<string>> {
  const editedByHand = new Set<string>();
  if (since === undefined) return editedByHand;
  for (const o of actual.values()) {
    if (o.path !== run.manifestPath && o.modified_at !== undefined && o.modified_at > since)
      editedByHand.add(o.path);
  }
  if (notebooksWithoutTime) {
    const dirs = [
      run.target,
      ...[...actual.values()].filter((o) => o.object_type === 'DIRECTORY').map((o) => o.path),
    ];
    const listings = await mapLimit(dirs, 8, (dir) =>
      run.ctx.client.workspace.list(dir, { notebooksModifiedAfter: since }),
    );
    for (const objects of listings) {
      for (const o of objects) if (o.object_type === 'NOTEBOOK') editedByHand.add(o.path);
    }
  }
  return editedByHand;
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
