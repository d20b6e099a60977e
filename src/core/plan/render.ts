/** Human forms of a command result: plain text for terminals, markdown for job summaries and PR comments. */
import type { LogGroup } from '../reporter.js';
import type { AssetKind, Change, CommandResult, RegionResult } from './types.js';

const SYMBOL: Record<Change['action'], string> = {
  create: '+',
  update: '~',
  delete: '-',
  passivate: '↓',
  activate: '↑',
  terminate: '■',
  start: '▶',
  stop: '■',
  pin: '⚲',
  'cancel-runs': '✕',
};

const KIND: Record<AssetKind | 'region', [string, string]> = {
  region: ['region', 'regions'],
  secret_scope: ['secret scope', 'secret scopes'],
  notebook: ['notebook', 'notebooks'],
  cluster: ['cluster', 'clusters'],
  pipeline: ['pipeline', 'pipelines'],
  job: ['job', 'jobs'],
};

function plural(kind: AssetKind, n: number): string {
  return `${n} ${KIND[kind][n === 1 ? 0 : 1]}`;
}

function unchangedText(r: RegionResult): string {
  const parts = (Object.entries(r.unchanged) as Array<[AssetKind, number]>)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => plural(k, n));
  return parts.length > 0 ? parts.join(', ') : 'nothing';
}

function regionHeading(name: string, r: RegionResult): string {
  const role = r.role ? `${r.role}${r.epoch !== undefined ? `, epoch ${r.epoch}` : ''}` : 'role unknown';
  return `${name} (${role}): ${r.status}${r.unfenced ? ', UNFENCED' : ''}`;
}

/**
 * What a change is about, as a reader names it: a secret (`scope/key`) or an ACL entry of a secret
 * scope is not "a secret scope"; a passive create says so.
 */
function subjectOf(c: Change): { kind: string; name: string; details: string[] } {
  const details = [...(c.action === 'create' && c.passive ? ['passive'] : []), ...(c.fields ?? [])];
  if (c.kind === 'secret_scope' && c.part === 'secret')
    return { kind: 'secret', name: `${c.object}/${c.key}`, details };
  if (c.kind === 'secret_scope' && c.part === 'acl')
    return { kind: 'secret scope ACL', name: `${c.object}: ${c.principal}`, details };
  return { kind: KIND[c.kind][0], name: c.name, details };
}

function changeText(c: Change, planned: boolean): string {
  const subject = subjectOf(c);
  const fields = subject.details.length > 0 ? ` (${subject.details.join(', ')})` : '';
  const status = planned ? '' : `  [${c.status}]`;
  const error = c.error ? `: ${c.error}` : '';
  return `${SYMBOL[c.action]} ${c.action} ${subject.kind} ${subject.name}${fields}${status}${error}`;
}

/** What a dry run other than plan says first (plan says "plan" already). */
export function dryRunNote(result: CommandResult): string | undefined {
  if (!result.dry_run || result.command === 'plan') return undefined;
  const would = result.would_activate ? `; a real run would make ${result.would_activate} active` : '';
  return `dry run: nothing was written${would}`;
}

export function renderText(result: CommandResult): string {
  const planned = result.command === 'plan' || result.dry_run === true;
  const note = dryRunNote(result);
  const lines: string[] = [...(note ? [note] : []), ...(result.warnings ?? []).map((w) => `warning: ${w}`)];
  for (const [name, r] of Object.entries(result.regions)) {
    lines.push(regionHeading(name, r));
    // A region stopped before it was read (refused, skipped) has no changes or counts to report:
    // its error or warning says why.
    const read = r.status === 'ok' || r.changes.length > 0 || Object.keys(r.unchanged).length > 0;
    if (r.changes.length === 0 && read) lines.push(planned ? '  no changes' : '  nothing to change');
    for (const c of r.changes) lines.push(`  ${changeText(c, planned)}`);
    if (read && result.command !== 'failover') lines.push(`  unchanged: ${unchangedText(r)}`);
    for (const w of r.warnings) lines.push(`  warning: ${w}`);
    for (const e of r.errors) lines.push(`  error: ${e}`);
  }
  return `${lines.join('\n')}\n`;
}

/** What the counts of one region's changes are called: done, or (plan, dry run) to be done. */
const TALLY: Array<[(c: Change) => boolean, string, string]> = [
  [(c) => c.action === 'create', 'created', 'to create'],
  [(c) => c.action === 'update', 'updated', 'to update'],
  [(c) => c.action === 'delete', 'deleted', 'to delete'],
  [(c) => c.kind === 'region' && c.action === 'passivate', 'fenced', 'to fence'],
  [(c) => c.kind === 'region' && c.action === 'activate', 'activated', 'to activate'],
];

/** One line per region: its status, what changed (counted), and counts for what needed nothing. */
export function regionResultLine(name: string, r: RegionResult, planned: boolean): string {
  const counted = (c: Change) => TALLY.some(([is]) => is(c));
  const done = (c: Change) => planned || c.status === 'applied';
  const parts = TALLY.map(([is, did, would]) => {
    const n = r.changes.filter((c) => is(c) && done(c)).length;
    return n > 0 ? `${n} ${planned ? would : did}` : '';
  }).filter(Boolean);
  const other = r.changes.filter((c) => !counted(c) && done(c)).length;
  if (other > 0) parts.push(`${other} other change${other === 1 ? '' : 's'}`);
  const failed = r.changes.filter((c) => c.status === 'failed').length;
  if (failed > 0) parts.push(`${failed} failed`);
  const changes = parts.length > 0 ? parts.join(', ') : planned ? 'no changes' : 'nothing changed';
  const unchanged = r.status === 'unreachable' ? '' : `; unchanged: ${unchangedText(r)}`;
  return `${regionHeading(name, r)} — ${changes}${unchanged}`;
}

/**
 * The result in the CI log: one collapsible group per region, headed by its short result, holding
 * each change, warning and error. The job summary has the same as tables; the log is where a
 * reader of a failed run looks first. (A dry run's note, dryRunNote, is logged before them.)
 */
export function resultLogGroups(result: CommandResult): LogGroup[] {
  const planned = result.command === 'plan' || result.dry_run === true;
  return Object.entries(result.regions).map(([name, r]) => ({
    heading: regionResultLine(name, r, planned),
    lines: [
      ...r.changes.map((c) => changeText(c, planned)),
      ...r.warnings.map((w) => `warning: ${w}`),
      ...r.errors.map((e) => `error: ${e}`),
    ],
  }));
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function renderMarkdown(result: CommandResult, title = `databricks-dr ${result.command}`): string {
  const planned = result.command === 'plan' || result.dry_run === true;
  const note = dryRunNote(result);
  const out: string[] = [
    `## ${title}${note ? ' (dry run)' : ''}`,
    '',
    ...(note ? [`> [!NOTE]\n> ${note}.`, ''] : []),
  ];
  for (const w of result.warnings ?? []) out.push(`> [!WARNING]\n> ${escapeCell(w)}`, '');
  for (const [name, r] of Object.entries(result.regions)) {
    out.push(`### ${escapeCell(regionHeading(name, r))}`, '');
    if (r.changes.length > 0) {
      out.push(planned ? '| | kind | name | change |' : '| | kind | name | change | result |');
      out.push(planned ? '|---|---|---|---|' : '|---|---|---|---|---|');
      for (const c of r.changes) {
        const subject = subjectOf(c);
        const what = `${c.action}${subject.details.length ? ` (${subject.details.join(', ')})` : ''}`;
        const cells = [SYMBOL[c.action], subject.kind, `\`${escapeCell(subject.name)}\``, escapeCell(what)];
        if (!planned) cells.push(escapeCell(c.error ? `${c.status}: ${c.error}` : c.status));
        out.push(`| ${cells.join(' | ')} |`);
      }
      out.push('');
    } else if (r.status !== 'unreachable') {
      out.push(planned ? 'No changes.' : 'Nothing to change.', '');
    }
    if (r.status !== 'unreachable' && result.command !== 'failover')
      out.push(`Unchanged: ${unchangedText(r)}.`, '');
    for (const w of r.warnings) out.push(`> [!WARNING]\n> ${escapeCell(w)}`, '');
    for (const e of r.errors) out.push(`> [!CAUTION]\n> ${escapeCell(e)}`, '');
  }
  return `${out.join('\n')}\n`;
}

/** 0 when every region is ok (or skipped); 1 otherwise (DESIGN.md exit codes). */
export function exitCodeOf(result: CommandResult): number {
  const regions = Object.values(result.regions);
  return regions.every((r) => r.status === 'ok' || r.status === 'skipped') &&
    regions.some((r) => r.status === 'ok')
    ? 0
    : 1;
}
