/**
 * A secret value missing from the environment stops a command before it reads or writes a region,
 * and the message says what did not happen for that command: a plan never writes, so it does not
 * say "nothing was written" (noticed in issue 18: `plan` right after `import`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { SECRET_VALUES, type TwoRegions, twoRegions } from '../helpers/project.js';

let setup: TwoRegions | undefined;
afterEach(async () => {
  await setup?.emulator.stop();
  setup = undefined;
});

describe('a secret value missing from the environment', () => {
  it('stops plan ("nothing was planned") and deploy ("nothing was written") before any request', async () => {
    setup = await twoRegions();
    const missing = Object.keys(SECRET_VALUES)[0];
    const env = { ...setup.env };
    delete env[missing];
    for (const [command, said] of [
      ['plan', 'nothing was planned'],
      ['deploy', 'nothing was written'],
    ]) {
      const run = await runCli([command, '--config', setup.configFile], { env, cwd: setup.dir });
      expect(run.code, run.stderr).not.toBe(0);
      const output = run.stdout + run.stderr;
      expect(output).toContain(`${said}:`);
      expect(output).toContain(`secret values missing from the environment: ${missing}`);
      expect(output).not.toContain(command === 'plan' ? 'nothing was written' : 'nothing was planned');
    }
    for (const ws of setup.emulator.workspaces) expect(ws.requests()).toEqual([]);
  }, 60_000);

  it('a value over 128 KB stops the deploy before any request, named without its value', async () => {
    setup = await twoRegions();
    const [name] = Object.keys(SECRET_VALUES);
    const value = `Big-${'q'.repeat(128 * 1024)}`;
    const env = { ...setup.env, [name]: value };
    const run = await runCli(['deploy', '--config', setup.configFile], { env, cwd: setup.dir });
    expect(run.code).not.toBe(0);
    const output = run.stdout + run.stderr;
    expect(output).toContain('nothing was written:');
    expect(output).toContain(`secret values over Databricks' limit of 131,072 bytes (128 KB): ${name}`);
    expect(output).toContain('131,076 bytes');
    expect(output).not.toContain('qqqqqqqq');
    for (const ws of setup.emulator.workspaces) expect(ws.requests()).toEqual([]);
  }, 60_000);
});
