/**
 * Directory imports of new notebook folders, over real HTTP against the emulator: one request per
 * folder instead of one per notebook, the per-file fallback when an archive lands incomplete,
 * the per-file path for folders that exist, and the 10 MB content limit.
 */
import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EmulatedWorkspace } from '../../src/emulator/index.js';
import { runCli } from '../helpers/cli.js';
import { deployProject, type TwoRegions, twoRegions, writesBesideLocks } from '../helpers/project.js';

let setup: TwoRegions | undefined;
afterEach(async () => {
  await setup?.emulator.stop();
  setup = undefined;
});

const IMPORT = '/api/2.0/workspace/import';
const imports = (ws: EmulatedWorkspace) =>
  ws
    .requests()
    .filter((r) => r.path === IMPORT && r.status === 200 && r.object?.startsWith('/Shared/sales/'));
const isManifest = (p: string | undefined) => p?.endsWith('/.databricks-dr-manifest.json') === true;

/** 4 more folders of 10 notebooks (Python, SQL, a subfolder, a workspace file) under the example's notebooks. */
function addFolders(dir: string): string[] {
  const added: string[] = [];
  for (let f = 0; f < 4; f++) {
    const folder = path.join(dir, 'notebooks', `team${f}`);
    mkdirSync(path.join(folder, 'sub'), { recursive: true });
    for (let n = 0; n < 8; n++) {
      writeFileSync(path.join(folder, `nb${n}.py`), `# Databricks notebook source\nprint(${f * 100 + n})\n`);
      added.push(`/Shared/sales/team${f}/nb${n}`);
    }
    writeFileSync(path.join(folder, 'sub', 'query.sql'), '-- Databricks notebook source\nSELECT 1\n');
    writeFileSync(path.join(folder, 'sub', 'helper.py'), 'def helper():\n    return 1\n');
    added.push(`/Shared/sales/team${f}/sub/query`, `/Shared/sales/team${f}/sub/helper.py`);
  }
  return added;
}

function expectLanded(ws: EmulatedWorkspace) {
  const objects = ws.state().objects;
  expect(objects['/Shared/sales/etl/ingest_orders']).toMatchObject({
    object_type: 'NOTEBOOK',
    language: 'PYTHON',
  });
  expect(objects['/Shared/sales/etl/transform_sales']).toMatchObject({
    object_type: 'NOTEBOOK',
    language: 'SCALA',
  });
  expect(objects['/Shared/sales/ml/explore_customers']).toMatchObject({ object_type: 'NOTEBOOK' });
  expect(objects['/Shared/sales/ml/forecast_demand']).toMatchObject({
    object_type: 'NOTEBOOK',
    language: 'R',
  });
  expect(objects['/Shared/sales/init/install-odbc.sh']).toMatchObject({ object_type: 'FILE' });
  for (let f = 0; f < 4; f++) {
    expect(objects[`/Shared/sales/team${f}/nb7`]).toMatchObject({
      object_type: 'NOTEBOOK',
      language: 'PYTHON',
    });
    expect(objects[`/Shared/sales/team${f}/sub/query`]).toMatchObject({
      object_type: 'NOTEBOOK',
      language: 'SQL',
    });
    expect(objects[`/Shared/sales/team${f}/sub/helper.py`]).toMatchObject({ object_type: 'FILE' });
  }
}

const NOTEBOOKS_ONLY = { only: ['notebooks'] };

describe('archive imports of new notebook folders', () => {
  it('deploys an empty workspace with one import per folder, and a redeploy writes nothing', async () => {
    setup = await twoRegions();
    const added = addFolders(setup.dir);
    const result = await deployProject(setup, NOTEBOOKS_ONLY);
    expect(result.regions.primary.status, JSON.stringify(result.regions.primary.errors)).toBe('ok');
    expect(result.regions.secondary.status, JSON.stringify(result.regions.secondary.errors)).toBe('ok');
    const [primary, secondary] = setup.emulator.workspaces;
    for (const ws of [primary, secondary]) {
      expectLanded(ws);
      const content = imports(ws).filter((r) => !isManifest(r.object));
      // 9 folders (etl, init, ml, ops, reporting, team0..3): one archive each, for 49 files (the example pipeline's notebook included).
      expect(content.map((r) => r.object).sort()).toEqual(
        ['etl', 'init', 'ml', 'ops', 'reporting', 'team0', 'team1', 'team2', 'team3'].map(
          (f) => `/Shared/sales/${f}`,
        ),
      );
      expect(imports(ws).filter((r) => isManifest(r.object))).toHaveLength(2);
    }
    // Every file is reported created, and the manifest records each one.
    const created = result.regions.primary.changes.filter(
      (c) => c.kind === 'notebook' && c.action === 'create',
    );
    expect(created).toHaveLength(49);
    expect(created.every((c) => c.status === 'applied')).toBe(true);
    expect(created.map((c) => c.name)).toEqual(expect.arrayContaining(added));
    expect(result.regions.primary.warnings).toEqual([]);

    for (const ws of setup.emulator.workspaces) ws.clearRequests();
    const again = await deployProject(setup, NOTEBOOKS_ONLY);
    expect(again.regions.primary.changes).toEqual([]);
    expect(again.regions.primary.unchanged.notebook).toBe(49);
    for (const ws of setup.emulator.workspaces) expect(writesBesideLocks(ws)).toEqual([]);
  });

  it('uploads one by one what an archive left out, and the next deploy writes nothing', async () => {
    setup = await twoRegions();
    addFolders(setup.dir);
    const [primary] = setup.emulator.workspaces;
    primary.setFaults({ rules: [{ fault: 'archive-drop', method: 'POST', path: IMPORT }] });
    const result = await deployProject(setup, NOTEBOOKS_ONLY);
    expect(result.regions.primary.status, JSON.stringify(result.regions.primary.errors)).toBe('ok');
    expectLanded(primary);
    // Every second file of each archive was dropped: 9 archives, then those files one by one.
    const single = imports(primary).filter(
      (r) => !isManifest(r.object) && (r.object?.split('/').length ?? 0) > 4,
    );
    expect(single.length).toBeGreaterThanOrEqual(20);
    expect(single.length).toBeLessThan(48);
    expect(result.regions.primary.warnings.join('\n')).toMatch(/were uploaded one by one/);
    expect(result.regions.secondary.warnings).toEqual([]);

    primary.setFaults(undefined);
    for (const ws of setup.emulator.workspaces) ws.clearRequests();
    const again = await deployProject(setup, NOTEBOOKS_ONLY);
    expect(again.regions.primary.changes).toEqual([]);
    expect(writesBesideLocks(primary)).toEqual([]);
  });

  it('uploads file by file with --no-archive, and into folders that exist', async () => {
    setup = await twoRegions();
    addFolders(setup.dir);
    const [primary, secondary] = setup.emulator.workspaces;
    // team0 exists already in the secondary (empty): its files go one by one there.
    const res = await fetch(`${secondary.url}/api/2.0/workspace/mkdirs`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${secondary.token}` },
      body: JSON.stringify({ path: '/Shared/sales/team0' }),
    });
    expect(res.status).toBe(200);
    secondary.clearRequests();
    const result = await deployProject(setup, { ...NOTEBOOKS_ONLY, regions: ['primary'], archive: false });
    expect(result.regions.primary.status, JSON.stringify(result.regions.primary.errors)).toBe('ok');
    expectLanded(primary);
    expect(imports(primary).filter((r) => !isManifest(r.object))).toHaveLength(49);

    const second = await deployProject(setup, { ...NOTEBOOKS_ONLY, regions: ['secondary'] });
    expect(second.regions.secondary.status, JSON.stringify(second.regions.secondary.errors)).toBe('ok');
    expectLanded(secondary);
    const content = imports(secondary)
      .filter((r) => !isManifest(r.object))
      .map((r) => r.object!);
    // team0 existed: its 8 notebooks go one by one; its new subfolder and the other new folders are archives.
    const archives = ['etl', 'init', 'ml', 'ops', 'reporting', 'team0/sub', 'team1', 'team2', 'team3'];
    expect(content.filter((p) => /^\/Shared\/sales\/team0\/nb\d$/.test(p))).toHaveLength(8);
    expect(content.filter((p) => !/^\/Shared\/sales\/team0\/nb\d$/.test(p)).sort()).toEqual(
      archives.map((f) => `/Shared/sales/${f}`),
    );
  });

  it('splits a folder larger than an archive by subfolder, each import below 10 MB', async () => {
    setup = await twoRegions();
    // 4 subfolders of ~3.2 MB of hardly compressible source: 12+ MB packed, over one archive.
    const big = path.join(setup.dir, 'notebooks', 'big');
    for (let s = 0; s < 4; s++) {
      mkdirSync(path.join(big, `part${s}`), { recursive: true });
      for (let n = 0; n < 2; n++) {
        const text = randomBytes(1_600_000).toString('base64');
        writeFileSync(
          path.join(big, `part${s}`, `nb${n}.py`),
          `# Databricks notebook source\nx = "${text}"\n`,
        );
      }
    }
    const result = await deployProject(setup, { ...NOTEBOOKS_ONLY, regions: ['primary'] });
    expect(result.regions.primary.status, JSON.stringify(result.regions.primary.errors)).toBe('ok');
    expect(result.regions.primary.warnings).toEqual([]);
    const [primary] = setup.emulator.workspaces;
    const bigImports = imports(primary).filter((r) => r.object?.startsWith('/Shared/sales/big'));
    // big with the subfolders that fit, then each subfolder left over as an archive of its own.
    expect(bigImports[0].object).toBe('/Shared/sales/big');
    expect(bigImports.length).toBeGreaterThanOrEqual(2);
    expect(
      bigImports.every(
        (r) => r.object === '/Shared/sales/big' || /^\/Shared\/sales\/big\/part\d$/.test(r.object!),
      ),
    ).toBe(true);
    for (let s = 0; s < 4; s++)
      for (let n = 0; n < 2; n++)
        expect(primary.state().objects[`/Shared/sales/big/part${s}/nb${n}`]).toMatchObject({
          object_type: 'NOTEBOOK',
        });
  });

  it('goes file by file with the CLI flag --no-archive, and with deploy.archive: false in the config', async () => {
    setup = await twoRegions();
    addFolders(setup.dir);
    const [primary, secondary] = setup.emulator.workspaces;
    const flag = await runCli(
      ['deploy', '--only', 'notebooks', '--region', 'primary', '--no-archive', '--json'],
      {
        env: setup.env,
        cwd: setup.dir,
      },
    );
    expect(flag.code, flag.stderr).toBe(0);
    expect(imports(primary).filter((r) => !isManifest(r.object))).toHaveLength(49);

    appendFileSync(setup.configFile, '\ndeploy: { archive: false }\n');
    const keyed = await runCli(['deploy', '--only', 'notebooks', '--region', 'secondary', '--json'], {
      env: setup.env,
      cwd: setup.dir,
    });
    expect(keyed.code, keyed.stderr).toBe(0);
    expect(imports(secondary).filter((r) => !isManifest(r.object))).toHaveLength(49);
  });
});
