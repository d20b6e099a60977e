/**
 * What is deployed from each `notebooks[].source` folder, and where it lands: a `.py/.sql/.scala/.r`
 * file whose first line is the Databricks header is a notebook (extension dropped), a `.ipynb` is a
 * Jupyter notebook (extension dropped), everything else is a workspace file (extension kept).
 * `notebooks/etl/ingest.py` deployed from `notebooks` to `/Shared/sales` is `/Shared/sales/etl/ingest`.
 * Hidden files and folders (`.name`) and `__pycache__` are skipped.
 */

import { isUtf8 } from 'node:buffer';
import {
  closeSync,
  type Dirent,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { type Diagnostic, ValidationError } from '../errors.js';
import { CONTROL_CHARACTERS, decodeUtf8, parseSource, printable } from '../source.js';
import { resolvesInside } from './files.js';
import { atStart, isObject } from './issues.js';

/** The Workspace import API rejects notebooks larger than this. */
export const MAX_NOTEBOOK_BYTES = 10 * 1024 * 1024;

export type NotebookLanguage = 'PYTHON' | 'SQL' | 'SCALA' | 'R';

export interface NotebookEntry {
  /** Absolute path of the file, under its folder's real path (links to folders resolved): what is read. */
  file: string;
  /** The path as diagnostics show it. */
  path: string;
  /** Index of the `notebooks` mapping in the config. */
  mapping: number;
  /** Path inside the mapping's source folder, with `/` separators. */
  relative: string;
  /** Absolute workspace path it deploys to (notebooks without their extension). */
  workspacePath: string;
  objectType: 'NOTEBOOK' | 'FILE';
  /** Notebooks only. */
  language?: NotebookLanguage;
  /** Import format: SOURCE (source notebooks), JUPYTER (.ipynb) or AUTO (files). */
  format: 'SOURCE' | 'JUPYTER' | 'AUTO';
  size: number;
}

const HEADERS: Record<string, { header: string; language: NotebookLanguage }> = {
  '.py': { header: '# Databricks notebook source', language: 'PYTHON' },
  '.r': { header: '# Databricks notebook source', language: 'R' },
  '.scala': { header: '// Databricks notebook source', language: 'SCALA' },
  '.sql': { header: '-- Databricks notebook source', language: 'SQL' },
};

function firstLine(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(128);
    const n = readSync(fd, buf, 0, buf.length, 0);
    let text = buf.subarray(0, n).toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return text.split('\n')[0].replace(/\s+$/, '');
  } finally {
    closeSync(fd);
  }
}

function ipynbLanguage(value: unknown): NotebookLanguage {
  const meta = isObject(value) && isObject(value.metadata) ? value.metadata : {};
  const dbx = meta['application/vnd.databricks.v1+notebook'];
  const kernel = isObject(meta.kernelspec) ? meta.kernelspec.language : undefined;
  const info = isObject(meta.language_info) ? meta.language_info.name : undefined;
  const raw = (
    isObject(dbx) && typeof dbx.language === 'string' ? dbx.language : (kernel ?? info)
  ) as unknown;
  const lang = typeof raw === 'string' ? raw.toLowerCase() : 'python';
  return lang === 'sql' ? 'SQL' : lang === 'scala' ? 'SCALA' : lang === 'r' ? 'R' : 'PYTHON';
}

export interface ScanResult {
  entries: NotebookEntry[];
  /** Problems in notebook files (too large, not UTF-8, a .ipynb that is not a notebook). */
  problems: Diagnostic[];
  /**
   * Files and folders refused by name (a control character) or by where they lead (a symbolic
   * link out of the repository), as messages: the caller reports them at the mapping's source.
   */
  refused: string[];
  /** Links not followed because they lead back into a folder they are in (a loop), as warnings. */
  loops: string[];
}

/**
 * Files listed, and folders walked, under one mapping at most: links that branch into each other
 * must not multiply (a chain of folders each holding two links to the next is walked 2^depth
 * times, with or without files in it).
 */
const MAX_LISTED_FILES = 100_000;

/** A listed file: the path it is walked under, and the same file at its folder's real path (what is read). */
interface ListedFile {
  walked: string;
  file: string;
}

/**
 * The files under `sourceDir`, sorted by the path they are walked under. Symbolic links are followed only while they stay inside
 * `root` (the repository's real path). A link to a folder walked elsewhere is walked again under
 * its own name (its files deploy at both paths, as a copy of the tree would); a link to a folder
 * it is inside is a loop, not followed, and named in `loops`. Each folder is read at its real path
 * (its parent's real path and its name), so a path through many links is never resolved again.
 */
function listFiles(
  sourceDir: string,
  root: string,
  display: (abs: string) => string,
  found: Pick<ScanResult, 'refused' | 'loops'>,
): ListedFile[] {
  const files: ListedFile[] = [];
  let folders = 0;
  const full = () => files.length > MAX_LISTED_FILES || folders > MAX_LISTED_FILES;
  const walk = (dir: string, real: string, ancestors: ReadonlySet<string>) => {
    if (ancestors.has(real)) {
      found.loops.push(
        `${display(dir)} leads back into a folder it is inside (a loop through a symbolic link) and is not followed: remove the link that closes the loop`,
      );
      return;
    }
    folders++;
    const inside = new Set(ancestors).add(real);
    for (const d of readdirSync(real, { withFileTypes: true })) {
      if (full()) return;
      if (d.name.startsWith('.') || d.name === '__pycache__') continue;
      const at = path.join(real, d.name);
      const kind = entryKind(d, at, path.join(dir, d.name), bounds, display, found.refused);
      if (kind === 'dir') walk(path.join(dir, d.name), d.isSymbolicLink() ? realpathSync(at) : at, inside);
      else if (kind === 'file') files.push({ walked: path.join(dir, d.name), file: at });
    }
  };
  const bounds = { root, source: realpathSync(sourceDir) };
  walk(sourceDir, bounds.source, new Set());
  if (full())
    found.refused.push(
      `${display(sourceDir)} holds more than ${MAX_LISTED_FILES.toLocaleString('en-US')} files or folders (symbolic links followed): ` +
        'map a smaller folder, or replace links that lead into each other with the files themselves',
    );
  return files.sort((a, b) => (a.walked < b.walked ? -1 : a.walked > b.walked ? 1 : 0));
}

/** The repository's real path, and the mapping's source folder's. */
interface Bounds {
  root: string;
  source: string;
}

const isInside = (rel: string) =>
  rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));

/**
 * The path (from the source folder, or else the repository) of a link's real target when a part
 * of it is hidden or skipped (`.git/config`, `.env`, `__pycache__`): the walk skips those by name,
 * and a link must not reach them under another (a checkout's token is in `.git/config`).
 */
function hiddenTarget(bounds: Bounds, real: string): string | undefined {
  const fromSource = path.relative(bounds.source, real);
  const rel = isInside(fromSource) ? fromSource : path.relative(bounds.root, real);
  const parts = rel.split(path.sep);
  return parts.some((p) => p.startsWith('.') || p === '__pycache__') ? parts.join('/') : undefined;
}

/**
 * What a directory entry is to the walk, or undefined (with the reason in `refused`) when refused:
 * `at` is the entry in its folder's real path (what is read), `full` the path it is walked under.
 */
function entryKind(
  d: Dirent,
  at: string,
  full: string,
  bounds: Bounds,
  display: (abs: string) => string,
  refused: string[],
): 'dir' | 'file' | undefined {
  const { root } = bounds;
  if (CONTROL_CHARACTERS.test(d.name)) {
    refused.push(
      `"${printable(display(full))}" has a control or bidi character in its name: rename it (names are printed in logs and become workspace paths)`,
    );
    return undefined;
  }
  if (!d.isSymbolicLink()) return d.isDirectory() ? 'dir' : d.isFile() ? 'file' : undefined;
  if (!existsSync(at)) {
    refused.push(`${display(full)} is a symbolic link to nothing: remove it or restore its target`);
    return undefined;
  }
  if (!resolvesInside(root, at)) {
    refused.push(
      `${display(full)} is a symbolic link that leaves the repository; nothing outside ${root} is read: replace the link with the files themselves`,
    );
    return undefined;
  }
  const hidden = hiddenTarget(bounds, realpathSync(at));
  if (hidden) {
    refused.push(
      `${display(full)} is a symbolic link to ${hidden}, which is hidden (hidden files and folders, such as .git, are never deployed): replace the link with the files themselves`,
    );
    return undefined;
  }
  const st = statSync(at);
  return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : undefined;
}

/**
 * Lists what one mapping deploys. `display` turns an absolute path into the path diagnostics show;
 * `root` is the repository's real path.
 */
export function scanNotebooks(
  sourceDir: string,
  target: string,
  mapping: number,
  display: (abs: string) => string,
  root: string,
): ScanResult {
  const problems: Diagnostic[] = [];
  const found: Pick<ScanResult, 'refused' | 'loops'> = { refused: [], loops: [] };
  const base = target.replace(/\/+$/, '');
  const entries = listFiles(sourceDir, root, display, found).map(({ walked, file }) => {
    const relative = path.relative(sourceDir, walked).split(path.sep).join('/');
    const entry = classify(file, display(walked), relative, base, mapping, problems);
    problems.push(...sizeAndEncodingProblems(entry));
    return entry;
  });
  return { entries, problems, ...found };
}

/** What one file deploys as: a Jupyter or source notebook (without its extension), or a file. */
function classify(
  file: string,
  shown: string,
  relative: string,
  base: string,
  mapping: number,
  problems: Diagnostic[],
): NotebookEntry {
  const size = statSync(file).size;
  const ext = path.extname(file).toLowerCase();
  const entry: NotebookEntry = {
    file,
    path: shown,
    mapping,
    relative,
    workspacePath: `${base}/${relative}`,
    objectType: 'FILE',
    format: 'AUTO',
    size,
  };
  const stem = relative.slice(0, relative.length - ext.length);
  if (ext === '.ipynb') {
    const notebook: NotebookEntry = {
      ...entry,
      objectType: 'NOTEBOOK',
      format: 'JUPYTER',
      workspacePath: `${base}/${stem}`,
      language: 'PYTHON',
    };
    if (size <= MAX_NOTEBOOK_BYTES) notebook.language = jupyterLanguage(file, shown, problems);
    return notebook;
  }
  if (HEADERS[ext] && firstLine(file) === HEADERS[ext].header) {
    return {
      ...entry,
      objectType: 'NOTEBOOK',
      format: 'SOURCE',
      language: HEADERS[ext].language,
      workspacePath: `${base}/${stem}`,
    };
  }
  return entry;
}

/** The language of a .ipynb notebook (Python unless it says otherwise); one that is not a notebook is reported. */
function jupyterLanguage(file: string, shown: string, problems: Diagnostic[]): NotebookEntry['language'] {
  try {
    const doc = parseSource(shown, decodeUtf8(readFileSync(file), shown), 'json');
    if (!isObject(doc.value) || !Array.isArray(doc.value.cells)) {
      problems.push(
        atStart(
          shown,
          'not a Jupyter notebook: a .ipynb file needs a "cells" list (save it from Jupyter or Databricks)',
        ),
      );
    }
    return ipynbLanguage(doc.value);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    for (const d of err.diagnostics)
      problems.push({ ...d, message: `${d.message} (a .ipynb notebook is JSON)` });
    return 'PYTHON';
  }
}

/** A notebook over the Workspace API's import limit, or a source notebook that is not UTF-8. */
function sizeAndEncodingProblems(entry: NotebookEntry): Diagnostic[] {
  const { file, path: shown, size } = entry;
  if (entry.objectType === 'NOTEBOOK' && size > MAX_NOTEBOOK_BYTES) {
    return [
      atStart(
        shown,
        `notebook is ${(size / 1024 / 1024).toFixed(1)} MB; the Workspace API imports notebooks of at most 10 MB: split it or clear its outputs`,
      ),
    ];
  }
  if (entry.format !== 'SOURCE') return [];
  // A source notebook is text: decoded as UTF-8 on import, other bytes would land as U+FFFD.
  // isUtf8 checks without making a string (10,000 notebooks: ~20 MB less garbage); only a
  // file that fails is decoded, for the position of its first bad byte.
  try {
    const bytes = readFileSync(file);
    if (!isUtf8(bytes)) decodeUtf8(bytes, shown);
    return [];
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    return err.diagnostics;
  }
}
