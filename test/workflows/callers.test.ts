/**
 * The callers a team copies (workflows/github/*, workflows/azure-devops/examples/*) stay generic:
 * no name of the example team in examples/ appears in them — its config name, its secrets' env
 * variables and keys, its scopes, principals, jobs, clusters and notebook folders.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/runner.js';
import { yamlFiles } from './files.js';

const EXAMPLES = path.join(ROOT, 'examples');
/** Names every team shares: the built-in principal and the default region names. */
const GENERIC = new Set(['users', 'primary', 'secondary']);

function readJson(dir: string): Record<string, unknown>[] {
  return readdirSync(path.join(EXAMPLES, dir))
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(path.join(EXAMPLES, dir, f), 'utf8')));
}

/** The team-specific names of examples/, read from its files (so a new example name is covered). */
function exampleNames(): string[] {
  const config = parse(readFileSync(path.join(EXAMPLES, 'databricks-dr.yml'), 'utf8'));
  const names: string[] = [config.name, config.drill?.job];
  for (const entry of config.notebooks) names.push(...String(entry.target).split('/').filter(Boolean));
  for (const scope of readJson('secret-scopes')) {
    names.push(String(scope.scope));
    for (const [key, secret] of Object.entries((scope.secrets ?? {}) as Record<string, { env?: string }>)) {
      names.push(key, secret.env ?? '');
    }
    for (const acl of (scope.acls ?? []) as { principal: string }[]) names.push(acl.principal);
  }
  for (const job of readJson('jobs')) names.push(String(job.name));
  for (const cluster of readJson('clusters')) names.push(String(cluster.cluster_name));
  return [...new Set(names)].filter((n) => n && n !== 'Shared' && !GENERIC.has(n));
}

/** A name as a whole word: not part of a longer identifier (`app` must not match `apply`). */
function mentions(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z0-9_-])${escaped}($|[^A-Za-z0-9_-])`, 'i').test(text);
}

const CALLERS = [...yamlFiles('workflows/github'), ...yamlFiles('workflows/azure-devops/examples')];

describe('callers any team can copy', () => {
  it('reads the example team names it checks', () => {
    expect(exampleNames()).toEqual(
      expect.arrayContaining([
        'sales-platform',
        'HIVE_METASTORE_PASSWORD',
        'ORDERS_API_KEY',
        'sales-data-engineers',
      ]),
    );
    expect(CALLERS.length).toBeGreaterThanOrEqual(7);
  });

  it('detects a name when one is there (the check is live)', () => {
    expect(mentions('      secret-env: |\n        ORDERS_API_KEY\n', 'ORDERS_API_KEY')).toBe(true);
    expect(mentions('apply the plan', 'app')).toBe(false);
  });

  it.each(CALLERS)('%s names nothing of the example team', (file) => {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    expect(exampleNames().filter((name) => mentions(text, name))).toEqual([]);
  });

  it.each(yamlFiles('workflows/github'))('%s takes its secrets from the one documented mapping', (file) => {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    expect(text).toContain('secret-env: ${{ vars.DATABRICKS_DR_SECRET_ENV }}');
  });

  it('the failover caller says where its region choice comes from', () => {
    const text = readFileSync(path.join(ROOT, 'workflows/github/databricks-dr-failover.yml'), 'utf8');
    expect(text).toMatch(/options` must be the region names under `regions:`/);
  });
});
