/**
 * The failover runbook's rehearsal block runs as written: extracted from docs/failover-runbook.md
 * and executed by bash from the repository root, with the repository's Node (node_modules/.bin),
 * the built CLI (dist/cli), and only its fixed ports and /tmp folders moved to free ones so that
 * parallel runs do not collide.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/runner.js';

/** The first ```sh block after a heading. */
function shBlockAfter(file: string, heading: string): string {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const from = text.indexOf(`\n${heading}\n`);
  const start = text.indexOf('```sh\n', from);
  const end = text.indexOf('\n```', start + 6);
  if (from < 0 || start < 0 || end < 0) throw new Error(`no sh block after ${heading} in ${file}`);
  return text.slice(start + 6, end + 1);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const BUILT = existsSync(path.join(ROOT, 'dist/cli/index.js'));

describe('docs/failover-runbook.md', () => {
  it.runIf(BUILT)('the rehearsal block runs to the end as written', { timeout: 240_000 }, async () => {
    const block = shBlockAfter('docs/failover-runbook.md', '## Rehearsing');
    const [primary, secondary] = [await freePort(), await freePort()];
    const tmp = mkdtempSync(path.join(tmpdir(), 'runbook-'));
    // Only where the block runs moves: ports (the example config's hosts follow through the
    // documented DATABRICKS_DR_HOST_* variables) and its /tmp folders.
    const script = block
      .replaceAll('8001', String(primary))
      .replaceAll('8002', String(secondary))
      .replaceAll('/tmp/dr-rehearsal', path.join(tmp, 'rehearsal'))
      .replaceAll('/tmp/dr-state', path.join(tmp, 'state'));
    const guarded = `set -e\ntrap 'kill $PRIMARY $SECONDARY 2>/dev/null || true' EXIT\n${script}`;
    const run = spawnSync('bash', ['-c', guarded], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 220_000,
      env: {
        PATH: process.env.PATH,
        HOME: tmp,
        DATABRICKS_DR_HOST_PRIMARY: `http://127.0.0.1:${primary}`,
        DATABRICKS_DR_HOST_SECONDARY: `http://127.0.0.1:${secondary}`,
      },
    });
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.status, output.slice(-4000)).toBe(0);
    expect(output).toMatch(/secondary accepted runs \d+ ms after the start/);
    expect(output).toMatch(/warning: region primary was active at epoch 0; .*: fenced/);
    expect(output).toContain('primary (passive, epoch 1): in sync');
    expect(output).toMatch(/primary accepted runs \d+ ms after the start/);
  });
});
