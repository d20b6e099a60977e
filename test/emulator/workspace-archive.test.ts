/** Directory import (workspace-archive.ts) over HTTP: a ZIP of sources as one new folder. */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { buildZip, packEntry } from '../../src/core/assets/notebooks/zip.js';
import { type Emulator, startEmulator } from '../../src/emulator/index.js';

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

async function importZip(entries: Array<[string, string | Buffer]>, path = '/Shared/team') {
  const ws = emulator!.workspaces[0];
  const zip = buildZip(entries.map(([name, data]) => packEntry({ name, data: Buffer.from(data) })));
  const res = await fetch(`${ws.url}/api/2.0/workspace/import`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ws.token}` },
    body: JSON.stringify({ path, format: 'SOURCE', content: zip.toString('base64') }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('directory import', () => {
  it('creates the folder: notebooks by header, .ipynb as notebooks, other entries as files', async () => {
    emulator = await startEmulator({ workspaces: [{ name: 'w' }], rateLimits: 'off' });
    const ipynb = JSON.stringify({ cells: [], metadata: {}, nbformat: 4, nbformat_minor: 5 });
    const answer = await importZip([
      ['team/a.py', '# Databricks notebook source\nprint(1)\n'],
      ['team/sub/q.sql', '-- Databricks notebook source\nSELECT 1\n'],
      ['team/sub/nb.ipynb', ipynb],
      ['team/lib.py', 'x = 1\n'],
    ]);
    expect(answer).toEqual({ status: 200, body: {} });
    const objects = emulator.workspaces[0].state().objects;
    expect(objects['/Shared/team']).toMatchObject({ object_type: 'DIRECTORY' });
    expect(objects['/Shared/team/a']).toMatchObject({ object_type: 'NOTEBOOK', language: 'PYTHON' });
    expect(objects['/Shared/team/sub/q']).toMatchObject({ object_type: 'NOTEBOOK', language: 'SQL' });
    expect(objects['/Shared/team/sub/nb']).toMatchObject({ object_type: 'NOTEBOOK', language: 'PYTHON' });
    expect(objects['/Shared/team/lib.py']).toMatchObject({ object_type: 'FILE' });
    // The path exists now: a second import is refused, and nothing changes.
    const again = await importZip([['team/b.py', '# Databricks notebook source\n']]);
    expect(again.status).toBe(400);
    expect(again.body.error_code).toBe('RESOURCE_ALREADY_EXISTS');
    expect(objects['/Shared/team/b']).toBeUndefined();
  });

  it('refuses content over 10 MB with MAX_NOTEBOOK_SIZE_EXCEEDED, and a zip inside the archive', async () => {
    emulator = await startEmulator({ workspaces: [{ name: 'w' }], rateLimits: 'off' });
    const big = await importZip([['team/x.py', randomBytes(10_600_000)]]);
    expect(big.status).toBe(400);
    expect(big.body.error_code).toBe('MAX_NOTEBOOK_SIZE_EXCEEDED');
    const nested = await importZip([['team/inner.zip', 'PK']]);
    expect(nested.status).toBe(400);
    expect(nested.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    expect(emulator.workspaces[0].state().objects['/Shared/team']).toBeUndefined();
  });
});
