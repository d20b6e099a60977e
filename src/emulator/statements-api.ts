/**
 * Statement Execution API (`/api/2.0/sql/statements…`) on the emulated SQL warehouses: execute,
 * get, get a result chunk, cancel. Statements run on a RUNNING warehouse and evaluate the small
 * SQL of sql-eval.ts; results come back INLINE as JSON_ARRAY in one chunk.
 *
 * Modelled from the API docs (ExecuteStatementRequest, StatementResponse), not observed: a
 * statement on a stopped warehouse starts it and stays PENDING until the warehouse runs (the
 * emulator answers at once where the service would block for up to `wait_timeout`; with
 * `on_wait_timeout: CANCEL` it is cancelled when the warehouse would not be up within the wait).
 * EXTERNAL_LINKS results are refused: they need cloud storage the emulator does not have.
 */
import { randomUUID } from 'node:crypto';
import type { ApiContext, Router } from './context.js';
import {
  ApiError,
  type ApiRequest,
  doesNotExist,
  invalidParameter,
  type JsonObject,
  optionalString,
  requireString,
} from './http.js';
import { evaluateSql, UnsupportedSql } from './sql-eval.js';
import { getWarehouse, settleWarehouse, startWarehouse } from './warehouses-api.js';
import type { EmulatedStatement } from './workspace-state.js';

const BASE = '/api/2.0/sql/statements';
/** "`Ns`, where `N` can be set to 0 or to a value between 5 and 50." (docs) */
const WAIT_TIMEOUT = /^(\d+)s$/;

function statements(ctx: ApiContext): Record<string, EmulatedStatement> {
  ctx.state.statements ??= {};
  return ctx.state.statements;
}

function waitSeconds(raw: string | undefined): number {
  const m = WAIT_TIMEOUT.exec(raw ?? '10s');
  const n = m ? Number(m[1]) : Number.NaN;
  if (!(n === 0 || (n >= 5 && n <= 50)))
    throw invalidParameter(`wait_timeout must be 0s or between 5s and 50s, not ${raw}`);
  return n;
}

function checkResultShape(body: JsonObject): void {
  const disposition = optionalString(body, 'disposition') ?? 'INLINE';
  const format = optionalString(body, 'format') ?? 'JSON_ARRAY';
  if (!['INLINE', 'EXTERNAL_LINKS'].includes(disposition))
    throw invalidParameter(`Invalid disposition: ${disposition}`);
  if (!['JSON_ARRAY', 'ARROW_STREAM', 'CSV'].includes(format))
    throw invalidParameter(`Invalid format: ${format}`);
  if (disposition === 'EXTERNAL_LINKS')
    throw new ApiError(
      501,
      'NOT_IMPLEMENTED',
      'The emulator returns results INLINE only: EXTERNAL_LINKS need cloud storage it does not have',
    );
  if (format !== 'JSON_ARRAY')
    throw invalidParameter(`The ${format} format is supported only with the EXTERNAL_LINKS disposition`);
}

/** Runs a PENDING statement once its warehouse is RUNNING. */
function settle(s: EmulatedStatement, ctx: ApiContext): void {
  if (s.state !== 'PENDING') return;
  const w = ctx.state.warehouses[s.warehouse_id];
  if (!w) {
    s.state = 'FAILED';
    s.error = { error_code: 'NOT_FOUND', message: `SQL warehouse ${s.warehouse_id} does not exist.` };
    return;
  }
  settleWarehouse(w, ctx.now);
  if (w.state !== 'RUNNING') return;
  try {
    const { columns, rows } = evaluateSql(s.statement, new Date(ctx.now));
    const limit = s.row_limit;
    s.columns = columns as unknown as Record<string, unknown>[];
    s.rows = limit !== undefined ? rows.slice(0, limit) : rows;
    s.truncated = limit !== undefined && rows.length > limit;
    s.state = 'SUCCEEDED';
  } catch (e) {
    if (!(e instanceof UnsupportedSql)) throw e;
    s.state = 'FAILED';
    s.error = { error_code: 'BAD_REQUEST', message: `The emulator cannot run this statement: ${e.message}` };
  }
}

function resultData(s: EmulatedStatement): JsonObject {
  const rows = s.rows ?? [];
  return {
    chunk_index: 0,
    row_offset: 0,
    row_count: rows.length,
    ...(rows.length ? { data_array: rows } : {}),
  };
}

function view(s: EmulatedStatement): JsonObject {
  const status: JsonObject = { state: s.state, ...(s.error ? { error: s.error } : {}) };
  if (s.state !== 'SUCCEEDED') return { statement_id: s.statement_id, status };
  const rows = s.rows?.length ?? 0;
  return {
    statement_id: s.statement_id,
    status,
    manifest: {
      format: 'JSON_ARRAY',
      schema: { column_count: s.columns?.length ?? 0, columns: s.columns },
      total_row_count: rows,
      total_chunk_count: 1,
      chunks: [{ chunk_index: 0, row_offset: 0, row_count: rows }],
      truncated: s.truncated ?? false,
    },
    result: resultData(s),
  };
}

function execute(req: ApiRequest, ctx: ApiContext): unknown {
  const body = req.json();
  const statement = requireString(body, 'statement');
  const warehouse = getWarehouse(ctx, requireString(body, 'warehouse_id'));
  const wait = waitSeconds(optionalString(body, 'wait_timeout'));
  const onTimeout = optionalString(body, 'on_wait_timeout') ?? 'CONTINUE';
  if (!['CONTINUE', 'CANCEL'].includes(onTimeout))
    throw invalidParameter(`Invalid on_wait_timeout: ${onTimeout}`);
  checkResultShape(body);
  const rowLimit = body.row_limit;
  if (rowLimit !== undefined && (typeof rowLimit !== 'number' || !Number.isInteger(rowLimit) || rowLimit < 0))
    throw invalidParameter('row_limit must be a non-negative integer');

  const s: EmulatedStatement = {
    statement_id: randomUUID(),
    warehouse_id: warehouse.id,
    statement,
    state: 'PENDING',
    ...(typeof rowLimit === 'number' ? { row_limit: rowLimit } : {}),
  };
  statements(ctx)[s.statement_id] = s;
  if (warehouse.state === 'STOPPED' || warehouse.state === 'STOPPING') startWarehouse(warehouse, ctx);
  settle(s, ctx);
  const upBy = warehouse.transition_at ?? ctx.now;
  if (s.state === 'PENDING' && wait > 0 && onTimeout === 'CANCEL' && upBy > ctx.now + wait * 1000)
    s.state = 'CANCELED';
  return view(s);
}

/** `{id}`, `{id}/result/chunks/{n}` (GET) and `{id}/cancel` (POST) under /api/2.0/sql/statements/. */
function byId(method: 'GET' | 'POST') {
  return (req: ApiRequest, ctx: ApiContext): unknown => {
    const [rawId, ...rest] = req.path.slice(BASE.length + 1).split('/');
    const route = rest.join('/');
    const chunk = /^result\/chunks\/(\d+)$/.exec(route);
    const known = method === 'POST' ? route === 'cancel' : route === '' || chunk !== null;
    if (!rawId || !known)
      throw new ApiError(404, 'ENDPOINT_NOT_FOUND', `No API found for '${req.method} ${req.path}'`);
    const id = decodeURIComponent(rawId);
    const s = statements(ctx)[id];
    if (!s) throw doesNotExist(`Statement ${id} does not exist.`);
    settle(s, ctx);
    if (method === 'POST') {
      if (s.state === 'PENDING') s.state = 'CANCELED';
      return {};
    }
    if (!chunk) return view(s);
    if (s.state !== 'SUCCEEDED')
      throw new ApiError(400, 'INVALID_STATE', `Statement ${id} is ${s.state}: it has no result`);
    if (chunk[1] !== '0')
      throw invalidParameter(`Chunk index ${chunk[1]} is out of range: the result has 1 chunk`);
    return resultData(s);
  };
}

export function registerStatements(router: Router): void {
  router.add('POST', BASE, execute);
  router.addPrefix('GET', `${BASE}/`, byId('GET'));
  router.addPrefix('POST', `${BASE}/`, byId('POST'));
}
