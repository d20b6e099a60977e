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
import {
  applyChanges,
  type PlannedChange,
  planned,
  reportStage,
  type StageReport,
} from '../../plan/apply.js';
import { countUnchanged, noteUnmanaged, type RegionContext } from '../../session/context.js';
import { mapLimit } from '../../util.js';
import type { NotebookEntry } from '../../validate/types.js';
import { archiveRoots, NotebookArchives } from './archive.js';
import {
  comparableNotebook,
  hashEntry,
  MANIFEST_NAME,
  type Manifest,
  parentOf,
  plannedHash,
  sameFiles,
  writeManifest,
} from './files.js';
import { type MappingRun, readTarget, type TargetView } from './target.js';

export { comparableNotebook, MANIFEST_NAME };

/** Every notebook target of a region, being read: the stage plans from these views. */
export interface NotebookReads {
  /** The stage's tally: a manifest written is a write to the region (its state file is rewritten). */
  tally: { recorded: boolean };
  runs: MappingRun[];
  /** Per mapping, its target's view (undefined: refused, the error recorded) or the read's error. */
  views: Array<Promise<{ view?: TargetView; error?: unknown }>>;
}

/**
 * Starts reading every notebook target of the region (listings, manifests, hand edits). Reads
 * only, and targets never overlap (validate refuses that), so the engine starts them while the
 * scopes stage works: no write moves ahead of another, and the uploads begin one stage earlier.
 */
export function readNotebookTargets(ctx: RegionContext): NotebookReads {
  const tally = { recorded: false };
  const runs = ctx.config.notebooks.map((mapping, i) => {
    const target = mapping.target;
    return {
      ctx,
      entries: ctx.project.notebooks.filter((e) => e.mapping === i),
      target,
      manifestPath: `${target}/${MANIFEST_NAME}`,
      relativeOf: (p: string) => p.slice(target.length + 1),
      tally,
    };
  });
  const views = runs.map((run) =>
    readTarget(run).then(
      (view) => ({ view }),
      (error: unknown) => ({ error: error ?? new Error('failed') }),
    ),
  );
  return { tally, runs, views };
}

/** The notebooks stage of a region: its changes go to the region's result, the rest is reported. */
export function deployNotebooks(
  ctx: RegionContext,
  reads: NotebookReads = readNotebookTargets(ctx),
): Promise<StageReport> {
  return reportStage(reads.tally, async () => {
    for (let i = 0; i < reads.runs.length; i++) {
      const read = await reads.views[i];
      if (read.error !== undefined) throw read.error;
      if (read.view) await deployMapping(reads.runs[i], ctx.config.notebooks[i], read.view);
    }
  });
}

/** What a mapping's plan writes, and the manifest it leaves. */
interface MappingPlan {
  /** The manifest written at the end: the old one with what this run uploaded, took over or deleted. */
  next: Manifest;
  uploads: PlannedChange[];
  deletes: PlannedChange[];
  /** Paths this run starts to own: recorded (hash '') before any content is written. */
  newPaths: string[];
  /** Entries not in the workspace yet: what a directory import may create. */
  creates: NotebookEntry[];
  /** Set once the plan is applied: the directory imports of folders that do not exist yet. */
  archives?: NotebookArchives;
}

/** One mapping, from its target's view: plan, then apply. */
async function deployMapping(run: MappingRun, mapping: NotebookMapping, view: TargetView): Promise<void> {
  const { ctx } = run;
  // 3. The plan.
  const plan = await planUploads(run, view);
  planDeletes(run, mapping, view, plan);
  noteHandAdded(run, view);

  if (ctx.dryRun) {
    await applyChanges(ctx, 'notebook', [...plan.uploads, ...plan.deletes]);
    return;
  }
  if (
    plan.uploads.length === 0 &&
    plan.deletes.length === 0 &&
    sameFiles(view.manifest, plan.next) &&
    !view.damaged &&
    (view.manifest.config || !view.manifestInfo)
  )
    return;

  // 4. Apply.
  await applyMapping(run, view, plan);
}

/** A path recorded before its upload, by this tool or a run that stopped after recording it. */
function isPending(run: MappingRun, manifest: Manifest, e: NotebookEntry): boolean {
  return manifest.files[run.relativeOf(e.workspacePath)] === '';
}

/**
 * Taken over without a write where the workspace already holds the file's content (exported once
 * each, in parallel, until the manifest records them): imported notebooks not recorded yet, and
 * paths recorded before their upload by a run that stopped (kill -9) after they landed — an
 * archive lands a whole folder, so they are not "edited in the workspace".
 */
async function takenOverPaths(run: MappingRun, view: TargetView, adopted: boolean): Promise<Set<string>> {
  const { ctx, entries, relativeOf } = run;
  const { manifest, actual } = view;
  const takenOver = new Set<string>();
  const candidates = entries.filter((e) => {
    if (actual.get(e.workspacePath)?.object_type !== e.objectType) return false;
    return isPending(run, manifest, e) || (adopted && !(relativeOf(e.workspacePath) in manifest.files));
  });
  const same = await mapLimit(candidates, 8, (e) => sameContent(ctx, e));
  candidates.forEach((e, i) => {
    if (same[i]) takenOver.add(e.workspacePath);
  });
  return takenOver;
}

/** The uploads: every entry that is new, changed, or edited in the workspace; the rest unchanged. */
async function planUploads(run: MappingRun, view: TargetView): Promise<MappingPlan> {
  const { ctx, entries, relativeOf } = run;
  const { manifest, actual, editedByHand } = view;
  const adopted = ctx.config.adopt?.[ctx.region.name]?.notebooks.includes(run.target) === true;
  const takenOver = await takenOverPaths(run, view, adopted);
  const plan: MappingPlan = {
    next: { version: 1, files: { ...manifest.files } },
    uploads: [],
    deletes: [],
    newPaths: [],
    creates: [],
  };
  let unchanged = 0;
  for (const entry of entries) {
    const rel = relativeOf(entry.workspacePath);
    const hash = plannedHash(ctx, entry);
    const existing = actual.get(entry.workspacePath);
    const owned = rel in manifest.files;
    if (takenOver.has(entry.workspacePath)) {
      plan.next.files[rel] = hash;
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
    if (!owned) plan.newPaths.push(rel);
    if (!existing) plan.creates.push(entry);
    const fields =
      existing && editedByHand.has(entry.workspacePath) && !isPending(run, manifest, entry)
        ? ['edited in the workspace']
        : undefined;
    plan.uploads.push(uploadChange(run, plan, entry, existing, fields));
  }
  countUnchanged(ctx, 'notebook', unchanged);
  return plan;
}

/** One entry's upload: through its folder's archive where one lands it, else on its own. */
function uploadChange(
  run: MappingRun,
  plan: MappingPlan,
  entry: NotebookEntry,
  existing: ObjectInfo | undefined,
  fields: string[] | undefined,
): PlannedChange {
  const ws = run.ctx.client.workspace;
  const rel = run.relativeOf(entry.workspacePath);
  const action = existing ? 'update' : 'create';
  return planned(
    'notebook',
    entry.workspacePath,
    action,
    async () => {
      // Read again when uploading instead of holding every file's bytes from the plan on: at
      // 10,000 notebooks that kept ~30 MB per region alive for the whole deploy (bench/RESULTS.md).
      // The manifest records the hash of exactly what was uploaded.
      const landing = await plan.archives?.landing(entry);
      if (landing?.hash !== undefined) {
        plan.next.files[rel] = landing.hash;
        return;
      }
      // Not in an archive, or not created by it as meant: uploaded on its own.
      if (landing) await plan.archives?.ensureDir(parentOf(entry.workspacePath));
      const found = landing ? landing.found : existing;
      const content = readFileSync(entry.file);
      if (found && found.object_type !== entry.objectType)
        await ws.delete(entry.workspacePath, { recursive: false });
      await ws.importContent(entry.workspacePath, content, {
        format: entry.format,
        language: entry.objectType === 'NOTEBOOK' && entry.format === 'SOURCE' ? entry.language : undefined,
        overwrite: true,
      });
      plan.next.files[rel] = hashEntry(entry, content);
    },
    fields ? { fields } : {},
  );
}

/** The deletions: owned paths git no longer has, where the mapping deletes orphans. */
function planDeletes(run: MappingRun, mapping: NotebookMapping, view: TargetView, plan: MappingPlan): void {
  const { ctx, entries, target, relativeOf } = run;
  const ws = ctx.client.workspace;
  const desired = new Set(entries.map((e) => relativeOf(e.workspacePath)));
  for (const rel of Object.keys(view.manifest.files)) {
    if (desired.has(rel)) continue;
    const path = `${target}/${rel}`;
    if (!view.actual.has(path)) {
      // Gone already: stop owning it.
      if (!ctx.dryRun) delete plan.next.files[rel];
      continue;
    }
    if (!mapping.delete_orphans) {
      noteUnmanaged(ctx, 'notebook', path);
      continue;
    }
    plan.deletes.push(
      planned('notebook', path, 'delete', async () => {
        await ws.delete(path, { recursive: false });
        delete plan.next.files[rel];
      }),
    );
  }
}

/** Objects in the target that neither git nor the manifest knows: added by hand. */
function noteHandAdded(run: MappingRun, view: TargetView): void {
  const desiredPaths = new Set(run.entries.map((e) => e.workspacePath));
  for (const o of view.actual.values()) {
    if (o.object_type === 'DIRECTORY' || o.path === run.manifestPath || desiredPaths.has(o.path)) continue;
    if (!(run.relativeOf(o.path) in view.manifest.files)) noteUnmanaged(run.ctx, 'notebook', o.path);
  }
}

/**
 * Applies the plan: folders, ownership of new paths, content (new folders as archives), deletions,
 * then the final manifest.
 */
async function applyMapping(run: MappingRun, view: TargetView, plan: MappingPlan): Promise<void> {
  const { ctx, target, manifestPath } = run;
  const { actual, manifest } = view;
  const ws = ctx.client.workspace;
  const roots = ctx.archive === false ? new Map() : archiveRoots(target, plan.creates, actual);
  const archived = new Set([...roots.values()].flat().map((e: NotebookEntry) => e.workspacePath));
  const perFile = plan.uploads.filter((u) => !archived.has(u.change.name));
  const missingDirs = [...new Set(perFile.map((u) => parentOf(u.change.name)))].filter(
    (d) => d !== target && !actual.has(d),
  );
  const leaves = missingDirs.filter((d) => !missingDirs.some((o) => o !== d && o.startsWith(`${d}/`)));
  if (!view.rootListing || leaves.length > 0) {
    await mapLimit(leaves.length > 0 ? leaves : [target], 8, (d) => ws.mkdirs(d));
  }
  if (plan.newPaths.length > 0) {
    const pending: Manifest = { version: 1, files: { ...manifest.files } };
    for (const rel of plan.newPaths) pending.files[rel] = '';
    await writeManifest(ctx, manifestPath, pending);
    run.tally.recorded = true;
    for (const rel of plan.newPaths) plan.next.files[rel] = '';
  }
  if (roots.size > 0) plan.archives = new NotebookArchives(ctx, roots);
  try {
    await applyChanges(ctx, 'notebook', [...plan.uploads, ...plan.deletes], { concurrency: 16 });
  } finally {
    await writeManifest(ctx, manifestPath, plan.next);
    run.tally.recorded = true;
    const fallback = plan.archives?.summary();
    if (fallback) ctx.result.warnings.push(fallback);
  }
}

/** Whether the workspace object holds what the repository's file holds (as drift --deep compares). */
async function sameContent(ctx: RegionContext, entry: NotebookEntry): Promise<boolean> {
  const format = entry.format === 'JUPYTER' ? 'JUPYTER' : entry.objectType === 'NOTEBOOK' ? 'SOURCE' : 'AUTO';
  const remote = await ctx.client.workspace.exportContent(entry.workspacePath, format);
  return comparableNotebook(entry, remote) === comparableNotebook(entry, readFileSync(entry.file));
}
