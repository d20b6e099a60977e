/**
 * The plan names what it changes as a reader would: a secret is a secret, an ACL entry is an ACL
 * entry, and the secondary's jobs are created passive.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/core/plan/render.js';
import { runCli } from '../helpers/cli.js';
import { type TwoRegions, twoRegions } from '../helpers/project.js';

let setup: TwoRegions | undefined;
afterEach(async () => {
  await setup?.emulator.stop();
  setup = undefined;
});

describe('plan wording', () => {
  it('names secrets and ACLs as such and marks passive creates', async () => {
    setup = await twoRegions();
    const plan = await runCli(['plan'], { env: setup.env, cwd: setup.dir });
    expect(plan.code, plan.stderr).toBe(0);
    const lines = plan.stdout.split('\n');
    const secondary = lines.slice(lines.findIndex((l) => l.startsWith('secondary')));
    const primary = lines.slice(
      0,
      lines.findIndex((l) => l.startsWith('secondary')),
    );

    expect(plan.stdout).toContain('  + create secret scope app\n');
    expect(plan.stdout).toContain('  + create secret app/hive-password\n');
    expect(plan.stdout).toContain('  + create secret scope ACL app: users\n');
    expect(plan.stdout).toContain('  + create secret scope ACL app: sales-data-engineers\n');
    expect(plan.stdout).not.toMatch(/secret scope app\/|acl users/);

    expect(secondary).toContain('  + create job daily-sales-etl (passive)');
    expect(primary).toContain('  + create job daily-sales-etl');
    expect(primary.some((l) => l.includes('(passive)'))).toBe(false);

    // The job summary and PR comment render the --json result the same way.
    const json = await runCli(['plan', '--json'], { env: setup.env, cwd: setup.dir });
    const markdown = renderMarkdown(JSON.parse(json.stdout));
    expect(markdown).toContain('| + | secret | `app/orders-api-key` | create |');
    expect(markdown).toContain('| + | secret scope ACL | `app: users` | create |');
    expect(markdown).toContain('| + | job | `daily-sales-etl` | create (passive) |');
  });
});
