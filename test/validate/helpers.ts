/** Temp repositories for validation tests: files written from inline strings, removed after. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { type Diagnostic, formatDiagnostic } from '../../src/core/errors.js';
import type { ValidationReport } from '../../src/core/validate/index.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Writes `files` (path → content) into a fresh temp folder and returns it. */
export function tree(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'dr-validate-'));
  dirs.push(dir);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}

/** A two-region config; `extra` is appended (YAML). Line 1 is `version: 1`. */
export function config(extra = ''): string {
  return `version: 1
name: test-platform
regions:
  primary:
    host: https://adb-1111111111111111.11.azuredatabricks.net
    role: active
    auth: { type: azure-oidc, tenant_id: tenant, client_id: client }
    variables: { env: east, workers: 4, photon: "true", warehouse: wh-east }
  secondary:
    host: https://adb-2222222222222222.2.azuredatabricks.net
    role: passive
    auth: { type: azure-oidc, tenant_id: tenant, client_id: client }
    variables: { env: west, workers: 2, photon: "false", warehouse: wh-west }
notebooks:
  - { source: notebooks, target: /Shared/app }
jobs: [jobs/*.json]
clusters: [clusters/*.json]
secret_scopes: [secret-scopes/*.json]
${extra}`;
}

/** A valid cluster file named `name`. */
export function clusterFile(name = 'shared'): string {
  return JSON.stringify(
    {
      cluster_name: name,
      spark_version: '15.4.x-scala2.12',
      node_type_id: 'Standard_DS3_v2',
      num_workers: 2,
    },
    null,
    2,
  );
}

/** The report rendered as `formatDiagnostic` lines. */
export function lines(report: ValidationReport): string[] {
  return report.diagnostics.map(formatDiagnostic);
}

export function errors(report: ValidationReport): Diagnostic[] {
  return report.diagnostics.filter((d) => d.severity === 'error');
}

/** The one diagnostic whose message contains `text` (fails the test otherwise). */
export function find(report: ValidationReport, text: string): Diagnostic {
  const found = report.diagnostics.filter((d) => d.message.includes(text));
  if (found.length !== 1) {
    throw new Error(
      `expected one diagnostic containing ${JSON.stringify(text)}, found ${found.length}:\n${lines(report).join('\n')}`,
    );
  }
  return found[0];
}

/** `file:line:column` of a diagnostic. */
export function at(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}`;
}
