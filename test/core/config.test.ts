import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config/load.js';
import { hostOverrideVariable } from '../../src/core/config/regions.js';
import { ValidationError } from '../../src/core/errors.js';

function writeConfig(text: string, name = 'databricks-dr.yml'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dr-config-'));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const GOOD = `version: 1
name: sales-platform
regions:
  primary:
    host: https://adb-1111111111111111.11.azuredatabricks.net
    role: active
    auth: { type: pat, token_env: TOKEN_PRIMARY }
    variables:
      n: 3
  secondary:
    host: http://127.0.0.1:8002
    role: passive
    auth: { type: azure-oidc, tenant_id: t, client_id: c }
notebooks:
  - { source: notebooks, target: /Shared/sales/, delete_orphans: true }
jobs: [jobs/*.json]
`;

function diagnosticsOf(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    if (err instanceof ValidationError) return err.diagnostics;
    throw err;
  }
  throw new Error('expected a ValidationError');
}

describe('loadConfig', () => {
  it('loads a YAML config into the typed form with defaults', () => {
    const file = writeConfig(GOOD);
    const config = loadConfig(file, { env: {} });
    expect(config.name).toBe('sales-platform');
    expect(config.regions.map((r) => [r.name, r.role])).toEqual([
      ['primary', 'active'],
      ['secondary', 'passive'],
    ]);
    expect(config.regions[0].auth).toEqual({ type: 'pat', token_env: 'TOKEN_PRIMARY' });
    expect(config.regions[0].variables).toEqual({ n: '3' });
    expect(config.notebooks).toEqual([
      { source: 'notebooks', target: '/Shared/sales', delete_orphans: true },
    ]);
    expect(config.passive).toEqual({
      max_concurrent_runs: 0,
      pause_schedules: true,
      terminate_clusters: true,
    });
    expect(config.prune).toEqual({ jobs: false, clusters: false, pipelines: false, secret_scopes: false });
    expect(config.baseDir).toBe(path.dirname(file));
  });

  it('accepts JSON with the same meaning', () => {
    const file = writeConfig(
      JSON.stringify({
        version: 1,
        name: 'x',
        regions: {
          a: { host: 'https://a.example', role: 'active' },
          b: { host: 'https://b.example', role: 'passive' },
        },
      }),
      'databricks-dr.json',
    );
    const config = loadConfig(file, { env: {} });
    expect(config.regions[1].auth).toEqual({ type: 'pat', token_env: 'DATABRICKS_TOKEN' });
  });

  it('reports every problem with its line, column and pointer', () => {
    const file = writeConfig(`version: 2
name: Sales_Platform
regions:
  primary:
    host: http://adb-1.azuredatabricks.net
    role: active
    auth: { type: azure-oidc, tenant_id: t }
  secondary:
    host: https://adb-2.azuredatabricks.net
    role: active
    auth: { type: pta }
`);
    const d = diagnosticsOf(() => loadConfig(file, { env: {} }));
    const summary = d.map((x) => `${x.line}:${x.column} ${x.pointer} ${x.message}`);
    expect(summary).toEqual([
      '1:10 /version version must be 1, got 2',
      '2:7 /name name "Sales_Platform" must be lowercase letters, digits and hyphens (e.g. sales-platform)',
      '5:11 /regions/primary/host host must use https:// (plain http is accepted only for loopback emulated workspaces), got "http://adb-1.azuredatabricks.net"',
      '7:11 /regions/primary/auth/client_id auth type azure-oidc needs client_id',
      '11:19 /regions/secondary/auth/type unknown auth type "pta": use one of pat, azure-client-secret, azure-oidc, azure-cli, azure-pipelines, azure-msi, databricks-oidc',
    ]);
    expect(d.every((x) => x.file === file)).toBe(true);
  });

  it('needs two regions and exactly one active', () => {
    const one = writeConfig(
      'version: 1\nname: a\nregions:\n  p: { host: "https://p.example", role: passive }\n',
    );
    expect(diagnosticsOf(() => loadConfig(one, { env: {} })).map((d) => d.message)).toEqual([
      'at least two regions are needed (a primary and a secondary)',
      'exactly one region must have role: active (found 0)',
    ]);
  });

  it('lets DATABRICKS_DR_HOST_<REGION> override a host', () => {
    const file = writeConfig(GOOD);
    expect(hostOverrideVariable('secondary')).toBe('DATABRICKS_DR_HOST_SECONDARY');
    const config = loadConfig(file, { env: { DATABRICKS_DR_HOST_SECONDARY: 'http://localhost:9000/' } });
    expect(config.regions[1].host).toBe('http://localhost:9000');
    const bad = diagnosticsOf(() => loadConfig(file, { env: { DATABRICKS_DR_HOST_PRIMARY: 'ftp://x' } }));
    expect(bad[0].message).toMatch(/^DATABRICKS_DR_HOST_PRIMARY: host must use https:\/\//);
  });

  it('reports a YAML syntax error at its position', () => {
    const file = writeConfig('version: 1\nname: [unclosed\n');
    const [d] = diagnosticsOf(() => loadConfig(file, { env: {} }));
    expect(d.message).toMatch(/^invalid YAML/);
    expect(d.line).toBeGreaterThanOrEqual(2);
  });

  it('reports a missing file clearly', () => {
    const [d] = diagnosticsOf(() => loadConfig('/nonexistent/databricks-dr.yml', { env: {} }));
    expect(d.message).toBe('file not found');
  });
});
