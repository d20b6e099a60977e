/**
 * A workspace that answers with what it should not: a listing naming paths outside the folder.
 * The proxy in front of the emulator rewrites the answer; import must refuse those paths and write
 * nothing outside the repository.
 */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runImport } from '../../src/core/import/index.js';
import { type Emulator, startEmulator } from '../../src/emulator/index.js';
import { RecordingReporter } from '../helpers/reporter.js';
import { EAST, seedEstate } from './estate.js';

let emulator: Emulator;
let proxy: Server;
let proxyUrl: string;

beforeAll(async () => {
  emulator = await startEmulator({ workspaces: [{ name: 'east' }, { name: 'west' }], rateLimits: 'off' });
  await seedEstate(emulator.workspace('east'), EAST);
  const upstream = emulator.workspace('east').url;
  proxy = createServer(async (req, res) => {
    const body = await new Promise<Buffer>((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks)));
    });
    const answer = await fetch(`${upstream}${req.url}`, {
      method: req.method,
      headers: { authorization: String(req.headers.authorization), 'content-type': 'application/json' },
      body: req.method === 'GET' ? undefined : body,
    });
    let text = await answer.text();
    const url = new URL(req.url ?? '/', upstream);
    if (url.pathname === '/api/2.0/workspace/list' && url.searchParams.get('path') === '/Shared/sales/etl') {
      const listed = JSON.parse(text) as { objects: Array<Record<string, unknown>> };
      const ingest = listed.objects[0];
      listed.objects.push({ ...ingest, path: '/Shared/sales/etl/../../../../escape' });
      listed.objects.push({ ...ingest, path: '/Users/someone/elsewhere' });
      text = JSON.stringify(listed);
    }
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(text);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  proxyUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((resolve) => proxy?.close(resolve));
  await emulator?.stop();
});

it('refuses listed paths outside the imported folder and writes nothing outside the repository', async () => {
  const parent = mkdtempSync(path.join(tmpdir(), 'dr-import-hostile-'));
  const dir = path.join(parent, 'a', 'b', 'c', 'repo');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'databricks-dr.yml'),
    `version: 1\nname: sales\nregions:\n  east: { host: ${proxyUrl}, auth: { type: pat, token_env: T } }\n  west: { host: ${emulator.workspace('west').url}, auth: { type: pat, token_env: T } }\n`,
  );
  const result = await runImport({
    configFile: path.join(dir, 'databricks-dr.yml'),
    reporter: new RecordingReporter(),
    env: { T: emulator.workspace('east').token },
    region: 'east',
    selection: { jobs: [], allJobs: false, clusters: [], notebooks: ['/Shared/sales'], scopes: [] },
    command: 'databricks-dr import --region east --notebooks /Shared/sales',
    client: { rateLimits: 'off' },
  });
  expect(result.status).toBe('ok');
  expect(result.skipped).toEqual(
    expect.arrayContaining([
      {
        kind: 'notebook',
        name: '/Shared/sales/etl/../../../../escape',
        reason: 'not a path inside /Shared/sales',
        region: 'east',
      },
      {
        kind: 'notebook',
        name: '/Users/someone/elsewhere',
        reason: 'not a path inside /Shared/sales',
        region: 'east',
      },
    ]),
  );
  expect(existsSync(path.join(dir, 'notebooks/etl/ingest.py'))).toBe(true);
  expect(readdirSync(parent)).toEqual(['a']);
  expect(readdirSync(path.join(parent, 'a'))).toEqual(['b']);
  expect(existsSync(path.join(parent, 'a', 'escape.py'))).toBe(false);
});

it('fails clearly when the compare region does not answer, and writes nothing', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dr-import-down-'));
  writeFileSync(
    path.join(dir, 'databricks-dr.yml'),
    `version: 1\nname: sales\nregions:\n  east: { host: ${emulator.workspace('east').url}, auth: { type: pat, token_env: T } }\n  west: { host: http://127.0.0.1:1, auth: { type: pat, token_env: T } }\n`,
  );
  const reporter = new RecordingReporter();
  const token = emulator.workspace('east').token;
  const result = await runImport({
    configFile: path.join(dir, 'databricks-dr.yml'),
    reporter,
    env: { T: token },
    region: 'east',
    compareRegion: 'west',
    selection: { jobs: ['ingest-orders'], allJobs: false, clusters: [], notebooks: [], scopes: [] },
    command: 'databricks-dr import --region east --compare-region west --job ingest-orders',
    client: { rateLimits: 'off', backoffBaseMs: 5, backoffCapMs: 20, deadlineMs: 2000 },
  });
  expect(result.status).toBe('failed');
  expect(result.errors[0]).toMatch(/^reading region west failed: .*nothing was written$/);
  expect(readdirSync(dir)).toEqual(['databricks-dr.yml']);
  expect(reporter.masked).toContain(token);
});
