/**
 * The shell blocks of the docs (README.md, docs/*.md) and how each is marked: an HTML comment on
 * the line before its fence (blank lines between allowed), either
 *
 *   <!-- runnable -->            executed by test/docs/command-blocks.test.ts from the repository root
 *   <!-- runnable: deployed -->  executed in a copy of examples/ deployed to two emulated regions
 *   <!-- not-runnable: WHY -->   not executed, for the reason given (cloud, registry, terminal, …)
 *
 * CONTRIBUTING.md explains the markers to writers of docs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const SHELL_LANGUAGES = new Set(['sh', 'bash', 'shell', 'console', 'zsh']);

export interface DocBlock {
  /** Relative to the repository root. */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The nearest heading above the block, e.g. `## Rehearsing`. */
  heading: string;
  lang: string;
  /** The block's text, dedented by the fence's own indentation. */
  body: string;
  marker?: { runnable: true; setup: 'none' | 'deployed' } | { runnable: false; reason: string };
}

const MARKER = /^\s*<!--\s*(runnable|not-runnable)(?::\s*(.*?))?\s*-->\s*$/;

/** README.md and every docs/*.md: the files whose blocks a reader runs. */
export function docFiles(root: string): string[] {
  const docs = readdirSync(path.join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`);
  return ['README.md', ...docs];
}

function markerOf(lines: string[], fence: number): DocBlock['marker'] {
  let i = fence - 1;
  while (i >= 0 && lines[i].trim() === '') i--;
  const m = i >= 0 ? MARKER.exec(lines[i]) : null;
  if (!m) return undefined;
  if (m[1] === 'not-runnable') return { runnable: false, reason: (m[2] ?? '').trim() };
  if (m[2] !== undefined && m[2] !== 'deployed')
    throw new Error(`unknown setup "${m[2]}" in <!-- runnable: … --> (known: deployed)`);
  return { runnable: true, setup: m[2] === 'deployed' ? 'deployed' : 'none' };
}

/** Every fenced block of a markdown file whose language is a shell. */
export function shellBlocks(root: string, file: string): DocBlock[] {
  const lines = readFileSync(path.join(root, file), 'utf8').split('\n');
  const blocks: DocBlock[] = [];
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    if (/^#{1,6} /.test(lines[i])) heading = lines[i].trim();
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, lang] = open;
    let end = i + 1;
    while (end < lines.length && !lines[end].trimStart().startsWith(fence)) end++;
    if (SHELL_LANGUAGES.has(lang.toLowerCase())) {
      const body = lines
        .slice(i + 1, end)
        .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l.trimStart()))
        .join('\n');
      blocks.push({ file, line: i + 1, heading, lang, body: `${body}\n`, marker: markerOf(lines, i) });
    }
    i = end;
  }
  return blocks;
}

export function allShellBlocks(root: string): DocBlock[] {
  return docFiles(root).flatMap((f) => shellBlocks(root, f));
}
