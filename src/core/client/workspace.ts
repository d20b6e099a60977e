/** Workspace API 2.0 (reference/databricks-api.md §3): notebooks, files and folders. */
import { isAlreadyExists, isNotFound } from './errors.js';
import type { HttpClient } from './http.js';
import { jsonWithBase64 } from './json-body.js';

export type ImportFormat = 'AUTO' | 'DBC' | 'HTML' | 'JUPYTER' | 'RAW' | 'R_MARKDOWN' | 'SOURCE';
export type ExportFormat = ImportFormat;
export type Language = 'PYTHON' | 'R' | 'SCALA' | 'SQL';
export type ObjectType = 'NOTEBOOK' | 'DIRECTORY' | 'LIBRARY' | 'FILE' | 'REPO' | 'DASHBOARD';

export interface ObjectInfo {
  path: string;
  object_type: ObjectType;
  object_id?: number;
  /** Notebooks only. */
  language?: Language;
  /** Files (epoch ms); a real FILE answer may omit `size`. */
  created_at?: number;
  modified_at?: number;
  size?: number;
  resource_id?: string;
  [key: string]: unknown;
}

export interface ImportRequest {
  path: string;
  format?: ImportFormat;
  /** Required for a single SOURCE notebook. */
  language?: Language;
  /** Base64. */
  content?: string;
  overwrite?: boolean;
}

export interface ExportResponse {
  /** Base64. */
  content: string;
  file_type?: string;
  [key: string]: unknown;
}

const BASE = '/api/2.0/workspace';

/** Tighter bounds for one request (a region that must answer quickly or count as unreachable). */
export interface RequestBounds {
  timeoutMs?: number;
  deadlineMs?: number;
}

/** One principal's entry in a workspace object's permissions (Permissions API 2.0). */
export interface ObjectAccessControl {
  user_name?: string;
  group_name?: string;
  service_principal_name?: string;
  all_permissions?: Array<{
    permission_level: string;
    inherited?: boolean;
    inherited_from_object?: string[];
  }>;
}

export class WorkspaceApi {
  constructor(private readonly http: HttpClient) {}

  /**
   * Imports one object. Without `overwrite`, a retry after a lost answer can meet the object the
   * lost attempt created: that "already exists" is then reported as OutcomeUnknownError, because
   * the object may equally have been there before.
   */
  async import(request: ImportRequest, bounds: RequestBounds = {}): Promise<void> {
    await this.http.post(`${BASE}/import`, request, {
      ...bounds,
      afterLostAttempt: (err) => (!request.overwrite && isAlreadyExists(err) ? 'unknown' : 'error'),
    });
  }

  /** Imports bytes or text, encoding them as base64 for the JSON body. */
  importContent(
    path: string,
    content: Uint8Array | string,
    options: Omit<ImportRequest, 'path' | 'content'> = {},
    bounds: RequestBounds = {},
  ): Promise<void> {
    const buffer = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    return this.import({ path, ...options, content: buffer.toString('base64') }, bounds);
  }

  /**
   * Imports a ZIP of source files as the new folder `path`: one request for a whole directory
   * (`format: SOURCE` with `language` unset, reference §12). Never with `overwrite` (replacing a
   * directory is not documented). A retry after a lost answer that meets "already exists" cannot
   * tell its own folder from one that was there: reported as OutcomeUnknownError.
   */
  async importDirectory(path: string, zip: Uint8Array, bounds: RequestBounds = {}): Promise<void> {
    await this.http.post(`${BASE}/import`, jsonWithBase64({ path, format: 'SOURCE' }, 'content', zip), {
      ...bounds,
      afterLostAttempt: (err) => (isAlreadyExists(err) ? 'unknown' : 'error'),
    });
  }

  export(path: string, format: ExportFormat = 'SOURCE', bounds: RequestBounds = {}): Promise<ExportResponse> {
    return this.http.get<ExportResponse>(`${BASE}/export`, { path, format }, bounds);
  }

  /** Exports and decodes the content. */
  async exportContent(path: string, format: ExportFormat = 'SOURCE'): Promise<Buffer> {
    const res = await this.export(path, format);
    return Buffer.from(res.content ?? '', 'base64');
  }

  /**
   * The folder's direct children (no paging in this API). `objects` is absent when the folder is
   * empty, hence []. `notebooksModifiedAfter` (epoch ms) finds hand edits on workspaces whose
   * get-status gives no `modified_at` for notebooks.
   */
  async list(path: string, options: { notebooksModifiedAfter?: number } = {}): Promise<ObjectInfo[]> {
    const res = await this.http.get<{ objects?: ObjectInfo[] }>(`${BASE}/list`, {
      path,
      notebooks_modified_after: options.notebooksModifiedAfter,
    });
    return res.objects ?? [];
  }

  getStatus(path: string): Promise<ObjectInfo> {
    return this.http.get<ObjectInfo>(`${BASE}/get-status`, { path });
  }

  /** get-status, or undefined when the path does not exist. */
  async tryGetStatus(path: string): Promise<ObjectInfo | undefined> {
    try {
      return await this.getStatus(path);
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** The permissions of a folder, direct and inherited (`/api/2.0/permissions/directories/{id}`). */
  async directoryPermissions(path: string): Promise<ObjectAccessControl[]> {
    const status = await this.getStatus(path);
    const res = await this.http.get<{ access_control_list?: ObjectAccessControl[] }>(
      `/api/2.0/permissions/directories/${status.object_id}`,
    );
    return res.access_control_list ?? [];
  }

  /** Creates the folder and its parents; an existing folder is fine. */
  async mkdirs(path: string, bounds: RequestBounds = {}): Promise<void> {
    await this.http.post(`${BASE}/mkdirs`, { path }, bounds);
  }

  /**
   * Deletes an object (a folder only with `recursive`). "Does not exist" after a lost answer means
   * the lost attempt did it.
   */
  async delete(path: string, options: { recursive?: boolean } = {}): Promise<void> {
    await this.http.post(
      `${BASE}/delete`,
      { path, recursive: options.recursive ?? false },
      { afterLostAttempt: (err) => (isNotFound(err) ? 'success' : 'error') },
    );
  }
}
