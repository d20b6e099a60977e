/**
 * Notebook formats: header detection for AUTO imports (cli `libs/notebook/detect.go`), and the
 * SOURCE ⇄ JUPYTER conversions the export API performs.
 */
export type Language = 'PYTHON' | 'R' | 'SCALA' | 'SQL';

const COMMENT: Record<Language, string> = { PYTHON: '#', R: '#', SCALA: '//', SQL: '--' };
const EXTENSION: Record<Language, string> = { PYTHON: 'py', R: 'r', SCALA: 'scala', SQL: 'sql' };

export const isLanguage = (v: unknown): v is Language =>
  v === 'PYTHON' || v === 'R' || v === 'SCALA' || v === 'SQL';

export const headerFor = (language: Language) => `${COMMENT[language]} Databricks notebook source`;
export const fileTypeFor = (language: Language) => EXTENSION[language];
const separatorFor = (language: Language) => `${COMMENT[language]} COMMAND ----------`;

/** The language a source extension implies (`.r` matched case-insensitively, as the CLI does). */
function languageOfExtension(path: string): Language | undefined {
  const m = /\.(py|r|scala|sql)$/i.exec(path);
  if (!m) return undefined;
  const ext = m[1];
  if (ext.toLowerCase() === 'r') return 'R';
  if (ext === 'py') return 'PYTHON';
  if (ext === 'scala') return 'SCALA';
  if (ext === 'sql') return 'SQL';
  return undefined;
}

function firstLine(content: Buffer): string {
  const text = content.subarray(0, 200).toString('utf8');
  const end = text.indexOf('\n');
  return (end < 0 ? text : text.slice(0, end)).replace(/\r$/, '');
}

/** Parses .ipynb JSON; undefined when it is not a notebook (needs `cells` and `metadata`). */
export function parseIpynb(content: Buffer): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(content.toString('utf8'));
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const nb = v as Record<string, unknown>;
      if (Array.isArray(nb.cells) && typeof nb.metadata === 'object' && nb.metadata !== null) return nb;
    }
  } catch {
    // not JSON: not a notebook
  }
  return undefined;
}

export function ipynbLanguage(nb: Record<string, unknown>): Language {
  const meta = nb.metadata as Record<string, unknown>;
  const dbx = meta['application/vnd.databricks.v1+notebook'];
  const lang =
    typeof dbx === 'object' && dbx !== null ? (dbx as Record<string, unknown>).language : undefined;
  const upper = typeof lang === 'string' ? lang.toUpperCase() : undefined;
  return isLanguage(upper) ? upper : 'PYTHON';
}

export type Detected =
  | { kind: 'notebook'; language: Language; format: 'SOURCE' | 'JUPYTER'; path: string }
  | { kind: 'file'; path: string };

/**
 * AUTO import: a source file whose exact first line is the notebook header becomes a notebook
 * (extension stripped); a valid .ipynb too. Anything else is a FILE that keeps its name.
 */
export function detect(path: string, content: Buffer): Detected {
  if (/\.ipynb$/i.test(path) && !/\.designer\.ipynb$/i.test(path)) {
    const nb = parseIpynb(content);
    if (nb)
      return { kind: 'notebook', language: ipynbLanguage(nb), format: 'JUPYTER', path: path.slice(0, -6) };
    return { kind: 'file', path };
  }
  const language = languageOfExtension(path);
  if (language && firstLine(content) === headerFor(language)) {
    return { kind: 'notebook', language, format: 'SOURCE', path: path.replace(/\.[^./]+$/, '') };
  }
  return { kind: 'file', path };
}

/** SOURCE text always starts with the header line when exported, whatever was imported. */
export function withHeader(source: string, language: Language): string {
  const header = headerFor(language);
  return source.startsWith(`${header}\n`) || source === header ? source : `${header}\n${source}`;
}

interface Cell {
  cell_type: 'code' | 'markdown';
  source: string[];
}

const toLines = (text: string): string[] => {
  const lines = text.split('\n');
  return lines.map((l, i) => (i < lines.length - 1 ? `${l}\n` : l)).filter((l) => l !== '');
};

/** A SOURCE notebook's commands (cells) as written, header and separators removed. */
export function sourceCommands(source: string, language: Language): string[] {
  const header = headerFor(language);
  const body = source.startsWith(header) ? source.slice(header.length).replace(/^\r?\n/, '') : source;
  return body.split(new RegExp(`\\n*^${escapeRegExp(separatorFor(language))}$\\n*`, 'm'));
}

/** A command's text as the notebook editor shows it: `# MAGIC ` prefixes removed (`%md …`). */
export function commandText(command: string, language: Language): string {
  const magic = `${COMMENT[language]} MAGIC`;
  const lines = command.split('\n');
  if (!lines[0]?.startsWith(magic)) return command;
  return lines.map((l) => (l.startsWith(magic) ? l.slice(magic.length).replace(/^ /, '') : l)).join('\n');
}

export function sourceToIpynb(source: string, language: Language, name: string): string {
  const magic = `${COMMENT[language]} MAGIC `;
  const cells: Cell[] = sourceCommands(source, language).map((chunk) => {
    const lines = chunk.split('\n');
    if (lines[0]?.startsWith(`${magic}%md`)) {
      const md = lines.map((l) => (l.startsWith(magic) ? l.slice(magic.length) : l)).join('\n');
      return { cell_type: 'markdown', source: toLines(md.replace(/^%md ?\n?/, '')) };
    }
    return { cell_type: 'code', source: toLines(chunk) };
  });
  return JSON.stringify({
    cells: cells.map((c) =>
      c.cell_type === 'code'
        ? { cell_type: 'code', execution_count: 0, metadata: {}, outputs: [], source: c.source }
        : { cell_type: 'markdown', metadata: {}, source: c.source },
    ),
    metadata: {
      'application/vnd.databricks.v1+notebook': { language: language.toLowerCase(), notebookName: name },
    },
    nbformat: 4,
    nbformat_minor: 0,
  });
}

export function ipynbToSource(nb: Record<string, unknown>, language: Language): string {
  const cells = (nb.cells as unknown[]).filter(
    (c): c is Record<string, unknown> => typeof c === 'object' && c !== null,
  );
  const magic = `${COMMENT[language]} MAGIC `;
  const parts = cells.map((c) => {
    const text = Array.isArray(c.source) ? c.source.join('') : typeof c.source === 'string' ? c.source : '';
    if (c.cell_type === 'markdown')
      return [`${magic}%md`, ...text.split('\n').map((l) => `${magic}${l}`)].join('\n');
    return text;
  });
  return `${headerFor(language)}\n${parts.join(`\n\n${separatorFor(language)}\n\n`)}\n`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
