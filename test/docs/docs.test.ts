/**
 * The docs stay true to the code: the config reference names every key of the config schema (and
 * every auth type with its keys), relative links resolve, the architecture has its diagram, and
 * the docs name the workflows, templates and actions that exist.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/runner.js';

const read = (f: string) => readFileSync(path.join(ROOT, f), 'utf8');
const MINE = [
  'docs/failover-runbook.md',
  'docs/azure-devops.md',
  'docs/troubleshooting.md',
  'docs/config-reference.md',
  'docs/architecture.md',
  'docs/github-workflows.md',
  'docs/emulator.md',
  'CHANGELOG.md',
  'RELEASING.md',
];

type Schema = {
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: Schema | boolean;
  $ref?: string;
  allOf?: Array<{ if?: { properties?: { type?: { const?: string } } }; then?: Schema }>;
};

/** Every key the config schema knows, with the auth type each auth key belongs to. */
function schemaKeys(): { keys: Set<string>; auth: Map<string, string[]> } {
  const root = JSON.parse(read('schemas/config.schema.json')) as Schema & { $defs: Record<string, Schema> };
  const keys = new Set<string>();
  const auth = new Map<string, string[]>();
  const walk = (node: Schema | undefined) => {
    if (!node) return;
    if (node.$ref) walk(root.$defs[node.$ref.split('/').at(-1)!]);
    for (const [k, v] of Object.entries(node.properties ?? {})) {
      keys.add(k);
      walk(v);
    }
    walk(node.items);
    if (typeof node.additionalProperties === 'object') walk(node.additionalProperties);
    for (const branch of node.allOf ?? []) {
      const type = branch.if?.properties?.type?.const;
      if (type)
        auth.set(
          type,
          Object.keys(branch.then?.properties ?? {}).filter((k) => k !== 'type'),
        );
    }
  };
  walk(root);
  return { keys, auth };
}

describe('docs', () => {
  it('exist', () => {
    for (const f of MINE) expect(existsSync(path.join(ROOT, f)), f).toBe(true);
  });

  it('config-reference.md documents every key of schemas/config.schema.json', () => {
    const doc = read('docs/config-reference.md');
    const { keys, auth } = schemaKeys();
    expect(keys.size).toBeGreaterThan(20);
    for (const key of keys) expect(doc, `config key ${key}`).toContain(`\`${key}\``);
    expect(auth.size).toBe(7);
    for (const [type, typeKeys] of auth) {
      const row = doc.split('\n').find((l) => new RegExp(`^\\| \`${type}\` +\\|`).test(l));
      expect(row, `auth type ${type}`).toBeDefined();
      for (const k of typeKeys.filter((k) => !['authority_host', 'workspace_resource_id'].includes(k)))
        expect(row, `auth ${type} key ${k}`).toContain(`\`${k}\``);
    }
  });

  it('architecture.md has a mermaid diagram naming the real parts', () => {
    const doc = read('docs/architecture.md');
    const diagram = /```mermaid\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    expect(diagram).toMatch(/^flowchart /);
    for (const part of [
      'github/reporter.ts',
      'ado.ts',
      'github/pr-comment.ts',
      'job.workflow_sha',
      'state.json',
    ])
      expect(diagram).toContain(part);
    for (const file of [
      'src/platform/github/reporter.ts',
      'src/platform/ado.ts',
      'src/platform/github/pr-comment.ts',
    ])
      expect(existsSync(path.join(ROOT, file))).toBe(true);
  });

  it('architecture.md names only source files and folders that exist', () => {
    const doc = read('docs/architecture.md');
    const named = [...doc.matchAll(/`((?:src|test)\/[\w./<>-]+)`/g)]
      .map((m) => m[1])
      .filter((p) => !p.includes('<'));
    expect(named.length).toBeGreaterThan(20);
    for (const p of named) expect(existsSync(path.join(ROOT, p)), p).toBe(true);
  });

  it.each(MINE)('%s: relative links resolve', (file) => {
    const text = read(file);
    for (const m of text.matchAll(/\]\(((?!https?:|#|mailto:)[^)\s]+)\)/g)) {
      const target = m[1].split('#')[0];
      expect(existsSync(path.resolve(path.dirname(path.join(ROOT, file)), target)), `${file} → ${m[1]}`).toBe(
        true,
      );
    }
  });

  it('name only workflows, templates and action folders that exist', () => {
    const all = MINE.map(read).join('\n');
    for (const m of all.matchAll(/\.github\/workflows\/([a-z-]+)\.yml/g))
      expect(existsSync(path.join(ROOT, '.github/workflows', `${m[1]}.yml`)), m[0]).toBe(true);
    for (const m of all.matchAll(/workflows\/azure-devops\/((?:jobs|steps|examples)\/[a-z_-]+\.yml)/g))
      expect(existsSync(path.join(ROOT, 'workflows/azure-devops', m[1])), m[0]).toBe(true);
    const actions = readdirSync(path.join(ROOT, 'actions'));
    for (const m of all.matchAll(/actions\/([a-z-]+)@v1/g)) expect(actions, m[0]).toContain(m[1]);
  });

  it('the runbook states RPO and RTO and how to rehearse', () => {
    const doc = read('docs/failover-runbook.md');
    for (const heading of [
      '## What `failover --to R` does',
      '## RPO and RTO',
      '## Rehearsing',
      '## Procedure: failback',
    ])
      expect(doc).toContain(heading);
  });
});
