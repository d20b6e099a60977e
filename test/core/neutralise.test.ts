/**
 * Names and server messages printed by each reporter never act as a CI command: `##vso[` and `##[`
 * for Azure Pipelines (anywhere in a line), `::` at the start of a line for GitHub Actions, and no
 * control or bidi character reaches the log.
 */
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AzureDevOpsReporter } from '../../src/platform/ado.js';
import { GitHubReporter } from '../../src/platform/github/reporter.js';
import { neutraliseForCi, neutralisingStream, rawStream } from '../../src/platform/neutralise.js';
import { TerminalReporter } from '../../src/platform/terminal.js';
import { parseLoggingCommands } from '../ado/agent.js';

const HOSTILE = [
  'notebook a',
  '##vso[task.setvariable variable=X]v',
  '  ::set-output name=y::v',
  '::add-mask::',
  'x ##VSO[task.complete result=Failed] y ##[group]g',
  'esc \u001b[2J bidi \u202e nul \u0000',
].join('\n');

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (d) => chunks.push(String(d)));
  return { stream, text: () => chunks.join('') };
}

/** No line a CI would act on, and no control or bidi character except newlines. */
function expectInert(text: string, ours: RegExp = /^$/): void {
  for (const line of text.split('\n')) {
    if (ours.test(line)) continue;
    expect(line, line).not.toMatch(/##vso\[|##\[/i);
    expect(line, line).not.toMatch(/^\s*::/);
  }
  expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
}

describe('neutraliseForCi', () => {
  it('breaks every command form and escapes control characters, keeping the text readable', () => {
    const out = neutraliseForCi(HOSTILE);
    expectInert(out);
    expect(out).toContain('##vso [task.setvariable variable=X]v');
    expect(out).toContain('  : :set-output name=y::v');
    expect(out).toContain('esc \\u001b[2J bidi \\u202e nul \\u0000');
    expect(neutraliseForCi(out)).toBe(out);
    expect(neutraliseForCi('plain text: a::b, 50% done')).toBe('plain text: a::b, 50% done');
  });

  it('wraps a stream and gives the original back', () => {
    const { stream, text } = capture();
    const safe = neutralisingStream(stream);
    safe.write(HOSTILE);
    expect(rawStream(safe)).toBe(stream);
    expectInert(text());
  });
});

describe('reporters', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('Azure DevOps: only our own commands are commands', async () => {
    const { stream, text } = capture();
    const r = new AzureDevOpsReporter(stream);
    r.logger.info(HOSTILE);
    r.logger.warning(HOSTILE);
    r.logger.error(HOSTILE);
    r.progress({ region: HOSTILE, kind: 'notebooks', done: 1, total: 1 });
    r.annotate({ file: 'a.json', line: 1, column: 1, severity: 'error', message: HOSTILE, pointer: '' });
    await r.group(HOSTILE, async () => undefined);
    const commands = parseLoggingCommands(text());
    expect(commands.map((c) => c.area)).toEqual(['task.logissue', 'task.logissue', 'task.logissue']);
    expect(commands.every((c) => !c.message.includes('##vso['))).toBe(true);
    expect(commands.some((c) => c.properties.variable === 'X')).toBe(false);
    expectInert(text(), /^(##vso\[task\.logissue [^\]]*\]|##\[(group|endgroup)\])/);
    for (const line of text().split('\n'))
      expect(line.replace(/^(##vso\[task\.logissue [^\]]*\]|##\[(group|endgroup)\])/, '')).not.toMatch(
        /##vso\[|##\[/i,
      );
  });

  it('GitHub Actions: no line printed by info, progress or the annotation overflow starts a command', async () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const r = new GitHubReporter();
    r.logger.info(HOSTILE);
    r.logger.debug(HOSTILE);
    r.progress({ region: HOSTILE, kind: 'notebooks', done: 1, total: 1 });
    for (let i = 0; i < 11; i++)
      r.annotate({ file: 'a.json', line: 1, column: 1, severity: 'error', message: HOSTILE, pointer: '' });
    await r.group(HOSTILE, async () => undefined);
    vi.restoreAllMocks();
    const text = lines.join('');
    // Our own commands: ::debug, ::error, ::group, ::endgroup, each on one line of its own.
    const ours = /^::(debug|error [^:]*|group|endgroup)::/;
    expectInert(text, ours);
    for (const line of text.split('\n').filter((l) => ours.test(l))) expect(line).not.toContain('\n');
    expect(text).not.toMatch(/^\s*::set-output/m);
    expect(text).not.toMatch(/^::add-mask::/m);
  });

  it('terminal: the CLI outside Azure Pipelines prints nothing that acts', () => {
    const { stream, text } = capture();
    const r = new TerminalReporter(stream);
    r.logger.error(HOSTILE);
    r.annotate({ file: 'a.json', line: 1, column: 1, severity: 'error', message: HOSTILE, pointer: '' });
    expectInert(text());
  });
});
