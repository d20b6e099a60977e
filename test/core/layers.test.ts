/**
 * Issue 17: the import arrows of src/ point one way. Every file belongs to a layer; a file may
 * import its own layer or a lower one, never a higher one, and the groups of src/core (a
 * directory, or a file named as a prefix of its own) import each other without cycles. Imports are
 * read after the comments are blanked out (strings kept), so a mention of an import in a comment
 * never counts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SRC = path.join(ROOT, 'src');

/**
 * Lowest first. A path belongs to the layer of its longest matching prefix; the files directly
 * under src/core/ (errors, logger, reporter, redact, source…) are the base everything may use.
 */
const LAYERS: ReadonlyArray<{ layer: string; prefixes: string[] }> = [
  { layer: 'base', prefixes: ['src/core/', 'src/types/'] },
  { layer: 'config', prefixes: ['src/core/config/', 'src/core/variables.ts'] },
  { layer: 'auth', prefixes: ['src/core/auth/'] },
  { layer: 'client', prefixes: ['src/core/client/'] },
  // The plan as a value: changes, results, their rendering and applying, the symbolic names.
  { layer: 'plan', prefixes: ['src/core/plan/'] },
  { layer: 'validate', prefixes: ['src/core/validate/'] },
  { layer: 'state', prefixes: ['src/core/state/'] },
  // config → clients, identity, masking; what each asset module gets for a region.
  { layer: 'session', prefixes: ['src/core/session/'] },
  // One folder per kind (scopes, notebooks, clusters, pipelines, jobs, permissions, references)
  // and their shared comparison helpers: read a region, diff, plan and apply that kind.
  { layer: 'assets', prefixes: ['src/core/assets/'] },
  {
    layer: 'engine',
    prefixes: [
      'src/core/engine/',
      'src/core/roles/',
      'src/core/preflight/',
      'src/core/failover/',
      'src/core/drift/',
      'src/core/import/',
    ],
  },
  { layer: 'commands', prefixes: ['src/core/commands/'] },
  // The emulator is a tool of its own (the CLI starts it); the engine never imports it.
  { layer: 'emulator', prefixes: ['src/emulator/'] },
  { layer: 'front', prefixes: ['src/cli/', 'src/actions/', 'src/platform/'] },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|mts)$/.test(e.name) ? [full] : [];
  });
}

const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');

function bestPrefix(file: string): { layer: string; rank: number; prefix: string } | undefined {
  let best: { layer: string; rank: number; prefix: string } | undefined;
  LAYERS.forEach(({ layer, prefixes }, rank) => {
    for (const prefix of prefixes)
      if (file.startsWith(prefix) && prefix.length > (best?.prefix.length ?? -1))
        best = { layer, rank, prefix };
  });
  return best;
}

/** A file's group: its directory, or its prefix when that names a file (variables.ts). */
function groupOf(file: string): string {
  const prefix = bestPrefix(file)?.prefix ?? '';
  return prefix.endsWith('/') ? path.posix.dirname(file) : prefix;
}

/** The text with every comment replaced by spaces; string and template literals are kept. */
function withoutComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Every module specifier a file imports: static, type-only, re-exported or dynamic. */
function specifiers(text: string): string[] {
  const code = withoutComments(text);
  const patterns = [
    /(?:^|[;}\s])(?:import|export)\s[^;'"`]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /(?:^|[;}\s])import\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  return patterns.flatMap((re) => [...code.matchAll(re)].map((m) => m[1]));
}

/** Every relative module a file imports, as a path under the repository (`.js` → `.ts`). */
function importsOf(file: string): string[] {
  return specifiers(readFileSync(file, 'utf8'))
    .filter((m) => m.startsWith('.'))
    .map((m) => relative(path.resolve(path.dirname(file), m)).replace(/\.js$/, '.ts'));
}

const files = sourceFiles(SRC).map(relative);
const edges = files.flatMap((from) => importsOf(path.join(ROOT, from)).map((to) => ({ from, to })));

describe('import layers', () => {
  it('the reader finds each form of import, and not a mention in a comment', () => {
    const text = [
      "import type { A } from './a.js';",
      "export { b } from './b.js';",
      "const c = await import('./c.js');",
      '// import { d } from "./d.js";',
      ' * see `import x from "./e.js"` in the docs',
    ].join('\n');
    expect(specifiers(text).sort()).toEqual(['./a.js', './b.js', './c.js']);
    expect(specifiers("import {\n  a,\n  b,\n} from '../x.js';\nconst s = '// not a comment';")).toEqual([
      '../x.js',
    ]);
  });

  it('every source file has a layer, and every layer has files', () => {
    expect(files.filter((f) => !bestPrefix(f))).toEqual([]);
    const used = new Set(files.map((f) => bestPrefix(f)?.layer));
    expect(LAYERS.map((l) => l.layer).filter((l) => !used.has(l))).toEqual([]);
    expect(edges.length).toBeGreaterThan(500);
  });

  it('no file imports a higher layer', () => {
    const upward = edges
      .filter(({ from, to }) => (bestPrefix(to)?.rank ?? 0) > (bestPrefix(from)?.rank ?? 0))
      .map(({ from, to }) => `${from} (${bestPrefix(from)?.layer}) → ${to} (${bestPrefix(to)?.layer})`);
    expect(upward).toEqual([]);
  });

  it("the engine's groups import each other without a cycle", () => {
    const next = new Map<string, Set<string>>();
    for (const { from, to } of edges.filter((e) => e.from.startsWith('src/core/'))) {
      const [a, b] = [groupOf(from), groupOf(to)];
      if (a !== b) next.set(a, (next.get(a) ?? new Set()).add(b));
    }
    const cycles: string[] = [];
    const done = new Set<string>();
    const walk = (group: string, trail: string[]) => {
      if (trail.includes(group)) {
        cycles.push([...trail.slice(trail.indexOf(group)), group].join(' → '));
        return;
      }
      if (done.has(group)) return;
      for (const n of next.get(group) ?? []) walk(n, [...trail, group]);
      done.add(group);
    };
    for (const group of next.keys()) walk(group, []);
    expect(cycles).toEqual([]);
  });

  it('no @actions/* import outside src/platform/github/', () => {
    const outside = files.filter(
      (f) =>
        !f.startsWith('src/platform/github/') &&
        specifiers(readFileSync(path.join(ROOT, f), 'utf8')).some((m) => m.startsWith('@actions/')),
    );
    expect(outside).toEqual([]);
    // The GitHub platform does import them: the scan read the right files.
    const reporter = readFileSync(path.join(SRC, 'platform/github/reporter.ts'), 'utf8');
    expect(specifiers(reporter)).toContain('@actions/core');
  });
});
