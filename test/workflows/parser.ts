/**
 * GitHub's own workflow and action parser (@actions/workflow-parser, the one behind the Actions
 * language service), wrapped for tests. Its ESM dist imports JSON without import attributes, which
 * Node refuses (ERR_IMPORT_ATTRIBUTE_MISSING) and Vitest does too for an externalized dependency
 * (ci-conventions §7: it works when bundled). So it is bundled here with esbuild, once per run, and
 * the bundle is imported.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as WorkflowParser from '@actions/workflow-parser';
import type { WorkflowTemplate } from '@actions/workflow-parser';
import type * as ActionParser from '@actions/workflow-parser/actions/action-parser';
import type { FileReference } from '@actions/workflow-parser/workflows/file-reference';
import { build } from 'esbuild';
import { ROOT } from '../helpers/runner.js';

type Parser = typeof WorkflowParser & Pick<typeof ActionParser, 'parseAction'>;

async function loadParser(): Promise<Parser> {
  const out = await build({
    stdin: {
      contents:
        "export * from '@actions/workflow-parser';\nexport { parseAction } from '@actions/workflow-parser/actions/action-parser';\n",
      resolveDir: ROOT,
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
  });
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'workflow-parser-')), 'index.mjs');
  writeFileSync(file, out.outputFiles[0].text);
  return (await import(pathToFileURL(file).href)) as Parser;
}

export const parser: Parser = await loadParser();
const { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow, parseAction } = parser;

export interface ParseOutcome {
  errors: string[];
  template?: WorkflowTemplate;
}

const trace = new NoOperationTraceWriter();

export { actionFiles, yamlFiles } from './files.js';

/**
 * Parses and converts a workflow the way GitHub does. Reusable workflows referenced as
 * `<owner>/databricks-dr-actions/.github/workflows/<x>.yml@<ref>` are served from this checkout, so a
 * caller is checked against the inputs and secrets our reusable workflows declare.
 */
export async function parseWorkflowFile(file: string): Promise<ParseOutcome> {
  const content = readFileSync(path.join(ROOT, file), 'utf8');
  const parsed = parseWorkflow({ name: file, content }, trace);
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (!parsed.value) return { errors: errors.length > 0 ? errors : ['no workflow parsed'] };
  const template = await convertWorkflowTemplate(
    parsed.context,
    parsed.value,
    {
      async getFileContent(ref: FileReference) {
        const local =
          'repository' in ref
            ? ref.repository === 'databricks-dr-actions'
              ? ref.path
              : undefined
            : ref.path;
        if (!local) throw new Error(`unexpected reusable workflow ${JSON.stringify(ref)}`);
        return { name: local, content: readFileSync(path.join(ROOT, local), 'utf8') };
      },
    },
    { fetchReusableWorkflowDepth: 1 },
  );
  return {
    errors: [...errors, ...(template.errors ?? []).map((e) => e.Message)],
    template,
  };
}

export function parseActionFile(file: string): string[] {
  const content = readFileSync(path.join(ROOT, file), 'utf8');
  const parsed = parseAction({ name: file, content }, trace);
  const errors = parsed.context.errors.getErrors().map((e) => e.message);
  if (!parsed.value) errors.push('no action parsed');
  return errors;
}
