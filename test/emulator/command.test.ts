import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { parseEmulatorArgs, runEmulatorCommand } from '../../src/emulator/command.js';

function streams() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => {
    out += c;
  });
  stderr.on('data', (c) => {
    err += c;
  });
  return { io: { stdout, stderr }, out: () => out, err: () => err };
}

async function json<T>(r: Response): Promise<T> {
  return (await r.json()) as T;
}

async function waitFor(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('runEmulatorCommand', () => {
  it('prints the ready line, serves, and resolves 0 when the signal aborts', async () => {
    const s = streams();
    const abort = new AbortController();
    const done = runEmulatorCommand(
      ['--workspace', 'primary=0', '--workspace', 'secondary=0', '--token', 'dapi-test'],
      s.io,
      abort.signal,
    );
    await waitFor(() => s.out().includes('\n'));
    const line = s.out().trim();
    expect(line).toMatch(
      /^emulator ready primary=http:\/\/127\.0\.0\.1:\d+ secondary=http:\/\/127\.0\.0\.1:\d+$/,
    );
    const primary = /primary=(\S+)/.exec(line)![1];
    const res = await fetch(`${primary}/api/2.2/jobs/list`, {
      headers: { authorization: 'Bearer dapi-test' },
    });
    expect(res.status).toBe(200);
    expect(s.err()).toContain('workspace primary');
    abort.abort();
    await expect(done).resolves.toBe(0);
    await expect(fetch(`${primary}/api/2.2/jobs/list`)).rejects.toThrow();
  });

  it('prints JSON with --json', async () => {
    const s = streams();
    const abort = new AbortController();
    const done = runEmulatorCommand(['--workspace', 'primary=0', '--json'], s.io, abort.signal);
    await waitFor(() => s.out().includes('\n'));
    const ready = JSON.parse(s.out());
    expect(ready.workspaces).toEqual([
      { name: 'primary', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), token: 'dapi-emulator' },
    ]);
    abort.abort();
    await expect(done).resolves.toBe(0);
  });

  it('logs every request to stderr with --verbose', async () => {
    const s = streams();
    const abort = new AbortController();
    const done = runEmulatorCommand(['--workspace', 'primary=0', '--verbose'], s.io, abort.signal);
    await waitFor(() => s.out().includes('\n'));
    const url = /primary=(\S+)/.exec(s.out())![1];
    await fetch(`${url}/api/2.2/jobs/list`, { headers: { authorization: 'Bearer dapi-emulator' } });
    await waitFor(() => s.err().includes('GET /api/2.2/jobs/list'));
    expect(s.err()).toMatch(/primary: GET \/api\/2\.2\/jobs\/list → 200/);
    abort.abort();
    await expect(done).resolves.toBe(0);
  });

  it('prints help', async () => {
    const s = streams();
    await expect(runEmulatorCommand(['--help'], s.io)).resolves.toBe(0);
    expect(s.out()).toContain('--workspace NAME=PORT');
  });

  it('applies --faults, --latency-ms, --rate-limits and --read-only', () => {
    const parsed = parseEmulatorArgs([
      '--workspace',
      'a=8001',
      '--workspace',
      'b=0',
      '--faults',
      '{"seed":7,"rules":[{"fault":"429","p":0.1}]}',
      '--latency-ms',
      '25',
      '--rate-limits',
      'off',
      '--read-only',
      'b',
      '--not-found-status',
      '404',
    ]);
    expect(parsed.options).toMatchObject({
      workspaces: [
        { name: 'a', port: 8001 },
        { name: 'b', port: 0 },
      ],
      faults: { seed: 7, rules: [{ fault: '429', p: 0.1 }] },
      latencyMs: 25,
      rateLimits: 'off',
      notFoundStatus: 404,
    });
    expect(parsed.readOnly).toEqual(['b']);
  });

  it.each([
    [[], /at least one --workspace/],
    [['--workspace', 'primary'], /invalid --workspace/],
    [['--workspace', 'primary=99999'], /invalid port/],
    [['--workspace', 'a=0', '--workspace', 'a=0'], /given twice/],
    [['--workspace', 'a=8001', '--workspace', 'b=8001'], /port 8001/],
    [['--workspace', 'a=0', '--latency-ms', 'soon'], /--latency-ms/],
    [['--workspace', 'a=0', '--rate-limits', 'strict'], /--rate-limits/],
    [['--workspace', 'a=0', '--faults', '{nope'], /not valid JSON/],
    [['--workspace', 'a=0', '--faults', '{"rules":[{"fault":"500"}]}'], /invalid --faults/],
    [['--workspace', 'a=0', '--read-only', 'b'], /no such workspace/],
    [['--workspace', 'a=0', '--bogus'], /bogus/],
    [['--workspace', 'a=0', 'extra'], /unexpected argument/],
  ])('rejects %j with a UsageError', async (argv, message) => {
    const s = streams();
    const error = await runEmulatorCommand(argv, s.io).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toMatch(message);
    expect((error as UsageError).hint ?? '').toBeTypeOf('string');
  });
});

describe('emulator process', () => {
  const hooks = fileURLToPath(new URL('./ts-hooks.mjs', import.meta.url));
  const command = fileURLToPath(new URL('../../src/emulator/command.js', import.meta.url));

  function start(args: string[]): {
    child: ChildProcess;
    ready: Promise<string>;
    exited: Promise<number | null>;
  } {
    const script = `const { runEmulatorCommand } = await import(${JSON.stringify(command)});
process.exitCode = await runEmulatorCommand(${JSON.stringify(args)}, { stdout: process.stdout, stderr: process.stderr });`;
    const child = spawn(
      process.execPath,
      [
        '--experimental-transform-types',
        '--no-warnings',
        '--import',
        hooks,
        '--input-type=module',
        '-e',
        script,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stderr?.on('data', (c) => {
      err += c;
    });
    const ready = new Promise<string>((resolve, reject) => {
      child.stdout?.on('data', (c) => {
        out += c;
        if (out.includes('\n')) resolve(out.trim());
      });
      child.on('exit', () => reject(new Error(`exited before ready: ${err}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, ready, exited };
  }

  it('exits 0 on SIGTERM and SIGINT, keeping state in --state-dir; survives SIGKILL after the debounce', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-cli-'));
    try {
      const first = start(['--workspace', 'primary=0', '--state-dir', dir, '--json']);
      const url = JSON.parse(await first.ready).workspaces[0].url;
      const headers = { authorization: 'Bearer dapi-emulator', 'content-type': 'application/json' };
      const created = await fetch(`${url}/api/2.2/jobs/create`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: 'survivor' }),
      }).then((r) => json<{ job_id: number }>(r));
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      const second = start(['--workspace', 'primary=0', '--state-dir', dir, '--json']);
      const url2 = JSON.parse(await second.ready).workspaces[0].url;
      const job = await fetch(`${url2}/api/2.2/jobs/get?job_id=${created.job_id}`, { headers }).then((r) =>
        json<{ settings: { name: string } }>(r),
      );
      expect(job.settings.name).toBe('survivor');
      await fetch(`${url2}/api/2.0/secrets/scopes/create`, {
        method: 'POST',
        headers,
        body: '{"scope":"after"}',
      });
      // Past the write debounce, a hard kill loses nothing.
      await new Promise((r) => setTimeout(r, 400));
      second.child.kill('SIGKILL');
      await second.exited;

      const third = start(['--workspace', 'primary=0', '--state-dir', dir, '--json']);
      const url3 = JSON.parse(await third.ready).workspaces[0].url;
      const scopes = await fetch(`${url3}/api/2.0/secrets/scopes/list`, { headers }).then((r) =>
        json<{ scopes: { name: string }[] }>(r),
      );
      expect(scopes.scopes.map((s) => s.name)).toEqual(['after']);
      third.child.kill('SIGINT');
      expect(await third.exited).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
