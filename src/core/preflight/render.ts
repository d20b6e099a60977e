/** How preflight's checks read: in a region's result, as Markdown (a job summary) and as text. */
import type { RegionResult } from '../plan/types.js';
import type { PreflightCheck } from './types.js';

export function regionReady(checks: PreflightCheck[]): boolean {
  return checks.every((c) => c.status !== 'fail');
}

/** Records a region's checks in its result: failures become errors with their fix. */
export function recordChecks(result: RegionResult, checks: PreflightCheck[]): void {
  result.checks = checks;
  for (const c of checks) {
    const line = `preflight ${c.check}: ${c.detail}${c.fix ? ` — ${c.fix}` : ''}`;
    if (c.status === 'fail') result.errors.push(line);
    else if (c.status === 'warn') result.warnings.push(line);
  }
  if (!regionReady(checks) && result.status === 'ok') result.status = 'failed';
}

export function renderChecksMarkdown(regions: Record<string, RegionResult>): string {
  const icon = { ok: '✅', warn: '⚠️', fail: '❌' } as const;
  const out = ['## databricks-dr preflight', ''];
  for (const [name, r] of Object.entries(regions)) {
    out.push(
      `### ${name}: ${r.status === 'unreachable' ? 'unreachable' : regionReady(r.checks ?? []) ? 'ready' : 'not ready'}`,
      '',
    );
    if (r.checks && r.checks.length > 0) {
      out.push('| | check | result | what to do |', '|---|---|---|---|');
      for (const c of r.checks)
        out.push(
          `| ${icon[c.status]} | ${c.check} | ${c.detail.replace(/\|/g, '\\|')} | ${(c.fix ?? '').replace(/\|/g, '\\|')} |`,
        );
      out.push('');
    }
    for (const e of r.status === 'unreachable' ? r.errors : []) out.push(`> [!CAUTION]\n> ${e}`, '');
  }
  return `${out.join('\n')}\n`;
}

export function renderChecksText(regions: Record<string, RegionResult>): string {
  const mark = { ok: 'ok  ', warn: 'warn', fail: 'FAIL' } as const;
  const lines: string[] = [];
  for (const [name, r] of Object.entries(regions)) {
    lines.push(
      `${name}: ${r.status === 'unreachable' ? 'unreachable' : regionReady(r.checks ?? []) ? 'ready' : 'NOT READY'}`,
    );
    for (const c of r.checks ?? []) {
      lines.push(`  ${mark[c.status]} ${c.check}: ${c.detail}`);
      if (c.fix && c.status !== 'ok') lines.push(`       fix: ${c.fix}`);
    }
    if (r.status === 'unreachable') for (const e of r.errors) lines.push(`  ${e}`);
  }
  return `${lines.join('\n')}\n`;
}
