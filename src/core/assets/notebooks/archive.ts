/**
 * Directory imports for notebook folders that do not exist yet in the target: a folder's
 * notebooks and files (and its subfolders') are packed into ZIPs of at most ~9 MB, each imported
 * with one `workspace/import` request (`format: SOURCE`, no `language`; reference §12) instead of
 * one request per file. Folders that exist keep the per-file incremental path: a directory is
 * never overwritten.
 *
 * What an archive created is checked, not assumed: after each import the folders it made are
 * listed and compared with what was meant (path, object type, language). Anything missing or of
 * the wrong type is uploaded one by one, so a workspace that treats an archive otherwise than
 * documented costs one wasted request, never a wrong result.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { isOutcomeUnknown, type ObjectInfo } from '../../client/index.js';
import { isFatalForRegion } from '../../plan/apply.js';
import type { RegionContext } from '../../session/context.js';
import { mapLimit } from '../../util.js';
import type { NotebookEntry } from '../../validate/types.js';
import { hashEntry, parentOf } from './files.js';
import { buildZip, EMPTY_ZIP_SIZE, type PackedEntry, packEntry, packedSize } from './zip.js';

/** Below the documented 10 MB content limit, with room for what the limit may count besides. */
export const ARCHIVE_MAX_BYTES = 9 * 1024 * 1024;
/** The ZIP end record counts entries in 16 bits (no ZIP64 here). */
const MAX_ENTRIES = 0xffff;
/** Archives in flight per target: each holds up to ~9 MB packed plus its base64 body. */
const CONCURRENCY = 4;

/** How an archived file ended up: landed (its manifest hash), or to be uploaded one by one. */
export type Landing = { hash: string } | { hash?: undefined; found?: ObjectInfo };

/** A file measured for an archive: its packed size, and its packed bytes while they are kept. */
interface Sized {
  entry: NotebookEntry;
  /** Path inside the archive root, with the extension the import recognises it by. */
  rel: string;
  hash: string;
  /** What the file adds to an archive (headers and data). */
  bytes: number;
  packed?: PackedEntry;
}

/** What one turn of a root imports, and what it leaves for later: no packed bytes but the ZIP. */
interface Turn {
  zip?: Buffer;
  meant: Array<{ entry: NotebookEntry; hash: string }>;
  leftover: NotebookEntry[];
  later: Array<[string, NotebookEntry[]]>;
}

/**
 * The folders to import as archives: for each entry to create, its topmost folder below the
 * target that does not exist (`existing` holds what the listing found). Entries whose folder
 * exists are not here: they go file by file.
 */
export function archiveRoots(
  target: string,
  creates: readonly NotebookEntry[],
  existing: ReadonlyMap<string, ObjectInfo>,
): Map<string, NotebookEntry[]> {
  const roots = new Map<string, NotebookEntry[]>();
  for (const e of creates) {
    let root: string | undefined;
    for (let d = parentOf(e.workspacePath); d.length > target.length; d = parentOf(d))
      if (!existing.has(d)) root = d;
    if (root === undefined) continue;
    const list = roots.get(root) ?? [];
    roots.set(root, list);
    list.push(e);
  }
  return roots;
}

export class NotebookArchives {
  /** What became of each archived file, once its root's turns are over. */
  private readonly outcomes = new Map<string, Landing | { error: unknown }>();
  /**
   * Per archived file, its root's completion (shared, one promise per root): a promise and two
   * closures per file were ~60,000 long-lived objects at 10,000 notebooks in two regions.
   */
  private readonly rootDone = new Map<string, Promise<void>>();
  private readonly dirs = new Map<string, Promise<void>>();
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  private fallbacks = 0;

  constructor(
    private readonly ctx: RegionContext,
    roots: ReadonlyMap<string, NotebookEntry[]>,
    private readonly maxBytes = ARCHIVE_MAX_BYTES,
  ) {
    for (const [root, entries] of roots) {
      const done = this.runRoot(root, entries);
      for (const e of entries) this.rootDone.set(e.workspacePath, done);
    }
  }

  /** The entry's outcome, or undefined when it is not in an archive. */
  landing(entry: NotebookEntry): Promise<Landing> | undefined {
    const done = this.rootDone.get(entry.workspacePath);
    return done?.then(() => {
      const outcome = this.outcomes.get(entry.workspacePath) ?? {};
      if ('error' in outcome) throw outcome.error;
      return outcome;
    });
  }

  /** Creates a folder once per run (for files uploaded one by one after an archive). */
  ensureDir(dir: string): Promise<void> {
    let p = this.dirs.get(dir);
    if (!p) {
      p = this.ctx.client.workspace.mkdirs(dir);
      this.dirs.set(dir, p);
    }
    return p;
  }

  /** A warning for the result when files had to be uploaded one by one. */
  summary(): string | undefined {
    if (this.fallbacks === 0) return undefined;
    return (
      `region ${this.ctx.region.name}: ${this.fallbacks} file(s) were not created as meant by a directory import ` +
      '(missing, or of another type or language) and were uploaded one by one'
    );
  }

  private async slot(): Promise<() => void> {
    if (this.active >= CONCURRENCY) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    return () => {
      this.active--;
      this.waiting.shift()?.();
    };
  }

  private settle(entries: readonly NotebookEntry[], landing: (e: NotebookEntry) => Landing) {
    for (const e of entries) {
      const l = landing(e);
      if (l.hash === undefined) this.fallbacks++;
      this.outcomes.set(e.workspacePath, l);
    }
  }

  private fail(entries: readonly NotebookEntry[], err: unknown): void {
    for (const e of entries) this.outcomes.set(e.workspacePath, { error: err });
  }

  /**
   * Imports `root` (and, when it does not fit one archive, its subfolders after it). Only the ZIP
   * outlives the synchronous packing: the files' own buffers die young instead of being promoted
   * while the import is in flight, and a subfolder left for later keeps only its entries (packed
   * again when its turn comes). Holding them cost ~40 MB of peak RSS at 10,000 notebooks.
   */
  private async runRoot(root: string, entries: NotebookEntry[]): Promise<void> {
    const release = await this.slot();
    let later: Array<[string, NotebookEntry[]]> = [];
    try {
      const turn = prepareTurn(root, entries, this.maxBytes);
      later = turn.later;
      if (!turn.zip) await this.ensureDir(root);
      else await this.importAndCheck(root, turn.zip, turn.meant);
      // Files of the folder itself that did not fit: one by one, now that the folder exists.
      this.settle(turn.leftover, () => ({}));
    } catch (err) {
      this.fail(entries, err);
      later = [];
    } finally {
      release();
    }
    await Promise.all(later.map(([sub, subEntries]) => this.runRoot(sub, subEntries)));
  }

  private async importAndCheck(
    root: string,
    zip: Buffer,
    meant: ReadonlyArray<{ entry: NotebookEntry; hash: string }>,
  ): Promise<void> {
    const ws = this.ctx.client.workspace;
    const entries = meant.map((m) => m.entry);
    let imported = true;
    try {
      await ws.importDirectory(root, zip);
    } catch (err) {
      if (isFatalForRegion(err)) throw err;
      // A lost answer may have created the folder: the listing says what is there.
      imported = isOutcomeUnknown(err);
    }
    this.dirs.set(root, Promise.resolve());
    if (!imported) {
      this.dirs.delete(root);
      this.settle(entries, () => ({}));
      return;
    }
    const found = await listTree(this.ctx, root, entries);
    const hashes = new Map(meant.map((m) => [m.entry.workspacePath, m.hash]));
    this.settle(entries, (e) => {
      const o = found.get(e.workspacePath);
      const hash = hashes.get(e.workspacePath);
      const right =
        o?.object_type === e.objectType && (e.objectType !== 'NOTEBOOK' || o.language === e.language);
      return right && hash ? { hash } : { found: o };
    });
  }
}

/** Packs what of `root` fits one archive into a ZIP (synchronously: see runRoot). */
function prepareTurn(root: string, entries: readonly NotebookEntry[], maxBytes: number): Turn {
  const split = splitArchive(root, measure(root, entries, maxBytes), maxBytes);
  const zip =
    split.archive.length === 0
      ? undefined
      : buildZip(split.archive.map((p) => p.packed ?? packFile(p.entry, root).packed));
  return {
    zip,
    meant: split.archive.map((p) => ({ entry: p.entry, hash: p.hash })),
    leftover: split.leftover.map((p) => p.entry),
    later: split.subtrees.map(([sub, items]) => [sub, items.map((p) => p.entry)]),
  };
}

/**
 * Each file's packed size; the packed bytes are kept only while everything still fits one
 * archive (the common case packs once), else dropped and packed again for the part that fits.
 */
function measure(root: string, entries: readonly NotebookEntry[], maxBytes: number): Sized[] {
  const all: Sized[] = [];
  let total = EMPTY_ZIP_SIZE;
  let keep = entries.length <= MAX_ENTRIES;
  for (const entry of entries) {
    const p = packFile(entry, root);
    const s: Sized = { entry, rel: p.rel, hash: p.hash, bytes: packedSize(p.packed), packed: p.packed };
    total += s.bytes;
    if (keep && total > maxBytes) {
      keep = false;
      for (const k of all) k.packed = undefined;
    }
    if (!keep) s.packed = undefined;
    all.push(s);
  }
  return all;
}

/** The name an entry has inside an archive rooted at `root`: what the import recognises it by. */
function archiveName(entry: NotebookEntry, root: string): string {
  const rel = entry.workspacePath.slice(root.length + 1);
  if (entry.format === 'JUPYTER') return `${rel}.ipynb`;
  // Lower case: validation matches extensions in any case, the import's detection may not.
  if (entry.format === 'SOURCE') return `${rel}${path.extname(entry.file).toLowerCase()}`;
  return rel;
}

/**
 * One read buffer, grown to the largest file: a deploy that archives 10,000 notebooks in two
 * regions reads 20,000 files here, and a Buffer per read was ~50 MB of garbage awaiting the
 * collector at the peak (packEntry copies what it keeps).
 */
let readBuffer = Buffer.allocUnsafe(64 * 1024);

function readWhole(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > readBuffer.length) readBuffer = Buffer.allocUnsafe(size);
    let n = 0;
    for (let got = 1; n < size && got > 0; n += got) got = readSync(fd, readBuffer, n, size - n, n);
    return readBuffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function packFile(entry: NotebookEntry, root: string): { rel: string; hash: string; packed: PackedEntry } {
  const content = readWhole(entry.file);
  const rel = archiveName(entry, root);
  return {
    rel,
    hash: hashEntry(entry, content),
    packed: packEntry({ name: `${path.posix.basename(root)}/${rel}`, data: content }),
  };
}

/**
 * What goes into the archive of `root`: everything when it fits; otherwise the folder's own
 * files and whole subfolders while they fit (largest gain first is not worth the complexity:
 * in order). Subfolders left over get archives of their own once `root` exists; the folder's own
 * files left over are uploaded one by one.
 */
function splitArchive(
  root: string,
  items: readonly Sized[],
  maxBytes: number,
): { archive: Sized[]; leftover: Sized[]; subtrees: Array<[string, Sized[]]> } {
  const total = items.reduce((n, p) => n + p.bytes, EMPTY_ZIP_SIZE);
  if (total <= maxBytes && items.length <= MAX_ENTRIES)
    return { archive: [...items], leftover: [], subtrees: [] };
  const own: Sized[] = [];
  const children = new Map<string, Sized[]>();
  for (const p of items) {
    const slash = p.rel.indexOf('/');
    if (slash < 0) own.push(p);
    else {
      const child = `${root}/${p.rel.slice(0, slash)}`;
      const list = children.get(child) ?? [];
      children.set(child, list);
      list.push(p);
    }
  }
  const archive: Sized[] = [];
  const leftover: Sized[] = [];
  const subtrees: Array<[string, Sized[]]> = [];
  let size = EMPTY_ZIP_SIZE;
  const fits = (group: readonly Sized[]) => {
    const add = group.reduce((n, p) => n + p.bytes, 0);
    if (size + add > maxBytes || archive.length + group.length > MAX_ENTRIES) return false;
    size += add;
    archive.push(...group);
    return true;
  };
  for (const p of own) if (!fits([p])) leftover.push(p);
  for (const [child, group] of children) if (!fits(group)) subtrees.push([child, group]);
  return { archive, leftover, subtrees };
}

/** The objects under `root` in the folders `entries` live in (a folder that is not there: none). */
async function listTree(
  ctx: RegionContext,
  root: string,
  entries: readonly NotebookEntry[],
): Promise<Map<string, ObjectInfo>> {
  const dirs = new Set<string>();
  for (const e of entries)
    for (let d = parentOf(e.workspacePath); d.length >= root.length; d = parentOf(d)) dirs.add(d);
  const found = new Map<string, ObjectInfo>();
  const listings = await mapLimit([...dirs], 8, async (dir) => {
    try {
      return await ctx.client.workspace.list(dir);
    } catch (err) {
      if (isFatalForRegion(err)) throw err;
      return [];
    }
  });
  for (const objects of listings) for (const o of objects) found.set(o.path, o);
  return found;
}
