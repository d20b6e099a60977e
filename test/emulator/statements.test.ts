import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmulatedWorkspace, type Emulator, startEmulator } from '../../src/emulator/index.js';
import { eventually, get, post } from './helpers.js';

let emulator: Emulator;
let ws: EmulatedWorkspace;
let running: string;

beforeAll(async () => {
  emulator = await startEmulator({
    workspaces: [{ name: 'primary' }],
    rateLimits: 'off',
    clusterStartMs: 200,
    clusterTerminateMs: 10,
  });
  ws = emulator.workspace('primary');
  running = (await post(ws, '/api/2.0/sql/warehouses', { name: 'wh', cluster_size: '2X-Small' })).body.id;
  await eventually(
    async () => (await get(ws, `/api/2.0/sql/warehouses/${running}`)).body.state === 'RUNNING',
  );
});
afterAll(() => emulator.stop());

const execute = (statement: string, extra: Record<string, unknown> = {}) =>
  post(ws, '/api/2.0/sql/statements', { warehouse_id: running, statement, wait_timeout: '30s', ...extra });

describe('statement execution', () => {
  it('evaluates a SELECT of literals with Spark names and types, INLINE JSON_ARRAY in one chunk', async () => {
    const before = Date.now();
    const r = await execute(
      "SELECT 'hi' AS greeting, 42, 1.50 x, true, null, current_timestamp() as ts, current_date()",
    );
    expect(r.status).toBe(200);
    expect(r.body.status).toEqual({ state: 'SUCCEEDED' });
    const columns = r.body.manifest.schema.columns;
    expect(columns.map((c: { name: string }) => c.name)).toEqual([
      'greeting',
      '42',
      'x',
      'true',
      'NULL',
      'ts',
      'current_date()',
    ]);
    expect(columns.map((c: { type_text: string }) => c.type_text)).toEqual([
      'STRING',
      'INT',
      'DECIMAL(3,2)',
      'BOOLEAN',
      'VOID',
      'TIMESTAMP',
      'DATE',
    ]);
    const [row] = r.body.result.data_array;
    expect(row.slice(0, 5)).toEqual(['hi', '42', '1.50', 'true', null]);
    expect(Date.parse(row[5])).toBeGreaterThanOrEqual(before - 1);
    expect(row[6]).toBe(row[5].slice(0, 10));
    expect(r.body.manifest).toMatchObject({ format: 'JSON_ARRAY', total_row_count: 1, total_chunk_count: 1 });
    // The same statement and its one chunk can be fetched again.
    const again = await get(ws, `/api/2.0/sql/statements/${r.body.statement_id}`);
    expect(again.body.result.data_array).toEqual(r.body.result.data_array);
    const chunk = await get(ws, `/api/2.0/sql/statements/${r.body.statement_id}/result/chunks/0`);
    expect(chunk.body).toMatchObject({ chunk_index: 0, row_count: 1 });
    expect((await get(ws, `/api/2.0/sql/statements/${r.body.statement_id}/result/chunks/1`)).status).toBe(
      400,
    );
  });

  it('generates rows with explode(sequence()) and truncates at row_limit', async () => {
    const r = await execute('select explode(sequence(1, 5)) as n, current_date() as d;');
    expect(r.body.result.data_array.map((row: string[]) => row[0])).toEqual(['1', '2', '3', '4', '5']);
    const limited = await execute('SELECT explode(sequence(10, 1, -3))', { row_limit: 2 });
    expect(limited.body.manifest.schema.columns[0].name).toBe('col');
    expect(limited.body.result.data_array).toEqual([['10'], ['7']]);
    expect(limited.body.manifest.truncated).toBe(true);
  });

  it('fails a statement it cannot evaluate, saying so, rather than inventing rows', async () => {
    for (const sql of ['SELECT * FROM main.default.trips', 'CREATE TABLE t (a INT)', 'SELECT upper(1)']) {
      const r = await execute(sql);
      expect(r.status).toBe(200);
      expect(r.body.status.state).toBe('FAILED');
      expect(r.body.status.error.message).toMatch(/^The emulator cannot run this statement: /);
      expect(r.body.result).toBeUndefined();
    }
  });

  it('starts a stopped warehouse and runs the statement once it is up', async () => {
    const { id } = (await post(ws, '/api/2.0/sql/warehouses', { name: 'cold', cluster_size: '2X-Small' }))
      .body;
    await post(ws, `/api/2.0/sql/warehouses/${id}/stop`);
    await eventually(async () => (await get(ws, `/api/2.0/sql/warehouses/${id}`)).body.state === 'STOPPED');
    const r = await post(ws, '/api/2.0/sql/statements', {
      warehouse_id: id,
      statement: 'SELECT 1',
      wait_timeout: '0s',
    });
    expect(r.body.status.state).toBe('PENDING');
    expect((await get(ws, `/api/2.0/sql/warehouses/${id}`)).body.state).toBe('STARTING');
    await eventually(
      async () =>
        (await get(ws, `/api/2.0/sql/statements/${r.body.statement_id}`)).body.status.state === 'SUCCEEDED',
    );
  });

  it('cancels: on request, and with on_wait_timeout CANCEL when the warehouse is not up within the wait', async () => {
    const { id } = (await post(ws, '/api/2.0/sql/warehouses', { name: 'slow', cluster_size: '2X-Small' }))
      .body;
    const pending = await post(ws, '/api/2.0/sql/statements', {
      warehouse_id: id,
      statement: 'SELECT 1',
      wait_timeout: '0s',
    });
    expect((await post(ws, `/api/2.0/sql/statements/${pending.body.statement_id}/cancel`)).status).toBe(200);
    expect((await get(ws, `/api/2.0/sql/statements/${pending.body.statement_id}`)).body.status.state).toBe(
      'CANCELED',
    );
    // Up within 5 s (the warehouse starts in 200 ms): the wait would have seen it run.
    const waited = await post(ws, '/api/2.0/sql/statements', {
      warehouse_id: id,
      statement: 'SELECT 1',
      wait_timeout: '5s',
      on_wait_timeout: 'CANCEL',
    });
    expect(waited.body.status.state).not.toBe('CANCELED');
  });

  it('refuses bad requests before running anything', async () => {
    const refused = async (body: Record<string, unknown>, status = 400) => {
      const r = await post(ws, '/api/2.0/sql/statements', {
        warehouse_id: running,
        statement: 'SELECT 1',
        ...body,
      });
      expect(r.status).toBe(status);
      return r.body;
    };
    expect((await refused({ wait_timeout: '3s' })).message).toMatch(/between 5s and 50s/);
    expect((await refused({ wait_timeout: '51s' })).message).toMatch(/between 5s and 50s/);
    expect((await refused({ format: 'CSV' })).message).toMatch(/only with the EXTERNAL_LINKS/);
    expect((await refused({ disposition: 'EXTERNAL_LINKS' }, 501)).error_code).toBe('NOT_IMPLEMENTED');
    expect((await refused({ warehouse_id: 'nope' }, 404)).message).toBe('SQL warehouse nope does not exist.');
    expect((await refused({ statement: undefined })).error_code).toBe('INVALID_PARAMETER_VALUE');
    expect((await get(ws, '/api/2.0/sql/statements/unknown')).status).toBe(404);
    expect((await get(ws, '/api/2.0/sql/statements/x/other')).body.error_code).toBe('ENDPOINT_NOT_FOUND');
  });
});
