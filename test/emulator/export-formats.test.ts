/**
 * workspace/export in every format, checked by reading what comes back: archives are unzipped
 * with the system's unzip where the test needs their entries, notebooks parsed as JSON.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatedWorkspace, type Emulator, startEmulator } from '../../src/emulator/index.js';
import { b64, call, get, post, unb64 } from './helpers.js';

let emulator: Emulator;
let ws: EmulatedWorkspace;

const PY = '# Databricks notebook source\n# MAGIC %md\n# MAGIC # Title\n\n# COMMAND ----------\n\nprint(1)\n';
const R = '# Databricks notebook source\n# MAGIC %md\n# MAGIC Notes\n\n# COMMAND ----------\n\nx <- 1\n';

beforeAll(async () => {
  emulator = await startEmulator({ workspaces: [{ name: 'primary' }], rateLimits: 'off' });
  ws = emulator.workspace('primary');
  await post(ws, '/api/2.0/workspace/mkdirs', { path: '/Shared/proj/sub' });
  const imp = (p: string, body: Record<string, unknown>) =>
    post(ws, '/api/2.0/workspace/import', { path: p, ...body });
  await imp('/Shared/proj/py', { format: 'SOURCE', language: 'PYTHON', content: b64(PY) });
  await imp('/Shared/proj/sub/r', { format: 'SOURCE', language: 'R', content: b64(R) });
  await imp('/Shared/proj/data.csv', { format: 'RAW', content: b64('a,b\n1,2\n') });
});
afterAll(() => emulator.stop());

const exportObj = (p: string, format?: string, direct = false) =>
  get(
    ws,
    `/api/2.0/workspace/export?path=${encodeURIComponent(p)}${format ? `&format=${format}` : ''}${direct ? '&direct_download=true' : ''}`,
  );

/** Entries of a ZIP archive, read from its central directory (name → inflated bytes). */
function unzip(archive: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const size = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const data = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    entries.set(name, inflateRawSync(archive.subarray(data, data + size)));
    at += 46 + nameLength + archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
  }
  return entries;
}

function expectRefused(
  r: { status: number; body: { error_code: string; message: string } },
  message: RegExp,
) {
  expect(r.status).toBe(400);
  expect(r.body.error_code).toBe('INVALID_PARAMETER_VALUE');
  expect(r.body.message).toMatch(message);
}

describe('exporting a notebook', () => {
  it('SOURCE is the default; AUTO gives SOURCE for a notebook imported as SOURCE', async () => {
    for (const format of [undefined, 'SOURCE', 'AUTO']) {
      const r = await exportObj('/Shared/proj/py', format);
      expect(r.body.file_type).toBe('py');
      expect(unb64(r.body.content)).toBe(PY);
    }
  });

  it('HTML is a page carrying the commands', async () => {
    const r = await exportObj('/Shared/proj/py', 'HTML');
    expect(r.body.file_type).toBe('html');
    const html = unb64(r.body.content);
    expect(html).toMatch(/^<!DOCTYPE html>\n<html>/);
    expect(html).toContain('<title>py - Databricks</title>');
    expect(html).toContain('<pre>print(1)</pre>');
    const model = /__DATABRICKS_NOTEBOOK_MODEL = '([^']+)'/.exec(html)?.[1] ?? '';
    const parsed = JSON.parse(decodeURIComponent(unb64(model)));
    expect(parsed.commands.map((c: { command: string }) => c.command)).toEqual(['%md\n# Title', 'print(1)']);
  });

  it('JUPYTER is an ipynb with one cell per command', async () => {
    const r = await exportObj('/Shared/proj/py', 'JUPYTER');
    expect(r.body.file_type).toBe('ipynb');
    const nb = JSON.parse(unb64(r.body.content));
    expect(nb.cells.map((c: { cell_type: string }) => c.cell_type)).toEqual(['markdown', 'code']);
  });

  it('DBC is an archive with the notebook as JSON, readable by unzip', async () => {
    const r = await exportObj('/Shared/proj/py', 'DBC');
    expect(r.body.file_type).toBe('dbc');
    const archive = Buffer.from(r.body.content, 'base64');
    const entries = unzip(archive);
    expect([...entries.keys()]).toEqual(['py.python']);
    const nb = JSON.parse(entries.get('py.python')?.toString('utf8') ?? '');
    expect(nb).toMatchObject({ version: 'NotebookV1', name: 'py', language: 'python' });
    expect(nb.commands).toHaveLength(2);
    // An independent reader agrees (the archive is a real ZIP, CRCs included).
    const dir = mkdtempSync(path.join(tmpdir(), 'dbc-'));
    try {
      writeFileSync(path.join(dir, 'a.dbc'), archive);
      execFileSync('unzip', ['-q', 'a.dbc'], { cwd: dir });
      expect(JSON.parse(readFileSync(path.join(dir, 'py.python'), 'utf8')).name).toBe('py');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('R_MARKDOWN for an R notebook; refused for other languages', async () => {
    const r = await exportObj('/Shared/proj/sub/r', 'R_MARKDOWN');
    expect(r.body.file_type).toBe('Rmd');
    expect(unb64(r.body.content)).toBe(
      '---\ntitle: "r"\noutput: html_document\n---\n\nNotes\n\n```{r}\nx <- 1\n```\n',
    );
    expectRefused(await exportObj('/Shared/proj/py', 'R_MARKDOWN'), /PYTHON notebook: only R notebooks/);
  });

  it('direct_download answers the bytes themselves with a content type', async () => {
    const src = await exportObj('/Shared/proj/py', 'SOURCE', true);
    expect(src.text).toBe(PY);
    expect(src.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const html = await exportObj('/Shared/proj/py', 'HTML', true);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.text).toContain('<html>');
    const dbc = await call(
      ws,
      'GET',
      '/api/2.0/workspace/export?path=/Shared/proj&format=DBC&direct_download=true',
    );
    expect(dbc.headers.get('content-type')).toBe('application/zip');
  });
});

describe('exporting a file or a directory', () => {
  it('a file exports as its bytes (SOURCE, AUTO, RAW) and refuses the notebook formats', async () => {
    for (const format of ['SOURCE', 'AUTO', 'RAW']) {
      const r = await exportObj('/Shared/proj/data.csv', format);
      expect(r.body).toEqual({ content: b64('a,b\n1,2\n'), file_type: 'csv' });
    }
    for (const format of ['HTML', 'JUPYTER', 'DBC', 'R_MARKDOWN'])
      expectRefused(
        await exportObj('/Shared/proj/data.csv', format),
        new RegExp(`cannot be exported as ${format}`),
      );
  });

  it('a directory exports as DBC (notebooks), SOURCE (notebook sources) and AUTO (with files)', async () => {
    const entries = async (format: string) => {
      const r = await exportObj('/Shared/proj', format);
      return { fileType: r.body.file_type, entries: unzip(Buffer.from(r.body.content, 'base64')) };
    };
    const dbc = await entries('DBC');
    expect(dbc.fileType).toBe('dbc');
    expect([...dbc.entries.keys()]).toEqual(['proj/py.python', 'proj/sub/r.r']);
    const source = await entries('SOURCE');
    expect(source.fileType).toBe('zip');
    expect([...source.entries.keys()]).toEqual(['proj/py.py', 'proj/sub/r.r']);
    expect(source.entries.get('proj/py.py')?.toString('utf8')).toBe(PY);
    const auto = await entries('AUTO');
    expect([...auto.entries.keys()]).toEqual(['proj/data.csv', 'proj/py.py', 'proj/sub/r.r']);
    expect(auto.entries.get('proj/data.csv')?.toString('utf8')).toBe('a,b\n1,2\n');
  });

  it('a directory refuses HTML, JUPYTER, R_MARKDOWN and RAW', async () => {
    for (const format of ['HTML', 'JUPYTER', 'R_MARKDOWN', 'RAW'])
      expectRefused(
        await exportObj('/Shared/proj', format),
        new RegExp(`only supported for the DBC, SOURCE, AUTO formats, not ${format}$`),
      );
  });

  it('an unknown format or a missing path is refused as before', async () => {
    expectRefused(await exportObj('/Shared/proj/py', 'PDF'), /^Invalid format: PDF/);
    expect((await exportObj('/Shared/nothing')).status).toBe(404);
  });
});
