/**
 * drift: each region against git. The plan already knows every difference (a create is a missing
 * object, an update one that differs, with its fields); drift adds what the workspace holds that
 * git does not (unmanaged), and with --deep exports every notebook to compare its content.
 */
import { readFileSync } from 'node:fs';
import { comparableNotebook } from '../assets/notebooks/index.js';
import { isNotFound } from '../client/index.js';
import { deployWith } from '../engine/run.js';
import type { CommandResult, DriftItem, RegionResult } from '../plan/types.js';
import { type DeployOptions, type PreparedRun, prepareRun } from '../session/prepare.js';
import { mapLimit } from '../util.js';

export interface DriftOptions extends DeployOptions {
  /** Export every notebook and compare its content, not only hashes and modification times. */
  deep?: boolean;
}

function itemsOf(r: RegionResult): DriftItem[] {
  const items: DriftItem[] = [];
  for (const c of r.changes) {
    if (c.part === 'acl' && c.action !== 'create' && c.action !== 'delete') {
      items.push({ kind: c.kind, name: c.name, status: 'differs', fields: ['permission'] });
      continue;
    }
    switch (c.action) {
      case 'create':
        items.push({ kind: c.kind, name: c.name, status: 'missing' });
        break;
      case 'delete':
        items.push({ kind: c.kind, name: c.name, status: 'unmanaged' });
        break;
      case 'update':
        items.push({ kind: c.kind, name: c.name, status: 'differs', fields: c.fields ?? ['content'] });
        break;
      case 'terminate':
      case 'stop':
        items.push({
          kind: c.kind,
          name: c.name,
          status: 'differs',
          fields: ['state (running in a passive region)'],
        });
        break;
      case 'pin':
        items.push({ kind: c.kind, name: c.name, status: 'differs', fields: ['is_pinned'] });
        break;
      default:
        items.push({ kind: c.kind, name: c.name, status: 'differs', fields: c.fields ?? [c.action] });
    }
  }
  for (const u of r.unmanaged ?? []) items.push({ kind: u.kind, name: u.name, status: 'unmanaged' });
  return items;
}

export async function runDrift(options: DriftOptions): Promise<CommandResult> {
  // One session serves the plan and the exports: validated, masked and authenticated once.
  const run = await prepareRun(options);
  try {
    const plan = await deployWith(run, { ...options, dryRun: true });
    // Drift reads through a plan, but is not a dry run of anything.
    const { dry_run: _, ...read } = plan;
    const result: CommandResult = { ...read, command: 'drift' };
    for (const r of Object.values(result.regions)) {
      r.drift = itemsOf(r);
      const unchanged = Object.values(r.unchanged).reduce((a, b) => a + (b ?? 0), 0);
      r.inSync = unchanged;
    }
    if (options.deep) await deepCompare(run, result);
    result.drift = Object.values(result.regions).some(
      (r) => (r.drift?.length ?? 0) > 0 || r.status === 'unreachable',
    );
    return result;
  } finally {
    for (const c of run.clients.values()) c.close();
  }
}

/** Exports every deployed notebook in every reachable region and compares it with the repo's file. */
async function deepCompare(run: PreparedRun, result: CommandResult): Promise<void> {
  await Promise.all(
    run.regions.map(async (region) => {
      const r = result.regions[region.name];
      const client = run.clients.get(region.name);
      if (!r || !client || r.status === 'unreachable') return;
      const flagged = new Set((r.drift ?? []).filter((d) => d.kind === 'notebook').map((d) => d.name));
      const entries = run.project.notebooks.filter((e) => !flagged.has(e.workspacePath));
      await mapLimit(entries, 8, async (entry) => {
        const format =
          entry.format === 'JUPYTER' ? 'JUPYTER' : entry.objectType === 'NOTEBOOK' ? 'SOURCE' : 'AUTO';
        try {
          const remote = await client.workspace.exportContent(entry.workspacePath, format);
          if (comparableNotebook(entry, remote) !== comparableNotebook(entry, readFileSync(entry.file))) {
            r.drift!.push({
              kind: 'notebook',
              name: entry.workspacePath,
              status: 'differs',
              fields: ['content'],
            });
            r.inSync = Math.max(0, (r.inSync ?? 0) - 1);
          }
        } catch (err) {
          if (!isNotFound(err)) throw err;
          r.drift!.push({ kind: 'notebook', name: entry.workspacePath, status: 'missing' });
        }
      });
    }),
  );
}

export function renderDriftText(result: CommandResult): string {
  const lines: string[] = (result.warnings ?? []).map((w) => `warning: ${w}`);
  for (const [name, r] of Object.entries(result.regions)) {
    const head = `${name} (${r.role ?? 'role unknown'}${r.epoch !== undefined ? `, epoch ${r.epoch}` : ''})`;
    if (r.status === 'unreachable') {
      lines.push(`${head}: unreachable${r.errors[0] ? ` — ${r.errors[0]}` : ''}`);
      continue;
    }
    const items = r.drift ?? [];
    lines.push(
      `${head}: ${items.length === 0 ? 'in sync' : `${items.length} drifted`} (${r.inSync ?? 0} in sync)`,
    );
    for (const d of items)
      lines.push(`  ${d.status.padEnd(9)} ${d.kind} ${d.name}${d.fields ? ` (${d.fields.join(', ')})` : ''}`);
    for (const e of r.errors) lines.push(`  error: ${e}`);
  }
  return `${lines.join('\n')}\n`;
}

export function renderDriftMarkdown(result: CommandResult): string {
  const out = ['## databricks-dr drift', ''];
  for (const [name, r] of Object.entries(result.regions)) {
    const items = r.drift ?? [];
    out.push(
      `### ${name} (${r.role ?? 'role unknown'}): ${r.status === 'unreachable' ? 'unreachable' : items.length === 0 ? 'in sync' : `${items.length} drifted`}`,
      '',
    );
    if (items.length > 0) {
      out.push('| status | kind | name | what differs |', '|---|---|---|---|');
      for (const d of items)
        out.push(
          `| ${d.status} | ${d.kind} | \`${d.name.replace(/\|/g, '\\|')}\` | ${(d.fields ?? []).join(', ')} |`,
        );
      out.push('');
    }
    out.push(`In sync: ${r.inSync ?? 0}.`, '');
    for (const e of r.errors) out.push(`> [!CAUTION]\n> ${e}`, '');
  }
  return `${out.join('\n')}\n`;
}
