/**
 * The admin API (`/__emulator/…`): the test's side door into one workspace — its request log and
 * state, outages, read-only mode, extra tokens, tier, catalog, seeded assets and fault rules. It is
 * never faulted, limited, logged or authenticated.
 */
import { type Answer, errorAnswer } from './answers.js';
import { assetNamesError } from './assets-api.js';
import { catalogListError } from './catalog.js';
import { validateFaultSpec } from './faults.js';
import { ApiError, isObject, type JsonObject } from './http.js';
import type { EmulatedWorkspace, FaultSpec, WorkspaceTier } from './types.js';

/** What the side door reaches beyond the public workspace interface. */
export interface AdminTarget extends EmulatedWorkspace {
  tier(): WorkspaceTier;
  /** Seeds the workspace's assets from an admin body; returns them as now stored. */
  seedAssets(body: JsonObject): unknown;
}

const bad = (message: string) => errorAnswer(new ApiError(400, 'INVALID_PARAMETER_VALUE', message));
const ok = (): Answer => ({ status: 200, body: {} });

/** The admin body as a JSON object (empty when absent), or the 400 for anything else. */
function adminBody(raw: Buffer): { body: JsonObject } | { refusal: Answer } {
  if (raw.length === 0) return { body: {} };
  try {
    const parsed: unknown = JSON.parse(raw.toString('utf8'));
    if (!isObject(parsed)) throw new Error('not an object');
    return { body: parsed };
  } catch {
    return { refusal: errorAnswer(new ApiError(400, 'MALFORMED_REQUEST', 'The body must be a JSON object')) };
  }
}

function setCatalog(ws: AdminTarget, body: JsonObject): Answer {
  const error =
    catalogListError(body.node_types, 'node_types') ??
    catalogListError(body.spark_versions, 'spark_versions');
  if (error || (body.node_types === undefined && body.spark_versions === undefined))
    return bad(
      error ??
        'Expected {"node_types": ["Standard_DS3_v2", ...], "spark_versions": ["15.4.x-scala2.12", ...]}',
    );
  ws.setCatalog({
    nodeTypes: body.node_types as string[] | undefined,
    sparkVersions: body.spark_versions as string[] | undefined,
  });
  return { status: 200, body: ws.catalog() };
}

/** Toggles one boolean switch of the workspace from `{"<field>": true|false}`. */
function toggle(body: JsonObject, field: string, set: (on: boolean) => void): Answer {
  const value = body[field];
  if (typeof value !== 'boolean') return bad(`Expected {"${field}": true|false}`);
  set(value);
  return ok();
}

const ROUTES: Record<string, (ws: AdminTarget, body: JsonObject) => Answer> = {
  'GET /__emulator/requests': (ws) => ({ status: 200, body: ws.requests() }),
  'DELETE /__emulator/requests': (ws) => {
    ws.clearRequests();
    return ok();
  },
  'GET /__emulator/state': (ws) => ({ status: 200, body: ws.state() }),
  'POST /__emulator/outage': (ws, body) => toggle(body, 'down', (on) => ws.setOutage(on)),
  'POST /__emulator/read-only': (ws, body) => toggle(body, 'enabled', (on) => ws.setReadOnly(on)),
  'POST /__emulator/tokens': (ws, body) => {
    const kind = body.kind ?? 'pat';
    if (typeof body.token !== 'string' || body.token === '' || (kind !== 'pat' && kind !== 'entra'))
      return bad('Expected {"token": "...", "kind": "pat"|"entra"}');
    ws.addToken(body.token, kind);
    return ok();
  },
  'GET /__emulator/catalog': (ws) => ({ status: 200, body: { tier: ws.tier(), ...ws.catalog() } }),
  'POST /__emulator/catalog': setCatalog,
  'POST /__emulator/assets': (ws, body) => {
    const error = assetNamesError(body);
    if (error) return bad(error);
    return { status: 200, body: ws.seedAssets(body) };
  },
  'POST /__emulator/tier': (ws, body) => {
    if (body.tier !== 'premium' && body.tier !== 'standard')
      return bad('Expected {"tier": "premium"|"standard"}');
    ws.setTier(body.tier);
    return ok();
  },
  'POST /__emulator/faults': (ws, body) => {
    const error = validateFaultSpec(body);
    if (error) return bad(error);
    ws.setFaults(body as unknown as FaultSpec);
    return ok();
  },
};

export function adminAnswer(ws: AdminTarget, method: string, path: string, raw: Buffer): Answer {
  const parsed = adminBody(raw);
  if ('refusal' in parsed) return parsed.refusal;
  const route = `${method} ${path}`;
  const handler = Object.hasOwn(ROUTES, route) ? ROUTES[route] : undefined;
  if (!handler)
    return errorAnswer(new ApiError(404, 'ENDPOINT_NOT_FOUND', `No emulator admin API for '${route}'`));
  return handler(ws, parsed.body);
}
