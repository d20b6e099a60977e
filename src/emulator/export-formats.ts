/**
 * `workspace/export` in every format the API offers for each object type.
 *
 * Modelled from the Workspace API docs (export: "Exporting a directory is only supported for the
 * DBC, SOURCE, and AUTO format"; SOURCE and DBC directory exports "will not include non-notebook
 * entries", AUTO ones include workspace files), not observed byte for byte: the HTML page, the
 * DBC archive's entries (one JSON notebook per entry, `.python`/`.scala`/`.sql`/`.r`), the
 * R Markdown layout, the error messages for formats that do not apply, and the content types of
 * `direct_download`. The SOURCE and JUPYTER conversions are notebook.ts's.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { invalidParameter } from './http.js';
import {
  commandText,
  fileTypeFor,
  ipynbToSource,
  type Language,
  parseIpynb,
  sourceCommands,
  sourceToIpynb,
  withHeader,
} from './notebook.js';
import type { WorkspaceObject } from './workspace-state.js';

/** The formats of workspace import and export (ExportFormat/ImportFormat in the SDKs). */
export const WORKSPACE_FORMATS = ['AUTO', 'DBC', 'HTML', 'JUPYTER', 'RAW', 'R_MARKDOWN', 'SOURCE'];
const DIRECTORY_FORMATS = ['DBC', 'SOURCE', 'AUTO'];

export interface Exported {
  bytes: Buffer;
  /** The `file_type` of the JSON answer (an extension without the dot). */
  fileType: string;
  /** The Content-Type of a `direct_download` answer. */
  contentType: string;
}

const TEXT = 'text/plain; charset=utf-8';
const ZIP = 'application/zip';
const DBC_EXTENSION: Record<Language, string> = { PYTHON: 'python', R: 'r', SCALA: 'scala', SQL: 'sql' };

const baseName = (p: string) => p.slice(p.lastIndexOf('/') + 1);
const stored = (o: WorkspaceObject) => Buffer.from(o.content ?? '', 'base64');
const languageOf = (o: WorkspaceObject): Language => o.language ?? 'PYTHON';
const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A notebook as SOURCE text (header first), whichever format it was imported in. */
function notebookSource(o: WorkspaceObject): string {
  const nb = o.content_format === 'JUPYTER' ? parseIpynb(stored(o)) : undefined;
  const language = languageOf(o);
  return nb ? ipynbToSource(nb, language) : withHeader(stored(o).toString('utf8'), language);
}

function notebookIpynb(o: WorkspaceObject): Buffer {
  if (o.content_format === 'JUPYTER') return stored(o);
  return Buffer.from(sourceToIpynb(stored(o).toString('utf8'), languageOf(o), baseName(o.path)));
}

/** The notebook's commands as the editor shows them: MAGIC prefixes and trailing blank lines gone. */
function editorCommands(o: WorkspaceObject): string[] {
  const language = languageOf(o);
  return sourceCommands(notebookSource(o), language).map((c) => commandText(c, language).trimEnd());
}

/** The notebook model the DBC and HTML formats carry: its commands as the editor shows them. */
function notebookModel(o: WorkspaceObject): Record<string, unknown> {
  const language = languageOf(o);
  const commands = editorCommands(o).map((command, position) => ({
    version: 'CommandV1',
    subtype: 'command',
    commandType: 'auto',
    position,
    command,
  }));
  return {
    version: 'NotebookV1',
    origId: o.object_id,
    name: baseName(o.path),
    language: language.toLowerCase(),
    commands,
  };
}

function notebookHtml(o: WorkspaceObject): Buffer {
  const model = notebookModel(o);
  const encoded = Buffer.from(encodeURIComponent(JSON.stringify(model))).toString('base64');
  const cells = (model.commands as { command: string }[])
    .map((c) => `<pre>${escapeHtml(c.command)}</pre>`)
    .join('\n');
  const name = escapeHtml(baseName(o.path));
  return Buffer.from(
    `<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n<title>${name} - Databricks</title>\n` +
      `<script>window.__DATABRICKS_NOTEBOOK_MODEL = '${encoded}';</script>\n</head>\n` +
      `<body>\n<h1>${name}</h1>\n${cells}\n</body>\n</html>\n`,
  );
}

/** R Markdown: code commands become ```{r} chunks and %md commands plain Markdown. */
function notebookRmd(o: WorkspaceObject): Buffer {
  const language = languageOf(o);
  if (language !== 'R')
    throw invalidParameter(
      `${o.path} is a ${language} notebook: only R notebooks can be exported as R_MARKDOWN`,
    );
  const parts = editorCommands(o).map((text) => {
    return text.startsWith('%md') ? text.replace(/^%md ?\n?/, '') : `\`\`\`{r}\n${text}\n\`\`\``;
  });
  const title = baseName(o.path).replace(/"/g, '\\"');
  return Buffer.from(`---\ntitle: "${title}"\noutput: html_document\n---\n\n${parts.join('\n\n')}\n`);
}

function dbcEntry(o: WorkspaceObject, name: string): ZipEntry {
  return {
    name: `${name}.${DBC_EXTENSION[languageOf(o)]}`,
    data: Buffer.from(JSON.stringify(notebookModel(o))),
  };
}

function exportNotebook(o: WorkspaceObject, format: string): Exported {
  const language = languageOf(o);
  const asJupyter = format === 'JUPYTER' || (format === 'AUTO' && o.content_format === 'JUPYTER');
  if (asJupyter)
    return { bytes: notebookIpynb(o), fileType: 'ipynb', contentType: 'application/x-ipynb+json' };
  switch (format) {
    case 'HTML':
      return { bytes: notebookHtml(o), fileType: 'html', contentType: 'text/html; charset=utf-8' };
    case 'DBC':
      return { bytes: zip([dbcEntry(o, baseName(o.path))]), fileType: 'dbc', contentType: ZIP };
    case 'R_MARKDOWN':
      return { bytes: notebookRmd(o), fileType: 'Rmd', contentType: TEXT };
    case 'RAW':
      throw invalidParameter('The RAW format can only export files, not notebooks');
    default:
      return { bytes: Buffer.from(notebookSource(o)), fileType: fileTypeFor(language), contentType: TEXT };
  }
}

function exportFile(o: WorkspaceObject, format: string): Exported {
  if (format !== 'SOURCE' && format !== 'AUTO' && format !== 'RAW')
    throw invalidParameter(`${o.path} is a file, not a notebook: it cannot be exported as ${format}`);
  const fileType = /\.([^./]+)$/.exec(o.path)?.[1] ?? '';
  return { bytes: stored(o), fileType, contentType: 'application/octet-stream' };
}

/**
 * A directory as one archive: DBC holds the notebooks as DBC entries, SOURCE their source files,
 * AUTO the notebooks in their own format and the workspace files too. Paths keep the directory's
 * name as the top folder.
 */
function exportDirectory(dir: WorkspaceObject, format: string, all: WorkspaceObject[]): Exported {
  if (!DIRECTORY_FORMATS.includes(format))
    throw invalidParameter(
      `Exporting a directory (${dir.path}) is only supported for the ${DIRECTORY_FORMATS.join(', ')} formats, not ${format}`,
    );
  const prefix = dir.path === '/' ? '/' : `${dir.path}/`;
  const top = dir.path === '/' ? '' : `${baseName(dir.path)}/`;
  const entries: ZipEntry[] = [];
  const inside = all.filter((o) => o.path.startsWith(prefix)).sort((a, b) => a.path.localeCompare(b.path));
  for (const o of inside) {
    const name = top + o.path.slice(prefix.length);
    if (o.object_type === 'NOTEBOOK') {
      if (format === 'DBC') entries.push(dbcEntry(o, name));
      else {
        const e = exportNotebook(o, format);
        entries.push({ name: `${name}.${e.fileType}`, data: e.bytes });
      }
    } else if (o.object_type === 'FILE' && format === 'AUTO') entries.push({ name, data: stored(o) });
  }
  return { bytes: zip(entries), fileType: format === 'DBC' ? 'dbc' : 'zip', contentType: ZIP };
}

/** Exports `o` as `format`; `all` is every object of the workspace (for directories). */
export function exportAs(o: WorkspaceObject, format: string, all: WorkspaceObject[]): Exported {
  if (!WORKSPACE_FORMATS.includes(format))
    throw invalidParameter(`Invalid format: ${format}. Use one of ${WORKSPACE_FORMATS.join(', ')}`);
  if (o.object_type === 'DIRECTORY') return exportDirectory(o, format, all);
  if (o.object_type === 'NOTEBOOK') return exportNotebook(o, format);
  if (o.object_type === 'FILE') return exportFile(o, format);
  // "Currently, this API does not support exporting a library." (docs); likewise other types.
  throw invalidParameter(`Exporting a ${o.object_type.toLowerCase()} (${o.path}) is not supported`);
}

// ---------------------------------------------------------------------------------------------
// ZIP (PKWARE APPNOTE 4.3: local headers, central directory, end record; deflated entries)

interface ZipEntry {
  name: string;
  data: Buffer;
}

/** 1980-01-01, the earliest DOS date: entries carry no meaningful time. */
const DOS_DATE = (1 << 5) | 1;

function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const packed = deflateRawSync(e.data);
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
