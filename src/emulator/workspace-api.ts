/**
 * Workspace API 2.0 (`/api/2.0/workspace/…`) and the workspace-files write the CLI uses
 * (`/api/2.0/workspace-files/import-file/{path}`). Objects are kept in a flat map keyed by
 * absolute path; folders are objects too, so "parent must exist" is one lookup.
 */
import type { ApiContext, Router } from './context.js';
import { exportAs, WORKSPACE_FORMATS as FORMATS } from './export-formats.js';
import {
  ApiError,
  type ApiRequest,
  alreadyExists,
  doesNotExist,
  invalidParameter,
  malformed,
  optionalBoolean,
  optionalString,
  parseId,
  queryBoolean,
  RawResponse,
} from './http.js';
import { detect, ipynbLanguage, isLanguage, type Language, parseIpynb } from './notebook.js';
import { importDirectory, isZip } from './workspace-archive.js';
import type { WorkspaceObject } from './workspace-state.js';

const MAX_CONTENT_BYTES = 10 * 1024 * 1024;
const UNSUPPORTED_FORMATS = new Set(['DBC', 'HTML', 'R_MARKDOWN']);
const IMPORT_FILE_PREFIX = '/api/2.0/workspace-files/import-file/';

/**
 * An absolute workspace path without the optional `/Workspace` prefix or a trailing slash.
 * `..` is refused rather than resolved, as a path that climbs is always a client bug.
 */
export function normalizePath(raw: unknown): string {
  if (raw === undefined || raw === null || raw === '') throw invalidParameter('Missing required field: path');
  if (typeof raw !== 'string') throw invalidParameter('Field path must be a string');
  let p = raw;
  if (p === '/Workspace' || p.startsWith('/Workspace/')) p = p.slice('/Workspace'.length) || '/';
  if (!p.startsWith('/')) throw invalidParameter(`Path (${raw}) is not absolute: paths must start with '/'`);
  p = p.replace(/\/{2,}/g, '/');
  if (p.length > 1) p = p.replace(/\/+$/, '');
  if (p.split('/').some((s) => s === '.' || s === '..')) throw invalidParameter(`Invalid path: ${raw}`);
  return p;
}

const parentOf = (p: string) => p.slice(0, p.lastIndexOf('/')) || '/';
const notFound = (p: string) => doesNotExist(`Path (${p}) doesn't exist.`);
const tooLarge = () =>
  new ApiError(
    400,
    'MAX_NOTEBOOK_SIZE_EXCEEDED',
    'The content exceeds the maximum size of 10 MB (10485760 bytes).',
  );

function lookup(ctx: ApiContext, p: string): WorkspaceObject {
  const o = ctx.state.objects[p];
  if (!o) throw notFound(p);
  return o;
}

function objectInfo(o: WorkspaceObject): Record<string, unknown> {
  const info: Record<string, unknown> = {
    object_type: o.object_type,
    path: o.path,
    object_id: o.object_id,
    resource_id: String(o.object_id),
  };
  if (o.object_type === 'NOTEBOOK') info.language = o.language;
  // Real FILE responses carry the timestamps but omit `size` (databricks/cli#1035); notebooks carry
  // `modified_at` too, which is what drift detection of hand edits relies on.
  if (o.object_type === 'NOTEBOOK' || o.object_type === 'FILE') {
    info.created_at = o.created_at;
    info.modified_at = o.modified_at;
  }
  return info;
}

function children(ctx: ApiContext, dir: string): WorkspaceObject[] {
  const prefix = dir === '/' ? '/' : `${dir}/`;
  return Object.values(ctx.state.objects)
    .filter((o) => o.path !== '/' && o.path.startsWith(prefix) && !o.path.slice(prefix.length).includes('/'))
    .sort((a, b) => a.path.localeCompare(b.path));
}

interface Target {
  path: string;
  type: 'NOTEBOOK' | 'FILE';
  language?: Language;
  contentFormat?: 'SOURCE' | 'JUPYTER';
}

/** Creates or overwrites one object, with the parent and overwrite rules of import. */
function write(ctx: ApiContext, target: Target, content: Buffer, overwrite: boolean): void {
  const parent = ctx.state.objects[parentOf(target.path)];
  if (parent?.object_type !== 'DIRECTORY') throw notFound(parentOf(target.path));
  const existing = ctx.state.objects[target.path];
  if (existing) {
    if (!overwrite || existing.object_type === 'DIRECTORY')
      throw alreadyExists(`Path (${target.path}) already exists.`);
    // Overwriting across a type change (notebook ⇄ file) is refused (databricks/cli#3386).
    if (existing.object_type !== target.type)
      throw alreadyExists(`Path (${target.path}) already exists as a ${existing.object_type.toLowerCase()}.`);
  }
  const modified = existing ? Math.max(ctx.now, existing.modified_at + 1) : ctx.now;
  const obj: WorkspaceObject = {
    path: target.path,
    object_type: target.type,
    object_id: existing?.object_id ?? ctx.nextId(),
    ...(target.language ? { language: target.language } : {}),
    content: content.toString('base64'),
    ...(target.contentFormat ? { content_format: target.contentFormat } : {}),
    created_at: existing?.created_at ?? ctx.now,
    modified_at: modified,
    size: content.length,
  };
  ctx.state.objects[target.path] = obj;
}

interface ImportFields {
  path: string;
  format: string;
  language?: string;
  overwrite: boolean;
  content: Buffer;
}

function decodeBase64(s: string): Buffer {
  if (!/^[A-Za-z0-9+/=_\s-]*$/.test(s)) throw invalidParameter('content must be base64-encoded');
  return Buffer.from(s, 'base64');
}

/** multipart/form-data as sent by `WorkspaceExt.upload` (py-sdk): a `content` file part + fields. */
function parseMultipart(body: Buffer, contentType: string): Map<string, Buffer> {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!m) throw malformed('multipart/form-data without a boundary');
  const boundary = (m[1] ?? m[2]).trim();
  const delimiter = Buffer.from(`--${boundary}`);
  const parts = new Map<string, Buffer>();
  let pos = body.indexOf(delimiter);
  if (pos < 0) throw malformed('Malformed multipart body');
  for (;;) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString() === '--') break;
    if (body.subarray(pos, pos + 2).toString() === '\r\n') pos += 2;
    const headerEnd = body.indexOf('\r\n\r\n', pos);
    if (headerEnd < 0) throw malformed('Malformed multipart body');
    const headers = body.subarray(pos, headerEnd).toString('utf8');
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headerEnd + 4);
    if (next < 0) throw malformed('Malformed multipart body: missing closing boundary');
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    if (name) parts.set(name, body.subarray(headerEnd + 4, next));
    pos = next + 2;
  }
  return parts;
}

function importFields(req: ApiRequest): ImportFields {
  const contentType = req.header('content-type') ?? '';
  if (contentType.toLowerCase().startsWith('multipart/form-data')) {
    const parts = parseMultipart(req.body, contentType);
    const text = (k: string) => parts.get(k)?.toString('utf8');
    return {
      path: normalizePath(text('path')),
      format: text('format') || 'SOURCE',
      language: text('language') || undefined,
      overwrite: queryBoolean(text('overwrite'), 'overwrite'),
      content: parts.get('content') ?? Buffer.alloc(0),
    };
  }
  const body = req.json();
  const content = optionalString(body, 'content');
  return {
    path: normalizePath(body.path),
    format: optionalString(body, 'format') ?? 'SOURCE',
    language: optionalString(body, 'language'),
    overwrite: optionalBoolean(body, 'overwrite') ?? false,
    content: content ? decodeBase64(content) : Buffer.alloc(0),
  };
}

function importObject(req: ApiRequest, ctx: ApiContext): unknown {
  const f = importFields(req);
  if (!FORMATS.includes(f.format))
    throw invalidParameter(`Invalid format: ${f.format}. Use one of ${FORMATS.join(', ')}`);
  if (UNSUPPORTED_FORMATS.has(f.format))
    throw invalidParameter(`Import format ${f.format} is not supported by the emulator`);
  if (f.language !== undefined && !isLanguage(f.language))
    throw invalidParameter(`Invalid language: ${f.language}. Use one of PYTHON, R, SCALA, SQL`);
  if (f.content.length > MAX_CONTENT_BYTES) throw tooLarge();
  const language = f.language as Language | undefined;

  let target: Target;
  if (f.format === 'SOURCE' && !language && isZip(f.content)) {
    importDirectory(ctx, f.path, f.content, req.fault === 'archive-drop');
    return {};
  }
  if (f.format === 'SOURCE') {
    if (!language)
      throw invalidParameter('The language field is required when importing a single file in SOURCE format');
    target = { path: f.path, type: 'NOTEBOOK', language, contentFormat: 'SOURCE' };
  } else if (f.format === 'JUPYTER') {
    const nb = parseIpynb(f.content);
    if (!nb) throw invalidParameter('The content is not a valid Jupyter notebook (.ipynb)');
    target = {
      path: f.path,
      type: 'NOTEBOOK',
      language: language ?? ipynbLanguage(nb),
      contentFormat: 'JUPYTER',
    };
  } else if (f.format === 'RAW') {
    target = { path: f.path, type: 'FILE' };
  } else {
    const d = detect(f.path, f.content);
    target =
      d.kind === 'notebook'
        ? { path: d.path, type: 'NOTEBOOK', language: d.language, contentFormat: d.format }
        : { path: d.path, type: 'FILE' };
  }
  write(ctx, target, f.content, f.overwrite);
  return {};
}

function importFile(req: ApiRequest, ctx: ApiContext): unknown {
  let rest: string;
  try {
    rest = decodeURIComponent(req.path.slice(IMPORT_FILE_PREFIX.length));
  } catch {
    throw invalidParameter(`Invalid path: ${req.path}`);
  }
  const p = normalizePath(`/${rest.replace(/^\/+/, '')}`);
  const overwrite = queryBoolean(req.query.get('overwrite') ?? undefined, 'overwrite');
  if (req.body.length > MAX_CONTENT_BYTES) throw tooLarge();
  const parent = ctx.state.objects[parentOf(p)];
  if (parent?.object_type !== 'DIRECTORY') throw notFound(parentOf(p));
  const existing = ctx.state.objects[p];
  // The workspace-files API answers an existing FILE with 409 but an existing notebook (or
  // folder) with 400 (cli libs/filer/workspace_files_client.go).
  if (existing && existing.object_type !== 'FILE') throw alreadyExists(`Path (${p}) already exists.`);
  if (existing && !overwrite)
    throw new ApiError(409, 'RESOURCE_ALREADY_EXISTS', `Path (${p}) already exists.`);
  write(ctx, { path: p, type: 'FILE' }, req.body, true);
  return {};
}

function exportObject(req: ApiRequest, ctx: ApiContext): unknown {
  const p = normalizePath(req.param('path'));
  const o = lookup(ctx, p);
  const exported = exportAs(o, req.param('format') ?? 'SOURCE', Object.values(ctx.state.objects));
  if (exported.bytes.length > MAX_CONTENT_BYTES) throw tooLarge();
  if (queryBoolean(req.param('direct_download'), 'direct_download'))
    return new RawResponse(exported.bytes, exported.contentType);
  return { content: exported.bytes.toString('base64'), file_type: exported.fileType };
}

function list(req: ApiRequest, ctx: ApiContext): unknown {
  const p = normalizePath(req.param('path'));
  const o = lookup(ctx, p);
  if (o.object_type !== 'DIRECTORY') return { objects: [objectInfo(o)] };
  const after = parseId(req.param('notebooks_modified_after'), 'notebooks_modified_after');
  const items = children(ctx, p).filter(
    (c) => after === undefined || c.object_type !== 'NOTEBOOK' || c.modified_at > after,
  );
  // The key is absent, not an empty array, when a folder is empty.
  return items.length > 0 ? { objects: items.map(objectInfo) } : {};
}

function getStatus(req: ApiRequest, ctx: ApiContext): unknown {
  return objectInfo(lookup(ctx, normalizePath(req.param('path'))));
}

function mkdirs(req: ApiRequest, ctx: ApiContext): unknown {
  const p = normalizePath(req.json().path);
  let current = '';
  for (const segment of p.split('/').slice(1)) {
    if (segment === '') continue;
    current = `${current}/${segment}`;
    const existing = ctx.state.objects[current];
    if (existing) {
      if (existing.object_type !== 'DIRECTORY')
        throw alreadyExists(`${segment} already exists and it is not a folder (${current})`);
      continue;
    }
    ctx.state.objects[current] = {
      path: current,
      object_type: 'DIRECTORY',
      object_id: ctx.nextId(),
      created_at: ctx.now,
      modified_at: ctx.now,
    };
  }
  return {};
}

function deleteObject(req: ApiRequest, ctx: ApiContext): unknown {
  const body = req.json();
  const p = normalizePath(body.path);
  const recursive = optionalBoolean(body, 'recursive') ?? false;
  if (p === '/') throw invalidParameter('The root folder cannot be deleted');
  const o = lookup(ctx, p);
  if (o.object_type === 'DIRECTORY') {
    const prefix = `${p}/`;
    const descendants = Object.keys(ctx.state.objects).filter((k) => k.startsWith(prefix));
    if (descendants.length > 0 && !recursive)
      throw new ApiError(400, 'DIRECTORY_NOT_EMPTY', `Folder (${p}) is not empty.`);
    for (const k of descendants) delete ctx.state.objects[k];
  }
  delete ctx.state.objects[p];
  return {};
}

export function registerWorkspace(router: Router): void {
  router.add('POST', '/api/2.0/workspace/import', importObject);
  router.add('GET', '/api/2.0/workspace/export', exportObject);
  router.add('GET', '/api/2.0/workspace/list', list);
  router.add('GET', '/api/2.0/workspace/get-status', getStatus);
  router.add('POST', '/api/2.0/workspace/mkdirs', mkdirs);
  router.add('POST', '/api/2.0/workspace/delete', deleteObject);
  router.addPrefix('POST', IMPORT_FILE_PREFIX, importFile);
}
