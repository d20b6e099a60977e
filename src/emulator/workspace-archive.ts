/**
 * Directory import: `POST workspace/import` with `format: SOURCE`, no `language`, and a ZIP of
 * source files as `content`, which creates the folder `path` with everything in the archive.
 *
 * Modelled from the documentation (docs.databricks.com, Workspace API import; reference §12), not
 * observed: "To import a directory, you can use either the DBC format or the SOURCE format with
 * the language field unset"; "Zip files within directories are not supported"; content up to
 * 10 MB; an existing `path` is RESOURCE_ALREADY_EXISTS (whether `overwrite` replaces a directory
 * is not documented, so the emulator refuses it too). Which entries become notebooks follows the
 * single AUTO import (header and extension; `.ipynb` as notebooks, its extension removed); other
 * entries become workspace files. The archive's top folder, as a directory export writes it
 * (`<name>/…`), is the folder `path` itself: export → import round-trips. An entry at the root of
 * the archive lands directly in `path`. The parent of `path` must exist, as for any import. The
 * request counts once against the import rate limit, whatever it holds (limits.ts).
 */
import type { ApiContext } from './context.js';
import { alreadyExists, doesNotExist, invalidParameter } from './http.js';
import { detect } from './notebook.js';
import type { WorkspaceObject } from './workspace-state.js';
import { readZip, ZipFormatError } from './zip-read.js';

/** Whether import content is a ZIP archive (local file header signature). */
export function isZip(content: Buffer): boolean {
  return content.length >= 4 && content.readUInt32LE(0) === 0x04034b50;
}

const parentOf = (p: string) => p.slice(0, p.lastIndexOf('/')) || '/';

/**
 * Imports the archive as the new folder `path`. With `dropPart` (fault `archive-drop`), every
 * second file of the archive is left out while the answer is still a success: a workspace that
 * treats an archive otherwise than documented, for the client's after-import check.
 */
export function importDirectory(ctx: ApiContext, path: string, content: Buffer, dropPart: boolean): void {
  if (ctx.state.objects[path]) throw alreadyExists(`Path (${path}) already exists.`);
  const parent = ctx.state.objects[parentOf(path)];
  if (parent?.object_type !== 'DIRECTORY') throw doesNotExist(`Path (${parentOf(path)}) doesn't exist.`);
  let files: ReturnType<typeof readZip>;
  try {
    files = readZip(content);
  } catch (err) {
    if (err instanceof ZipFormatError)
      throw invalidParameter(`The content is not a valid archive for a directory import: ${err.message}`);
    throw err;
  }
  const dirs = new Set<string>([path]);
  const objects = new Map<string, Omit<WorkspaceObject, 'object_id'>>();
  let fileIndex = 0;
  for (const f of files) {
    const parts = f.name.split('/').filter((s) => s !== '');
    if (parts.some((s) => s === '.' || s === '..') || f.name.startsWith('/'))
      throw invalidParameter(`Invalid path in archive: ${f.name}`);
    // The top folder is `path` itself; a root entry lands in `path` directly.
    const inner = parts.length > 1 ? parts.slice(1) : parts;
    if (f.name.endsWith('/')) {
      if (parts.length > 1) addDirs(dirs, path, inner);
      continue;
    }
    if (/\.zip$/i.test(f.name))
      throw invalidParameter(`Zip files within directories are not supported (${f.name})`);
    const full = `${path}/${inner.join('/')}`;
    addDirs(dirs, path, inner.slice(0, -1));
    if (dropPart && fileIndex++ % 2 === 1) continue;
    const d = detect(full, f.data);
    const base = {
      content: f.data.toString('base64'),
      created_at: ctx.now,
      modified_at: ctx.now,
      size: f.data.length,
    };
    const object: Omit<WorkspaceObject, 'object_id'> =
      d.kind === 'notebook'
        ? { path: d.path, object_type: 'NOTEBOOK', language: d.language, content_format: d.format, ...base }
        : { path: d.path, object_type: 'FILE', ...base };
    if (objects.has(object.path) || dirs.has(object.path))
      throw alreadyExists(`Path (${object.path}) appears twice in the archive.`);
    objects.set(object.path, object);
  }
  for (const p of objects.keys())
    if (dirs.has(p)) throw alreadyExists(`Path (${p}) appears twice in the archive.`);
  // Checked before anything is written: a refused archive leaves nothing behind.
  for (const d of [...dirs].sort()) {
    ctx.state.objects[d] = {
      path: d,
      object_type: 'DIRECTORY',
      object_id: ctx.nextId(),
      created_at: ctx.now,
      modified_at: ctx.now,
    };
  }
  for (const o of objects.values()) ctx.state.objects[o.path] = { ...o, object_id: ctx.nextId() };
}

function addDirs(dirs: Set<string>, root: string, segments: string[]): void {
  let current = root;
  for (const s of segments) {
    current = `${current}/${s}`;
    dirs.add(current);
  }
}
