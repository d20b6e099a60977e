/**
 * docs/emulator.md lists the endpoints the emulator serves, generated from its route table: a
 * stale list fails here with the block to paste (or run with UPDATE_DOCS=1 to rewrite it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { servedRoutes } from '../../src/emulator/routes.js';
import { ROOT } from '../helpers/runner.js';

const DOC = path.join(ROOT, 'docs/emulator.md');
const START =
  '<!-- routes:start (generated from the route table: UPDATE_DOCS=1 npx vitest run test/docs/emulator-doc.test.ts) -->';
const END = '<!-- routes:end -->';

/** `jobs`, `clusters`, … ; `sql/warehouses`, `preview/scim` keep their second segment. */
function family(rest: string): string {
  const [first, second] = rest.split('/');
  return first === 'sql' || first === 'preview' ? `${first}/${second}` : first;
}

/** The route table as Markdown: one list per family, the API versions of a route collapsed. */
function routesMarkdown(routes: string[]): string {
  const byRoute = new Map<string, { family: string; versions: string[] }>();
  for (const route of routes) {
    const [method, url] = route.split(' ');
    const m = /^\/api\/([0-9.]+)\/(.*)$/.exec(url);
    const rest = m ? m[2] : url;
    const key = `${method} ${rest}`;
    const entry = byRoute.get(key) ?? { family: family(rest), versions: [] };
    if (m) entry.versions.push(m[1]);
    byRoute.set(key, entry);
  }
  const families = new Map<string, string[]>();
  for (const [key, { family: name, versions }] of byRoute) {
    const [method, rest] = key.split(' ');
    const v = versions.length > 1 ? `{${versions.join(',')}}` : versions[0];
    const line = `- \`${method} ${v ? `/api/${v}/${rest}` : rest}\``;
    families.set(name, [...(families.get(name) ?? []), line]);
  }
  // By path, then method: `- \`METHOD path\``.
  const pathOf = (line: string) => line.slice(line.indexOf(' ', 3) + 1);
  const sections = [...families.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, lines]) => {
      const sorted = lines.sort((a, b) => pathOf(a).localeCompare(pathOf(b)) || a.localeCompare(b));
      return `### ${name}\n\n${sorted.join('\n')}`;
    });
  return `${START}\n\n${sections.join('\n\n')}\n\n${END}`;
}

describe('docs/emulator.md', () => {
  it('lists exactly the endpoints of the route table', () => {
    const doc = readFileSync(DOC, 'utf8');
    const expected = routesMarkdown(servedRoutes());
    const start = doc.indexOf(START);
    const end = doc.indexOf(END);
    expect(start, `docs/emulator.md needs the markers ${START} … ${END}`).toBeGreaterThanOrEqual(0);
    const current = doc.slice(start, end + END.length);
    if (current !== expected && process.env.UPDATE_DOCS === '1')
      writeFileSync(DOC, doc.replace(current, expected));
    else expect(current).toBe(expected);
  });

  it('is linked from the README', () => {
    expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toContain('(docs/emulator.md)');
  });
});
