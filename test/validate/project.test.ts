/** A whole repository: definitions substituted per region, and the rules across files. */
import { describe, expect, test } from 'vitest';
import type { ValidationReport } from '../../src/core/validate/index.js';
import { validateProject } from '../../src/core/validate/index.js';
import { lines as allLines, at, clusterFile, config, errors, find, tree } from './helpers.js';

/** The report's lines without "matches no file" warnings for lists a test leaves empty. */
const lines = (r: ValidationReport) => allLines(r).filter((l) => !l.includes('matches no file'));

const NB = '# Databricks notebook source\nprint(1)\n';

function job(name: string, task: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      name,
      tasks: [
        {
          task_key: 'main',
          existing_cluster_name: 'shared',
          notebook_task: { notebook_path: '/Shared/app/a' },
          ...task,
        },
      ],
    },
    null,
    2,
  );
}

function project(files: Record<string, string | Buffer>, extra = '') {
  const dir = tree({
    'databricks-dr.yml': config(extra),
    'notebooks/a.py': NB,
    'clusters/shared.json': clusterFile('shared'),
    'secret-scopes/app.json': '{ "scope": "app" }',
    ...files,
  });
  return { dir, report: validateProject('databricks-dr.yml', { cwd: dir }) };
}

describe('variables per region', () => {
  test('a whole ${var.X} becomes the number the schema expects; the project holds typed values per region', () => {
    const { report } = project({
      'clusters/etl.json': `{
  "cluster_name": "etl-\${region.name}",
  "spark_version": "15.4.x-scala2.12",
  "num_workers": "\${var.workers}",
  "spark_conf": { "spark.env": "\${var.env}", "spark.workers": "\${var.workers}", "spark.pw": "{{secrets/app/pw}}" },
  "enable_elastic_disk": "\${var.photon}"
}`,
    });
    expect(lines(report)).toEqual([]);
    const etl = report.project?.clusters.find((c) => c.path === 'clusters/etl.json');
    expect(etl?.name).toBe('etl-primary');
    expect(etl?.byRegion.primary).toMatchObject({
      cluster_name: 'etl-primary',
      num_workers: 4,
      enable_elastic_disk: true,
      spark_conf: { 'spark.env': 'east', 'spark.workers': '4', 'spark.pw': '{{secrets/app/pw}}' },
    });
    expect(etl?.byRegion.secondary).toMatchObject({
      cluster_name: 'etl-secondary',
      num_workers: 2,
      enable_elastic_disk: false,
    });
  });

  test('a value that does not fit, in one region only, is reported with that region at the original position', () => {
    const { report } = project(
      {
        'clusters/etl.json': `{
  "cluster_name": "etl",
  "spark_version": "15.4.x-scala2.12",
  "num_workers": "\${var.size}"
}`,
      },
      '',
    );
    // size is defined in neither region: one error, no region, and no cascaded type error for the
    // unsubstituted text.
    expect(lines(report)).toEqual([
      'clusters/etl.json:4:18: ${var.size} is not defined in any region: add size to the variables of every region in the config (/num_workers)',
    ]);
  });

  test('a variable missing in one region is reported once, for that region', () => {
    const dir = tree({
      'databricks-dr.yml': config().replace(
        'variables: { env: east,',
        'variables: { env: east, only_east: 3,',
      ),
      'notebooks/a.py': NB,
      'clusters/shared.json': clusterFile('shared'),
      'clusters/etl.json': `{
  "cluster_name": "etl",
  "spark_version": "15.4.x-scala2.12",
  "num_workers": "\${var.only_east}"
}`,
    });
    expect(lines(validateProject('databricks-dr.yml', { cwd: dir }))).toEqual([
      'clusters/etl.json:4:18: ${var.only_east} is not defined for region secondary: add only_east under regions.secondary.variables [region secondary] (/num_workers)',
    ]);
  });

  test('region-specific findings carry the region; identical ones are reported once', () => {
    const dir = tree({
      'databricks-dr.yml': config().replace(
        'variables: { env: west, workers: 2,',
        'variables: { env: west, workers: many, wokers: 3,',
      ),
      'notebooks/a.py': NB,
      'clusters/shared.json': clusterFile('shared'),
      'clusters/etl.json': `{
  "cluster_name": "etl",
  "spark_version": "15.4.x-scala2.12",
  "num_workers": "\${var.workers}",
  "custom_tags": { "x": "\${var.missing_everywhere}", "y": "\${var.env}" },
  "azure_attributes": { "availability": "\${var.env}" }
}`,
    });
    const r = validateProject('databricks-dr.yml', { cwd: dir });
    expect(lines(r)).toEqual([
      'clusters/etl.json:4:18: num_workers must be an integer, got "many" (from ${var.workers}) [region secondary] (/num_workers)',
      'clusters/etl.json:5:25: ${var.missing_everywhere} is not defined in any region: add missing_everywhere to the variables of every region in the config (/custom_tags/x)',
      'clusters/etl.json:6:41: "east" is not a valid availability: use one of ON_DEMAND_AZURE, SPOT_AZURE, SPOT_WITH_FALLBACK_AZURE (from ${var.env}) [region primary] (/azure_attributes/availability)',
      'clusters/etl.json:6:41: "west" is not a valid availability: use one of ON_DEMAND_AZURE, SPOT_AZURE, SPOT_WITH_FALLBACK_AZURE (from ${var.env}) [region secondary] (/azure_attributes/availability)',
    ]);
    expect(r.diagnostics.filter((d) => d.region).map((d) => d.region)).toEqual([
      'secondary',
      'primary',
      'secondary',
    ]);
  });

  test('a variable missing in one region names the region and suggests a close name', () => {
    const dir = tree({
      'databricks-dr.yml': config().replace('variables: { env: west,', 'variables: { envv: west,'),
      'notebooks/a.py': NB,
      'clusters/shared.json': clusterFile('shared'),
      'jobs/a.json': `{
  "name": "a-\${var.env}",
  "tasks": [{ "task_key": "main", "existing_cluster_name": "shared", "notebook_task": { "notebook_path": "/Shared/app/a" } }]
}`,
    });
    const r = validateProject('databricks-dr.yml', { cwd: dir });
    expect(lines(r)).toEqual([
      'jobs/a.json:2:11: ${var.env} is not defined for region secondary — did you mean "envv"? [region secondary] (/name)',
    ]);
  });

  test('unknown ${region.X}', () => {
    const { report } = project({ 'jobs/a.json': job('a', { description: 'in ${region.id}' }) });
    expect(
      find(report, '${region.id} is not a region property: use ${region.name} or ${region.host}').region,
    ).toBeUndefined();
  });
});

describe('rules across files', () => {
  test('duplicate job (case-insensitive), cluster and scope names across files', () => {
    const { report } = project({
      'jobs/a.json': job('Nightly ETL'),
      'jobs/b.json': job('nightly etl'),
      'clusters/other.json': clusterFile('shared'),
      'secret-scopes/again.json': '{\n  "scope": "app"\n}',
    });
    expect(lines(report)).toEqual([
      'clusters/shared.json:2:19: cluster_name "shared" is also used by clusters/other.json:2:19: cluster names must be unique (/cluster_name)',
      'jobs/b.json:2:11: job name "nightly etl" is also used by jobs/a.json:2:11: job names must be unique (they are compared case-insensitively) (/name)',
      'secret-scopes/app.json:1:12: scope "app" is also defined in secret-scopes/again.json:2:12: define each scope once (/scope)',
    ]);
  });

  test('existing_cluster_name must name a cluster of the repository or an external cluster', () => {
    const { report } = project(
      {
        'jobs/a.json': `{
  "name": "a",
  "tasks": [
    { "task_key": "one", "existing_cluster_name": "shraed", "notebook_task": { "notebook_path": "/Shared/app/a" } },
    { "task_key": "two", "existing_cluster_name": "legacy-cluster", "notebook_task": { "notebook_path": "/Shared/app/a" } },
    { "task_key": "three", "existing_cluster_name": "nowhere", "notebook_task": { "notebook_path": "/Shared/app/a" } }
  ]
}`,
        'jobs/legacy.json': `{
  "name": "legacy",
  "existing_cluster_name": "ghost",
  "notebook_task": { "notebook_path": "/Shared/app/a" }
}`,
      },
      'external_clusters: [legacy-cluster]\n',
    );
    expect(lines(report)).toEqual([
      'jobs/a.json:4:51: existing_cluster_name "shraed" is not a cluster of this repository: define it in a cluster file (cluster_name) or list it in external_clusters — did you mean "shared"? (/tasks/0/existing_cluster_name)',
      'jobs/a.json:6:53: existing_cluster_name "nowhere" is not a cluster of this repository: define it in a cluster file (cluster_name) or list it in external_clusters (/tasks/2/existing_cluster_name)',
      'jobs/legacy.json:3:28: existing_cluster_name "ghost" is not a cluster of this repository: define it in a cluster file (cluster_name) or list it in external_clusters (/existing_cluster_name)',
    ]);
  });

  test('notebook_path under a notebooks target must be a notebook of the repository', () => {
    const { report } = project({
      'notebooks/etl/ingest.py': NB,
      'notebooks/etl/plain.py': 'print("no header")\n',
      'notebooks/etl/run.sh': 'echo\n',
      'jobs/a.json': `{
  "name": "a",
  "git_source": { "git_url": "https://github.com/x/y", "git_provider": "gitHub", "git_branch": "main" },
  "tasks": [
    { "task_key": "ok", "existing_cluster_name": "shared", "notebook_task": { "notebook_path": "/Shared/app/etl/ingest", "source": "WORKSPACE" } },
    { "task_key": "ws", "existing_cluster_name": "shared", "notebook_task": { "notebook_path": "/Workspace/Shared/app/etl/ingest", "source": "WORKSPACE" } },
    { "task_key": "typo", "existing_cluster_name": "shared", "notebook_task": { "notebook_path": "/Shared/app/etl/ingset", "source": "WORKSPACE" } },
    { "task_key": "ext", "existing_cluster_name": "shared", "notebook_task": { "notebook_path": "/Shared/app/etl/ingest.py", "source": "WORKSPACE" } },
    { "task_key": "nohdr", "existing_cluster_name": "shared", "notebook_task": { "notebook_path": "/Shared/app/etl/plain", "source": "WORKSPACE" } },
    { "task_key": "git", "existing_cluster_name": "shared", "notebook_task": { "notebook_path": "/Shared/app/from/git" } },
    { "task_key": "elsewhere", "existing_cluster_name": "shared", "notebook_task": { "notebook_path": "/Users/me/nb", "source": "WORKSPACE" } },
    { "task_key": "py", "existing_cluster_name": "shared", "spark_python_task": { "python_file": "/Shared/app/etl/plain.py" } },
    { "task_key": "py2", "existing_cluster_name": "shared", "spark_python_task": { "python_file": "/Shared/app/etl/missing.py" } }
  ]
}`,
    });
    expect(lines(report)).toEqual([
      'jobs/a.json:7:98: notebook_path "/Shared/app/etl/ingset" is not a notebook of this repository (the notebooks target is /Shared/app) — did you mean "/Shared/app/etl/ingest"? (/tasks/2/notebook_task/notebook_path)',
      'jobs/a.json:8:97: notebook_path "/Shared/app/etl/ingest.py" is not a notebook of this repository (the notebooks target is /Shared/app) — did you mean "/Shared/app/etl/ingest"? (/tasks/3/notebook_task/notebook_path)',
      'jobs/a.json:9:99: notebook_path "/Shared/app/etl/plain" is not a notebook: notebooks/etl/plain.py has no "# Databricks notebook source" first line, so it deploys as the file /Shared/app/etl/plain.py; add the header (/tasks/4/notebook_task/notebook_path)',
      'jobs/a.json:13:99: python_file "/Shared/app/etl/missing.py" is not deployed by this repository (it is under the notebooks target /Shared/app) (/tasks/8/spark_python_task/python_file)',
    ]);
  });

  test('a literal existing_cluster_id is a warning: ids differ per workspace', () => {
    const { report } = project({
      'jobs/a.json': `{
  "name": "a",
  "tasks": [{ "task_key": "t", "existing_cluster_id": "0101-123456-abcdefgh", "notebook_task": { "notebook_path": "/Shared/app/a" } },
    { "task_key": "u", "existing_cluster_id": "\${var.env}", "notebook_task": { "notebook_path": "/Shared/app/a" } }]
}`,
    });
    expect(lines(report)).toEqual([
      'jobs/a.json:3:55: warning: existing_cluster_id "0101-123456-abcdefgh" names a cluster of one workspace; the other regions have other ids: use existing_cluster_name (or a ${var.X} per region) (/tasks/0/existing_cluster_id)',
    ]);
    expect(errors(report)).toEqual([]);
  });

  test('a Key Vault scope needs Entra ID auth in every real (non-loopback) region', () => {
    const dir = tree({
      'databricks-dr.yml': config().replace(
        '    auth: { type: azure-oidc, tenant_id: tenant, client_id: client }\n    variables: { env: west',
        '    auth: { type: pat }\n    variables: { env: west',
      ),
      'notebooks/a.py': NB,
      'secret-scopes/kv.json': `{
  "scope": "kv",
  "backend": "azure_keyvault",
  "keyvault": { "resource_id": "/subscriptions/s/resourceGroups/g/providers/Microsoft.KeyVault/vaults/v", "dns_name": "https://v.vault.azure.net/" }
}`,
    });
    const r = validateProject('databricks-dr.yml', { cwd: dir });
    expect(lines(r)).toEqual([
      'secret-scopes/kv.json:3:14: an azure_keyvault scope needs an Entra ID auth type (azure-*) in region secondary, which uses pat: Databricks creates Key Vault-backed scopes only with an Entra ID token [region secondary] (/backend)',
    ]);
  });
});

describe('notebooks', () => {
  test('each file maps to a workspace path; notebooks lose their extension, files keep it', () => {
    const { report } = project({
      'notebooks/etl/ingest.py': NB,
      'notebooks/etl/t.scala': '// Databricks notebook source\nval x = 1\n',
      'notebooks/etl/q.sql': '-- Databricks notebook source\nSELECT 1\n',
      'notebooks/etl/r.R': '# Databricks notebook source\nx <- 1\n',
      'notebooks/ml/explore.ipynb': JSON.stringify({
        cells: [],
        metadata: { 'application/vnd.databricks.v1+notebook': { language: 'sql' } },
        nbformat: 4,
        nbformat_minor: 0,
      }),
      'notebooks/etl/helper.py': 'def f():\n  pass\n',
      'notebooks/conf/settings.yml': 'a: 1\n',
      'notebooks/.hidden/x.py': NB,
      'notebooks/__pycache__/x.pyc': 'x',
    });
    expect(lines(report)).toEqual([]);
    const nb = report.project?.notebooks.map(
      (n) => `${n.relative} → ${n.workspacePath} ${n.objectType} ${n.language ?? '-'} ${n.format}`,
    );
    expect(nb).toEqual([
      'a.py → /Shared/app/a NOTEBOOK PYTHON SOURCE',
      'conf/settings.yml → /Shared/app/conf/settings.yml FILE - AUTO',
      'etl/helper.py → /Shared/app/etl/helper.py FILE - AUTO',
      'etl/ingest.py → /Shared/app/etl/ingest NOTEBOOK PYTHON SOURCE',
      'etl/q.sql → /Shared/app/etl/q NOTEBOOK SQL SOURCE',
      'etl/r.R → /Shared/app/etl/r NOTEBOOK R SOURCE',
      'etl/t.scala → /Shared/app/etl/t NOTEBOOK SCALA SOURCE',
      'ml/explore.ipynb → /Shared/app/ml/explore NOTEBOOK SQL JUPYTER',
    ]);
  });

  test('notebooks over 10 MB, a broken .ipynb, and two files deploying to one path are errors', () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 'a');
    big.write('# Databricks notebook source\n');
    const { report } = project({
      'notebooks/big.py': big,
      'notebooks/bad.ipynb': '{\n  "cells": [\n    {"cell_type": "code",,}\n  ]\n}',
      'notebooks/nocells.ipynb': '{ "metadata": {} }',
      'notebooks/etl/x.py': NB,
      'notebooks/etl/x.sql': '-- Databricks notebook source\nSELECT 1\n',
    });
    expect(lines(report)).toEqual([
      'notebooks/bad.ipynb:3:26: invalid JSON: expected a property name in double quotes (a .ipynb notebook is JSON) (/)',
      'notebooks/big.py:1:1: notebook is 10.0 MB; the Workspace API imports notebooks of at most 10 MB: split it or clear its outputs (/)',
      'notebooks/etl/x.sql:1:1: notebooks/etl/x.sql and notebooks/etl/x.py both deploy to /Shared/app/etl/x: rename one of them (/)',
      'notebooks/nocells.ipynb:1:1: not a Jupyter notebook: a .ipynb file needs a "cells" list (save it from Jupyter or Databricks) (/)',
    ]);
  });
});

describe('the report', () => {
  test('every error of every file in one run, sorted by file and line, paths relative to the current directory', () => {
    const { dir, report } = project({
      'jobs/b.json':
        '{\n  "name": "b",\n  "max_concurrent_runs": -1,\n  "tasks": [{ "task_key": "t", "existing_cluster_name": "shared", "notebook_task": { "notebook_path": "/Shared/app/a" } }]\n}',
      'jobs/a.json':
        '{\n  "name": "a",\n  "tasks": [{ "task_key": "t", "existing_cluster_name": "shared", "notebook_task": { "notebook_path": "/Shared/app/a" }, "timeout_seconds": -5 }],\n  "bogus": 1\n}',
      'clusters/broken.json': '{\n  "cluster_name": "x",\n  "spark_version": \n}',
    });
    expect(report.diagnostics.map(at)).toEqual([
      'clusters/broken.json:4:1',
      'jobs/a.json:3:141',
      'jobs/a.json:4:3',
      'jobs/b.json:3:26',
    ]);
    // Run from the parent folder: paths keep the folder.
    const parent = validateProject(`${dir.split('/').pop()}/databricks-dr.yml`, { cwd: `${dir}/..` });
    expect(parent.diagnostics[0].file).toBe(`${dir.split('/').pop()}/clusters/broken.json`);
    // Run from elsewhere: paths relative to the config's folder.
    const elsewhere = validateProject(`${dir}/databricks-dr.yml`, { cwd: '/proc' });
    expect(elsewhere.diagnostics[0].file).toBe('clusters/broken.json');
    expect(report.files).toBe(1 + 5 + 1);
    expect(report.project?.jobs.map((j) => j.name)).toEqual(['a', 'b']);
  });

  test('the project lists definitions per region without $schema, and only files that parsed', () => {
    const { report } = project({
      'jobs/a.json':
        '{ "$schema": "../schemas/job.schema.json", "name": "a", "tasks": [{ "task_key": "t", "existing_cluster_name": "shared", "notebook_task": { "notebook_path": "/Shared/app/a" } }] }',
    });
    expect(lines(report)).toEqual([]);
    const a = report.project?.jobs[0];
    expect(a?.file.endsWith('/jobs/a.json')).toBe(true);
    expect(a?.path).toBe('jobs/a.json');
    expect(Object.keys(a?.byRegion ?? {})).toEqual(['primary', 'secondary']);
    expect(a?.byRegion.primary.$schema).toBeUndefined();
    expect(report.project?.scopes.map((s) => s.name)).toEqual(['app']);
    expect(report.project?.clusters.map((s) => s.name)).toEqual(['shared']);
  });

  test('a broken config still gets its definition files checked (references unchecked)', () => {
    const dir = tree({
      'databricks-dr.yml': config().replace('role: passive', 'role: standby'),
      'notebooks/a.py': NB,
      'jobs/a.json':
        '{\n  "name": "${var.env}",\n  "max_concurrent_runs": 2000,\n  "tasks": [{ "task_key": "t", "existing_cluster_name": "nope", "notebook_task": { "notebook_path": "/x" } }]\n}',
    });
    const r = validateProject('databricks-dr.yml', { cwd: dir });
    expect(lines(r)).toEqual([
      'databricks-dr.yml:11:11: role must be "active" or "passive", got "standby" (/regions/secondary/role)',
      'jobs/a.json:3:26: max_concurrent_runs must be at most 1000, got 2000 (/max_concurrent_runs)',
    ]);
    expect(r.project).toBeUndefined();
  });
});
