/**
 * Notebook folders for import: every notebook exported in its own format (AUTO: source with the
 * Databricks header, or .ipynb where the workspace keeps the notebook as Jupyter), every file as
 * its bytes. Paths become relative to the folder, which becomes a notebook target of the config.
 */

import { MANIFEST_NAME } from '../assets/notebooks/index.js';
import { describeError } from '../client/describe.js';
import type { DatabricksClient, ObjectInfo } from '../client/index.js';
import { mapLimit } from '../util.js';
import type { WorkspaceImport } from './collect.js';

export interface NotebookFolder {
  /** The workspace folder, e.g. /Shared/sales. */
  target: string;
  /** Repository path relative to the folder's source (with the extension) → content. */
  files: Map<string, Buffer>;
}

const SOURCE_EXTENSIONS: Record<string, string> = { PYTHON: '.py', SQL: '.sql', SCALA: '.scala', R: '.r' };

async function walk(
  client: DatabricksClient,
  folder: string,
  out: ObjectInfo[],
  skip: WorkspaceImport['skipped'],
) {
  for (const o of await client.workspace.list(folder)) {
    if (o.object_type === 'DIRECTORY') await walk(client, o.path, out, skip);
    else if (o.object_type === 'NOTEBOOK' || o.object_type === 'FILE') out.push(o);
    else
      skip.push({
        kind: 'workspace object',
        name: o.path,
        reason: `unsupported object type ${o.object_type}`,
      });
  }
}

export async function collectNotebooks(
  client: DatabricksClient,
  targets: string[],
  out: WorkspaceImport,
  progress: (message: string) => void,
): Promise<NotebookFolder[]> {
  const folders: NotebookFolder[] = [];
  for (const raw of targets) {
    const target = raw.replace(/\/+$/, '') || '/';
    const status = await client.workspace.tryGetStatus(target);
    if (status?.object_type !== 'DIRECTORY') {
      out.skipped.push({
        kind: 'notebooks',
        name: target,
        reason: status ? 'not a folder' : 'no such folder in the workspace',
      });
      continue;
    }
    const objects: ObjectInfo[] = [];
    await walk(client, target, objects, out.skipped);
    const files = new Map<string, Buffer>();
    let done = 0;
    await mapLimit(objects, 8, async (o) => {
      const rel = o.path.slice(target.length + 1);
      if (rel === MANIFEST_NAME) return;
      // A path the folder's listing should never give (outside it, or with . or .. segments) would
      // be written outside the repository: refused.
      if (
        !o.path.startsWith(`${target}/`) ||
        rel.split('/').some((seg) => seg === '' || seg === '.' || seg === '..')
      ) {
        out.skipped.push({ kind: 'notebook', name: o.path, reason: `not a path inside ${target}` });
        return;
      }
      try {
        const res = await client.workspace.export(o.path, 'AUTO');
        const content = Buffer.from(res.content ?? '', 'base64');
        const name =
          o.object_type === 'FILE'
            ? rel
            : `${rel}${res.file_type === 'ipynb' ? '.ipynb' : (SOURCE_EXTENSIONS[o.language ?? 'PYTHON'] ?? '.py')}`;
        if (files.has(name))
          out.skipped.push({
            kind: 'notebook',
            name: o.path,
            reason: `another object is also saved as ${name}`,
          });
        else files.set(name, content);
      } catch (err) {
        out.skipped.push({ kind: 'notebook', name: o.path, reason: `export failed: ${describeError(err)}` });
      }
      done++;
      if (done === objects.length || done % 50 === 0)
        progress(`${client.region}: exported ${done}/${objects.length} from ${target}`);
    });
    folders.push({ target, files });
  }
  return folders;
}
