/**
 * One redactor for every reporter: a secret masked once, through any one of them (as the engine
 * does through whichever reporter it was given), is hidden in everything every reporter prints —
 * log lines, annotations, outputs, summaries, groups, progress, the CLI's result and the GitHub
 * step's failure — as written, URL-encoded, JSON-escaped and in base64.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CliIO, CommandContext } from '../../src/cli/command.js';
import { publishOutcome as publishForCli } from '../../src/cli/publish.js';
import { failureOutcome } from '../../src/core/commands/failure.js';
import { outcome } from '../../src/core/commands/types.js';
import { nullLogger } from '../../src/core/logger.js';
import type { Reporter } from '../../src/core/reporter.js';
import { AzureDevOpsReporter } from '../../src/platform/ado.js';
import { failStep, finishStep, publishOutcome } from '../../src/platform/github/publish.js';
import { GitHubReporter } from '../../src/platform/github/reporter.js';
import { TerminalReporter } from '../../src/platform/terminal.js';

/** A secret that differs in every encoding, unique to one test (the secret set is the process's). */
function newSecret(): { value: string; marker: string } {
  const marker = randomBytes(6).toString('hex');
  return { value: `pa55+w/rd "q" é&${marker}`, marker };
}

/** The secret in each form a server or a proxy may send it back in, inside one line of text. */
function hostileText(secret: string): string {
  return [
    `raw ${secret}`,
    `url ${encodeURIComponent(secret)}`,
    `form ${new URLSearchParams({ v: secret }).toString()}`,
    `json ${JSON.stringify({ value: secret })}`,
    `base64 ${Buffer.from(secret).toString('base64')}`,
    `base64url ${Buffer.from(secret).toString('base64url')}`,
  ].join(' | ');
}

/** Fails naming the form when any form of the secret is in `text` (outside mask commands). */
function expectHidden(where: string, text: string, secret: { value: string; marker: string }): void {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => !l.startsWith('::add-mask::') && !l.startsWith('##vso[task.setsecret]'));
  const rest = lines.join('\n');
  expect(rest, `${where}: nothing was printed`).toContain('***');
  const forms: Record<string, string> = {
    written: secret.marker,
    'URL-encoded': encodeURIComponent(secret.value),
    'JSON-escaped': JSON.stringify(secret.value).slice(1, -1),
    base64: Buffer.from(secret.value).toString('base64').slice(4, -4),
    base64url: Buffer.from(secret.value).toString('base64url').slice(4, -4),
  };
  for (const [form, value] of Object.entries(forms)) expect(rest, `${where}: ${form}`).not.toContain(value);
}

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (d) => chunks.push(String(d)));
  return { stream, text: () => chunks.join('') };
}

/** What the GitHub reporter writes: stdout (workflow commands), the output and summary files. */
function githubCapture(): { text: () => string } {
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  return {
    text: () =>
      [
        lines.join(''),
        readFileSync(process.env.GITHUB_OUTPUT!, 'utf8'),
        readFileSync(process.env.GITHUB_STEP_SUMMARY!, 'utf8'),
      ].join('\n'),
  };
}

/** The summary file an Azure DevOps reporter uploaded (named by its uploadsummary command). */
function adoSummary(log: string): string {
  const file = /^##vso\[task\.uploadsummary\](.*)$/m.exec(log)?.[1];
  return file ? readFileSync(file, 'utf8') : '';
}

/** Everything a reporter can be told, each carrying the secret in every form. */
async function exercise(reporter: Reporter, text: string): Promise<void> {
  reporter.logger.info(text);
  reporter.logger.warning(text);
  reporter.logger.error(text);
  reporter.annotate({
    file: 'jobs/a.json',
    line: 2,
    column: 3,
    severity: 'error',
    message: text,
    pointer: '/x',
  });
  reporter.setOutput('result', JSON.stringify({ error: text }));
  await reporter.summary(`## ${text}\n`);
  reporter.progress({ region: text, kind: 'notebooks', done: 1, total: 1 });
  await reporter.group(text, async () => reporter.logger.info(text));
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'dr-redactor-'));
  vi.stubEnv('GITHUB_OUTPUT', path.join(dir, 'output'));
  vi.stubEnv('GITHUB_STEP_SUMMARY', path.join(dir, 'summary'));
  writeFileSync(process.env.GITHUB_OUTPUT!, '');
  writeFileSync(process.env.GITHUB_STEP_SUMMARY!, '');
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  process.exitCode = undefined;
});

const REGISTRARS: Record<string, () => Reporter> = {
  terminal: () => new TerminalReporter(new PassThrough()),
  'Azure DevOps': () => new AzureDevOpsReporter(new PassThrough(), dir),
  'GitHub Actions': () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const r = new GitHubReporter();
    return r;
  },
};

describe('one redactor for every reporter', () => {
  it.each(Object.keys(REGISTRARS))(
    'a secret masked through the %s reporter is hidden in the output of all three',
    async (registrar) => {
      const secret = newSecret();
      REGISTRARS[registrar]().mask(secret.value);
      vi.restoreAllMocks();
      const text = hostileText(secret.value);

      const terminal = capture();
      await exercise(new TerminalReporter(terminal.stream), text);
      expectHidden('terminal', terminal.text(), secret);

      const ado = capture();
      await exercise(new AzureDevOpsReporter(ado.stream, dir), text);
      expectHidden('Azure DevOps log', ado.text(), secret);
      expectHidden('Azure DevOps summary', adoSummary(ado.text()), secret);

      const github = githubCapture();
      const reporter = new GitHubReporter();
      await exercise(reporter, text);
      vi.restoreAllMocks();
      expectHidden('GitHub Actions', github.text(), secret);
      // What leaves another way (a PR comment, an error the REST client quotes) is redacted too.
      expect(reporter.redact(text)).not.toContain(secret.marker);
    },
  );

  it('a reporter made after the secret was registered still tells its platform every form', () => {
    const secret = newSecret();
    new TerminalReporter(new PassThrough()).mask(secret.value);
    const base64 = Buffer.from(secret.value).toString('base64');

    const ado = capture();
    const adoReporter = new AzureDevOpsReporter(ado.stream, dir);
    adoReporter.mask(secret.value);
    adoReporter.mask(secret.value);
    const told = ado
      .text()
      .split('\n')
      .filter((l) => l.startsWith('##vso[task.setsecret]'));
    expect(told).toContain(`##vso[task.setsecret]${secret.value}`);
    expect(told).toContain(`##vso[task.setsecret]${base64}`);
    expect(new Set(told).size).toBe(told.length);

    const github = githubCapture();
    const githubReporter = new GitHubReporter();
    githubReporter.mask(secret.value);
    githubReporter.mask(secret.value);
    vi.restoreAllMocks();
    const masks = github
      .text()
      .split('\n')
      .filter((l) => l.startsWith('::add-mask::'));
    expect(masks).toContain(`::add-mask::${secret.value}`);
    expect(masks).toContain(`::add-mask::${base64}`);
    expect(new Set(masks).size).toBe(masks.length);
  });

  it("a command's outcome published by the CLI (text and --json) and by an action step", async () => {
    const secret = newSecret();
    new AzureDevOpsReporter(new PassThrough(), dir).mask(secret.value);
    const text = hostileText(secret.value);
    const published = () =>
      outcome(
        'deploy',
        { command: 'deploy', regions: {}, errors: [text] },
        {
          outputs: { result: JSON.stringify({ errors: [text] }) },
          summary: `## ${text}\n`,
          text: `${text}\n`,
          exitCode: 1,
          diagnostics: [
            { file: 'a.json', line: 1, column: 1, severity: 'error', message: text, pointer: '' },
          ],
          log: [{ level: 'warning', message: text }],
          resultLog: [text, { heading: text, lines: [text] }],
          failure: text,
        },
      );

    for (const json of [false, true]) {
      for (const env of [{}, { TF_BUILD: 'True' }]) {
        const stdout = capture();
        const stderr = capture();
        const io: CliIO = { stdout: stdout.stream, stderr: stderr.stream, env, cwd: dir };
        const ctx: CommandContext = {
          io,
          values: {},
          positionals: [],
          logger: nullLogger,
          json,
          printed: false,
        };
        const reporter =
          'TF_BUILD' in env
            ? new AzureDevOpsReporter(stdout.stream, dir)
            : new TerminalReporter(stderr.stream);
        expect(await publishForCli(ctx, reporter, published())).toBe(1);
        const where = `CLI${json ? ' --json' : ''}${'TF_BUILD' in env ? ' under Azure Pipelines' : ''}`;
        expectHidden(`${where}: stdout`, stdout.text(), secret);
        if (!('TF_BUILD' in env)) expectHidden(`${where}: stderr`, stderr.text(), secret);
        if (json)
          expect(
            JSON.parse(
              stdout
                .text()
                .split('\n')
                .filter((l) => l.startsWith('{'))[0],
            ).errors,
          ).toHaveLength(1);
      }
    }

    const github = githubCapture();
    const reporter = new GitHubReporter();
    await publishOutcome(reporter, published());
    finishStep(reporter, published());
    await failStep(reporter, failureOutcome('deploy', new Error(text), { dryRun: false }));
    vi.restoreAllMocks();
    expect(process.exitCode).toBe(1);
    expectHidden('action step', github.text(), secret);
  });
});
