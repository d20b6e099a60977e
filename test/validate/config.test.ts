/** The config: syntax, schema, the loader's rules, and how both are reported together. */
import { describe, expect, test } from 'vitest';
import { validateFiles, validateProject } from '../../src/core/validate/index.js';
import { at, config, find, lines, tree } from './helpers.js';

function check(yaml: string, files: Record<string, string> = {}, env: NodeJS.ProcessEnv = {}) {
  const dir = tree({ 'databricks-dr.yml': yaml, ...files });
  return validateProject('databricks-dr.yml', { cwd: dir, env });
}

const MINIMAL = `version: 1
name: sales-platform
regions:
  primary:
    host: https://adb-1111111111111111.11.azuredatabricks.net
    role: active
    auth: { type: azure-oidc, tenant_id: t, client_id: c }
  secondary:
    host: https://adb-2222222222222222.2.azuredatabricks.net
    role: passive
    auth: { type: pat, token_env: DATABRICKS_TOKEN_SECONDARY }
`;

describe('config', () => {
  test('a minimal config is clean and loads', () => {
    const r = check(MINIMAL);
    expect(lines(r)).toEqual([]);
    expect(r.config?.name).toBe('sales-platform');
    expect(r.project?.regions).toEqual(['primary', 'secondary']);
    expect(r.files).toBe(1);
  });

  test('YAML syntax errors are reported at the exact position', () => {
    expect(lines(check('version: 1\nname: x\nregions:\n  primary:\n    host: a\n   role: active\n'))).toEqual(
      ['databricks-dr.yml:6:1: invalid YAML: All mapping items must start at the same column (/)'],
    );
    expect(lines(check('version: 1\nname: sales: platform\n'))).toEqual([
      'databricks-dr.yml:2:7: invalid YAML: Nested mappings are not allowed in compact mappings (/)',
    ]);
    expect(lines(check('version: 1\nname: a\nname: b\n'))).toEqual([
      'databricks-dr.yml:3:1: invalid YAML: Map keys must be unique (/)',
    ]);
  });

  test('a JSON config with a syntax error, and a missing config', () => {
    const dir = tree({ 'dr.json': '{\n  "version": 1,\n  "name": "x"\n  "regions": {}\n}' });
    expect(lines(validateProject('dr.json', { cwd: dir }))).toEqual([
      "dr.json:4:3: invalid JSON: expected ',' or a closing bracket (/)",
    ]);
    expect(lines(validateProject('nope.yml', { cwd: dir }))).toEqual(['nope.yml:1:1: file not found (/)']);
  });

  test('unknown fields: an error with a suggestion, at the key; a warning with unknown_fields: warn', () => {
    const r = check(`${MINIMAL}prune: { jobs: true, clustres: false }\npassive:\n  pause_schedule: false\n`);
    expect(lines(r)).toEqual([
      'databricks-dr.yml:12:22: unknown field "clustres" — did you mean "clusters"? (/prune/clustres)',
      'databricks-dr.yml:14:3: unknown field "pause_schedule" — did you mean "pause_schedules"? (/passive/pause_schedule)',
    ]);
    const w = check(
      `${MINIMAL}prune: { jobs: true, clustres: false }\nvalidation: { unknown_fields: warn }\n`,
    );
    expect(lines(w)).toEqual([
      'databricks-dr.yml:12:22: warning: unknown field "clustres" — did you mean "clusters"? (allowed by validation.unknown_fields: warn) (/prune/clustres)',
    ]);
    expect(w.config).toBeDefined();
  });

  test('name pattern, regions: at least two, exactly one active', () => {
    const r = check(`version: 1
name: Sales_Platform
regions:
  primary:
    host: https://adb-1.1.azuredatabricks.net
    role: passive
`);
    expect(lines(r)).toEqual([
      'databricks-dr.yml:2:7: name "Sales_Platform" must be lowercase letters, digits and hyphens (e.g. sales-platform) (/name)',
      'databricks-dr.yml:4:3: at least two regions are needed (a primary and a secondary) (/regions)',
      'databricks-dr.yml:4:3: exactly one region must have role: active (found 0) (/regions)',
    ]);
    expect(r.config).toBeUndefined();
  });

  test('hosts are https://, or http:// on loopback; DATABRICKS_DR_HOST_<REGION> overrides', () => {
    const r = check(
      MINIMAL.replace(
        'https://adb-2222222222222222.2.azuredatabricks.net',
        'http://adb-2.2.azuredatabricks.net',
      ),
    );
    expect(at(find(r, 'host must use https://'))).toBe('databricks-dr.yml:9:11');
    const loopback = check(
      MINIMAL.replace('https://adb-1111111111111111.11.azuredatabricks.net', 'http://127.0.0.1:8001').replace(
        'https://adb-2222222222222222.2.azuredatabricks.net',
        'http://localhost:8002',
      ),
    );
    expect(lines(loopback)).toEqual([]);
    const env = check(MINIMAL, {}, { DATABRICKS_DR_HOST_SECONDARY: 'http://127.0.0.1:9000' });
    expect(lines(env)).toEqual([]);
    expect(env.config?.regions[1].host).toBe('http://127.0.0.1:9000');
  });

  test('roles, auth types and keys: each problem once, at its place', () => {
    const r = check(`version: 1
name: x
regions:
  primary:
    host: https://adb-1.1.azuredatabricks.net
    role: primary
    auth: { type: azure-oidc, client_id: c, tennant_id: t }
  secondary:
    host: https://adb-2.2.azuredatabricks.net
    role: passive
    auth: { type: oauth }
`);
    expect(lines(r)).toEqual([
      'databricks-dr.yml:6:11: role must be "active" or "passive", got "primary" (/regions/primary/role)',
      'databricks-dr.yml:7:11: auth type azure-oidc needs tenant_id (/regions/primary/auth/tenant_id)',
      'databricks-dr.yml:7:45: unknown field "tennant_id" — did you mean "tenant_id"? (/regions/primary/auth/tennant_id)',
      'databricks-dr.yml:11:19: unknown auth type "oauth": use one of pat, azure-client-secret, azure-oidc, azure-cli, azure-pipelines, azure-msi, databricks-oidc (/regions/secondary/auth/type)',
    ]);
  });

  test('variables are scalars; version is 1', () => {
    const r = check(
      MINIMAL.replace('version: 1', 'version: 2').replace(
        '    auth: { type: pat, token_env: DATABRICKS_TOKEN_SECONDARY }\n',
        '    auth: { type: pat, token_env: DATABRICKS_TOKEN_SECONDARY }\n    variables:\n      list: [1, 2]\n',
      ),
    );
    expect(lines(r)).toEqual([
      'databricks-dr.yml:1:10: version must be 1, got 2 (/version)',
      'databricks-dr.yml:13:13: variable list must be a string, number or boolean (/regions/secondary/variables/list)',
    ]);
  });

  test('file lists: a missing path is an error, a glob matching nothing a warning', () => {
    const r = check(`${MINIMAL}jobs: [jobs/*.json, jobs/etl.json]\nclusters: ["clusters/**/*.json"]\n`);
    expect(lines(r)).toEqual([
      'databricks-dr.yml:12:8: warning: "jobs/*.json" matches no file (/jobs/0)',
      'databricks-dr.yml:12:21: "jobs/etl.json" does not exist (paths are relative to databricks-dr.yml) (/jobs/1)',
      'databricks-dr.yml:13:12: warning: "clusters/**/*.json" matches no file (/clusters/0)',
    ]);
  });

  test('notebook mappings: the source is a folder, targets do not overlap', () => {
    const r = check(
      `${MINIMAL}notebooks:
  - { source: notebooks, target: /Shared/app }
  - { source: more, target: /Shared/app/more }
  - { source: missing, target: /Shared/other }
`,
      { 'notebooks/a.py': '# Databricks notebook source\n', 'more/b.py': 'print(1)\n' },
    );
    expect(lines(r)).toEqual([
      'databricks-dr.yml:14:29: target "/Shared/app/more" overlaps notebooks[0].target "/Shared/app": give each source its own workspace folder (/notebooks/1/target)',
      'databricks-dr.yml:15:15: notebooks source "missing" is not a folder (paths are relative to databricks-dr.yml) (/notebooks/2/source)',
    ]);
  });

  test('a config given to validateFiles is checked as a config', () => {
    const dir = tree({ 'databricks-dr.yml': `${MINIMAL}bogus: 1\n` });
    expect(lines(validateFiles(['databricks-dr.yml'], { cwd: dir }))).toEqual([
      'databricks-dr.yml:12:1: unknown field "bogus": the config has no such field; remove it or check the spelling (/bogus)',
    ]);
  });

  test('the test helper config is valid', () => {
    expect(
      lines(check(config(), { 'notebooks/a.py': '# Databricks notebook source\n' })).filter(
        (l) => !l.includes('matches no file'),
      ),
    ).toEqual([]);
  });
});
