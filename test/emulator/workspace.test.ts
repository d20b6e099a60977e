import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatedWorkspace, type Emulator, startEmulator } from '../../src/emulator/index.js';
import { b64, call, get, post, unb64 } from './helpers.js';

let emulator: Emulator;
let ws: EmulatedWorkspace;

beforeAll(async () => {
  emulator = await startEmulator({ workspaces: [{ name: 'primary' }], rateLimits: 'off' });
  ws = emulator.workspace('primary');
});
afterAll(() => emulator.stop());

const PY_NOTEBOOK = '# Databricks notebook source\nprint(1)\n\n# COMMAND ----------\n\nprint(2)\n';
const status = (path: string) => get(ws, `/api/2.0/workspace/get-status?path=${encodeURIComponent(path)}`);
const importJson = (body: Record<string, unknown>) => post(ws, '/api/2.0/workspace/import', body);
const exportObj = (path: string, format = 'SOURCE') =>
  get(ws, `/api/2.0/workspace/export?path=${encodeURIComponent(path)}&format=${format}`);

describe('mkdirs, get-status, list', () => {
  it('has /, /Users/<me> and /Shared from the start', async () => {
    const root = await get(ws, '/api/2.0/workspace/list?path=/');
    const paths = root.body.objects.map((o: { path: string }) => o.path);
    expect(paths).toEqual(expect.arrayContaining(['/Shared', '/Users']));
    expect((await status('/Users/emulator@example.com')).body.object_type).toBe('DIRECTORY');
  });

  it('creates parents, is a no-op on an existing folder, refuses a non-folder on the path', async () => {
    expect((await post(ws, '/api/2.0/workspace/mkdirs', { path: '/Shared/a/b/c' })).status).toBe(200);
    expect((await post(ws, '/api/2.0/workspace/mkdirs', { path: '/Shared/a/b' })).status).toBe(200);
    const info = (await status('/Shared/a/b')).body;
    expect(info).toMatchObject({ object_type: 'DIRECTORY', path: '/Shared/a/b' });
    expect(Number.isSafeInteger(info.object_id)).toBe(true);
    await importJson({ path: '/Shared/a/file.txt', format: 'RAW', content: b64('x') });
    const clash = await post(ws, '/api/2.0/workspace/mkdirs', { path: '/Shared/a/file.txt/sub' });
    expect(clash.status).toBe(400);
    expect(clash.body.error_code).toBe('RESOURCE_ALREADY_EXISTS');
    expect(clash.body.message).toContain('already exists');
  });

  it('answers a missing path with 404 RESOURCE_DOES_NOT_EXIST', async () => {
    const r = await status('/Shared/missing');
    expect(r.status).toBe(404);
    expect(r.body).toEqual({
      error_code: 'RESOURCE_DOES_NOT_EXIST',
      message: "Path (/Shared/missing) doesn't exist.",
    });
    expect((await get(ws, '/api/2.0/workspace/list?path=/Shared/missing')).status).toBe(404);
    expect((await get(ws, '/api/2.0/workspace/get-status')).body.message).toContain('path');
  });

  it('lists direct children, omits objects when empty, lists a notebook as itself', async () => {
    await post(ws, '/api/2.0/workspace/mkdirs', { path: '/Shared/list/empty' });
    await importJson({
      path: '/Shared/list/nb',
      format: 'SOURCE',
      language: 'PYTHON',
      content: b64('print(1)'),
    });
    await post(ws, '/api/2.0/workspace/mkdirs', { path: '/Shared/list/empty/deeper' });
    const r = await get(ws, '/api/2.0/workspace/list?path=/Shared/list');
    expect(r.body.objects.map((o: { path: string }) => o.path)).toEqual([
      '/Shared/list/empty',
      '/Shared/list/nb',
    ]);
    const nb = r.body.objects[1];
    expect(nb).toMatchObject({ object_type: 'NOTEBOOK', language: 'PYTHON', path: '/Shared/list/nb' });
    expect(nb.modified_at).toBeGreaterThan(0);
    expect(nb.object_id).toBeGreaterThan(0);
    expect((await get(ws, '/api/2.0/workspace/list?path=/Shared/list/empty/deeper')).body).toEqual({});
    const single = await get(ws, '/api/2.0/workspace/list?path=/Shared/list/nb');
    expect(single.body.objects).toHaveLength(1);
  });

  it('filters notebooks with notebooks_modified_after', async () => {
    await post(ws, '/api/2.0/workspace/mkdirs', { path: '/Shared/mod' });
    await importJson({ path: '/Shared/mod/old', format: 'SOURCE', language: 'PYTHON', content: b64('1') });
    const old = (await status('/Shared/mod/old')).body.modified_at;
    await new Promise((r) => setTimeout(r, 5));
    await importJson({ path: '/Shared/mod/new', format: 'SOURCE', language: 'PYTHON', content: b64('2') });
    const r = await get(ws, `/api/2.0/workspace/list?path=/Shared/mod&notebooks_modified_after=${old}`);
    expect(r.body.objects.map((o: { path: string }) => o.path)).toEqual(['/Shared/mod/new']);
  });

  it('accepts the optional /Workspace prefix', async () => {
    await post(ws, '/api/2.0/workspace/mkdirs', { path: '/Workspace/Shared/prefixed' });
    const r = await status('/Workspace/Shared/prefixed');
    expect(r.body.path).toBe('/Shared/prefixed');
  });

  it('refuses relative paths', async () => {
    const r = await post(ws, '/api/2.0/workspace/mkdirs', { path: 'Shared/x' });
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe('INVALID_PARAMETER_VALUE');
  });
});

describe('import', () => {
  it('imports SOURCE (language required) and exports it with the header', async () => {
    const missingLanguage = await importJson({
      path: '/Shared/s1',
      format: 'SOURCE',
      content: b64('print(1)'),
    });
    expect(missingLanguage.status).toBe(400);
    expect(missingLanguage.body.message).toContain('language');
    expect(
      (
        await importJson({
          path: '/Shared/s1',
          format: 'SOURCE',
          language: 'PYTHON',
          content: b64('print(1)'),
        })
      ).status,
    ).toBe(200);
    const exp = await exportObj('/Shared/s1');
    expect(exp.body.file_type).toBe('py');
    expect(unb64(exp.body.content)).toBe('# Databricks notebook source\nprint(1)');
  });

  it('AUTO: a .py with the header becomes a notebook without extension; without it, a FILE', async () => {
    await importJson({ path: '/Shared/auto.py', format: 'AUTO', content: b64(PY_NOTEBOOK) });
    expect((await status('/Shared/auto')).body).toMatchObject({
      object_type: 'NOTEBOOK',
      language: 'PYTHON',
    });
    expect((await status('/Shared/auto.py')).status).toBe(404);
    await importJson({ path: '/Shared/plain.py', format: 'AUTO', content: b64('print(1)\n') });
    const file = (await status('/Shared/plain.py')).body;
    expect(file.object_type).toBe('FILE');
    expect(file.language).toBeUndefined();
    expect(file.size).toBeUndefined();
  });

  it('AUTO detects Scala, SQL, R headers and .ipynb notebooks', async () => {
    await post(ws, '/api/2.0/workspace/mkdirs', { path: '/Shared/lang' });
    await importJson({
      path: '/Shared/lang/a.scala',
      format: 'AUTO',
      content: b64('// Databricks notebook source\nval x = 1'),
    });
    await importJson({
      path: '/Shared/lang/b.sql',
      format: 'AUTO',
      content: b64('-- Databricks notebook source\nselect 1'),
    });
    await importJson({
      path: '/Shared/lang/c.R',
      format: 'AUTO',
      content: b64('# Databricks notebook source\nx <- 1'),
    });
    const ipynb = JSON.stringify({
      cells: [{ cell_type: 'code', source: ['print(1)'], metadata: {}, outputs: [], execution_count: null }],
      metadata: { 'application/vnd.databricks.v1+notebook': { language: 'sql' } },
      nbformat: 4,
      nbformat_minor: 0,
    });
    await importJson({ path: '/Shared/lang/d.ipynb', format: 'AUTO', content: b64(ipynb) });
    expect((await status('/Shared/lang/a')).body.language).toBe('SCALA');
    expect((await status('/Shared/lang/b')).body.language).toBe('SQL');
    expect((await status('/Shared/lang/c')).body.language).toBe('R');
    expect((await status('/Shared/lang/d')).body).toMatchObject({ object_type: 'NOTEBOOK', language: 'SQL' });
    expect(JSON.parse(unb64((await exportObj('/Shared/lang/d', 'AUTO')).body.content)).cells).toHaveLength(1);
  });

  it('JUPYTER imports and SOURCE/JUPYTER exports convert between forms', async () => {
    await importJson({
      path: '/Shared/src',
      format: 'SOURCE',
      language: 'PYTHON',
      content: b64(PY_NOTEBOOK),
    });
    const asIpynb = JSON.parse(unb64((await exportObj('/Shared/src', 'JUPYTER')).body.content));
    expect(asIpynb.cells.map((c: { source: string[] }) => c.source.join(''))).toEqual([
      'print(1)',
      'print(2)\n',
    ]);
    await importJson({ path: '/Shared/jup', format: 'JUPYTER', content: b64(JSON.stringify(asIpynb)) });
    const back = unb64((await exportObj('/Shared/jup', 'SOURCE')).body.content);
    expect(back).toContain('# Databricks notebook source');
    expect(back).toContain('# COMMAND ----------');
    const bad = await importJson({ path: '/Shared/jup2', format: 'JUPYTER', content: b64('not json') });
    expect(bad.status).toBe(400);
  });

  it('RAW imports a FILE as is; export returns its bytes, direct_download the raw body', async () => {
    await importJson({ path: '/Shared/data.json', format: 'RAW', content: b64('{"a":1}') });
    const exp = await exportObj('/Shared/data.json');
    expect(unb64(exp.body.content)).toBe('{"a":1}');
    expect(exp.body.file_type).toBe('json');
    const raw = await get(ws, '/api/2.0/workspace/export?path=/Shared/data.json&direct_download=true');
    expect(raw.text).toBe('{"a":1}');
    expect(raw.headers.get('content-type')).toBe('application/octet-stream');
  });

  it('refuses RAW for notebooks (the other export formats: export-formats.test.ts)', async () => {
    await importJson({ path: '/Shared/exp-nb', format: 'SOURCE', language: 'SQL', content: b64('select 1') });
    expect((await exportObj('/Shared/exp-nb', 'RAW')).status).toBe(400);
    const sql = await exportObj('/Shared/exp-nb');
    expect(sql.body.file_type).toBe('sql');
    expect(unb64(sql.body.content)).toBe('-- Databricks notebook source\nselect 1');
  });

  it('needs the parent folder', async () => {
    const r = await importJson({
      path: '/Shared/nowhere/nb',
      format: 'SOURCE',
      language: 'PYTHON',
      content: b64('1'),
    });
    expect(r.status).toBe(404);
    expect(r.body).toEqual({
      error_code: 'RESOURCE_DOES_NOT_EXIST',
      message: "Path (/Shared/nowhere) doesn't exist.",
    });
  });

  it('refuses an existing path without overwrite; overwrite keeps object_id and bumps modified_at', async () => {
    const nb = { path: '/Shared/ow', format: 'SOURCE', language: 'PYTHON', content: b64('1') };
    await importJson(nb);
    const before = (await status('/Shared/ow')).body;
    const again = await importJson(nb);
    expect(again.status).toBe(400);
    expect(again.body.error_code).toBe('RESOURCE_ALREADY_EXISTS');
    expect(again.body.message).toContain('already exists');
    expect((await importJson({ ...nb, content: b64('2'), overwrite: true })).status).toBe(200);
    const after = (await status('/Shared/ow')).body;
    expect(after.object_id).toBe(before.object_id);
    expect(after.modified_at).toBeGreaterThan(before.modified_at);
    expect(unb64((await exportObj('/Shared/ow')).body.content)).toContain('2');
    // Overwriting a notebook with a file (type change) is refused.
    const change = await importJson({
      path: '/Shared/ow',
      format: 'RAW',
      content: b64('x'),
      overwrite: true,
    });
    expect(change.body.error_code).toBe('RESOURCE_ALREADY_EXISTS');
    // A folder is never overwritten.
    const dir = await importJson({ path: '/Shared', format: 'RAW', content: b64('x'), overwrite: true });
    expect(dir.body.error_code).toBe('RESOURCE_ALREADY_EXISTS');
  });

  it('refuses content over 10 MB with MAX_NOTEBOOK_SIZE_EXCEEDED', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 'a').toString('base64');
    const r = await importJson({ path: '/Shared/big', format: 'RAW', content: big });
    expect(r.status).toBe(400);
    expect(r.body.error_code).toBe('MAX_NOTEBOOK_SIZE_EXCEEDED');
  });

  it('refuses unknown formats and languages', async () => {
    expect((await importJson({ path: '/Shared/f', format: 'PDF', content: '' })).status).toBe(400);
    expect((await importJson({ path: '/Shared/f', format: 'SOURCE', language: 'COBOL' })).status).toBe(400);
  });

  it('accepts multipart/form-data imports', async () => {
    const form = new FormData();
    form.set('path', '/Shared/multi.py');
    form.set('format', 'AUTO');
    form.set('overwrite', 'true');
    form.set('content', new Blob([PY_NOTEBOOK]), 'multi.py');
    const res = await fetch(`${ws.url}/api/2.0/workspace/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ws.token}` },
      body: form,
    });
    expect(res.status).toBe(200);
    expect((await status('/Shared/multi')).body).toMatchObject({
      object_type: 'NOTEBOOK',
      language: 'PYTHON',
    });
    expect(unb64((await exportObj('/Shared/multi')).body.content)).toBe(PY_NOTEBOOK);
  });
});

describe('workspace-files import-file', () => {
  const importFile = (path: string, body: string, overwrite?: boolean) =>
    call(
      ws,
      'POST',
      `/api/2.0/workspace-files/import-file/${path}${overwrite === undefined ? '' : `?overwrite=${overwrite}`}`,
      undefined,
      {
        raw: body,
      },
    );

  it('writes a FILE from the raw body; an existing FILE is 409 unless overwrite', async () => {
    expect((await importFile('Shared/wf.txt', 'hello')).status).toBe(200);
    expect((await status('/Shared/wf.txt')).body.object_type).toBe('FILE');
    const again = await importFile('Shared/wf.txt', 'again', false);
    expect(again.status).toBe(409);
    expect(again.body.error_code).toBe('RESOURCE_ALREADY_EXISTS');
    expect((await importFile('Shared/wf.txt', 'again', true)).status).toBe(200);
    expect(unb64((await exportObj('/Shared/wf.txt')).body.content)).toBe('again');
    // URL-encoded paths (the CLI escapes the path) and the /Workspace prefix work too.
    expect((await importFile(encodeURIComponent('Workspace/Shared/enc.txt'), 'e')).status).toBe(200);
    expect((await status('/Shared/enc.txt')).status).toBe(200);
  });

  it('answers an existing notebook with 400 and a missing parent with 404', async () => {
    await importJson({ path: '/Shared/wfnb', format: 'SOURCE', language: 'PYTHON', content: b64('1') });
    const nb = await importFile('Shared/wfnb', 'x', true);
    expect(nb.status).toBe(400);
    expect(nb.body.message).toContain('already exists');
    expect((await importFile('Shared/none/x.txt', 'x')).status).toBe(404);
  });
});

describe('delete', () => {
  it('deletes a file, refuses a non-empty folder without recursive, deletes it with recursive', async () => {
    await post(ws, '/api/2.0/workspace/mkdirs', { path: '/Shared/del/sub' });
    await importJson({ path: '/Shared/del/sub/nb', format: 'SOURCE', language: 'PYTHON', content: b64('1') });
    const refused = await post(ws, '/api/2.0/workspace/delete', { path: '/Shared/del' });
    expect(refused.status).toBe(400);
    expect(refused.body.error_code).toBe('DIRECTORY_NOT_EMPTY');
    expect((await post(ws, '/api/2.0/workspace/delete', { path: '/Shared/del/sub/nb' })).status).toBe(200);
    expect((await post(ws, '/api/2.0/workspace/delete', { path: '/Shared/del/sub' })).status).toBe(200);
    await post(ws, '/api/2.0/workspace/mkdirs', { path: '/Shared/del/x/y' });
    expect(
      (await post(ws, '/api/2.0/workspace/delete', { path: '/Shared/del', recursive: true })).status,
    ).toBe(200);
    expect((await status('/Shared/del/x/y')).status).toBe(404);
    const missing = await post(ws, '/api/2.0/workspace/delete', { path: '/Shared/del' });
    expect(missing.status).toBe(404);
    expect(missing.body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
  });
});
