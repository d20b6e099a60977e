/**
 * The terminal reporter: logs and progress on stderr (stdout is reserved for results). In a TTY the
 * progress is one live line rewritten in place; elsewhere it is throttled log lines.
 */
import { type Diagnostic, formatDiagnostic } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { processRedactor, type Redactor } from '../core/redact.js';
import { formatProgress, ProgressThrottle, type ProgressUpdate, type Reporter } from '../core/reporter.js';
import { neutraliseForCi } from './neutralise.js';

export class TerminalReporter implements Reporter {
  readonly logger: Logger;
  private readonly throttle = new ProgressThrottle();
  private readonly live = new Map<string, ProgressUpdate>();
  private liveShown = false;
  private readonly tty: boolean;
  /** Under GitHub Actions (the CLI run by a `run:` step): groups become `::group::` blocks. */
  private readonly githubGroups: boolean;

  constructor(
    private readonly stderr: NodeJS.WritableStream & { isTTY?: boolean },
    options: { debug?: boolean; githubGroups?: boolean } = {},
    private readonly redactor: Redactor = processRedactor,
  ) {
    this.tty = stderr.isTTY === true;
    this.githubGroups = options.githubGroups === true;
    const line = (prefix: string) => (m: string) => this.writeLine(`${prefix}${m}`);
    this.logger = {
      debug: (m) => {
        if (options.debug) line('debug: ')(m);
      },
      info: line(''),
      warning: line('warning: '),
      error: line('error: '),
    };
  }

  private writeLine(text: string) {
    this.clearLive();
    // The CLI runs in CI logs too: nothing printed may act as a command or a terminal escape.
    this.stderr.write(`${neutraliseForCi(this.redactor.redact(text))}\n`);
    this.drawLive();
  }

  private clearLive() {
    if (this.tty && this.liveShown) this.stderr.write('\r\x1b[2K');
  }

  private drawLive() {
    if (!this.tty || this.live.size === 0) {
      this.liveShown = false;
      return;
    }
    const text = neutraliseForCi([...this.live.values()].map(formatProgress).join(' | '));
    const width = (this.stderr as { columns?: number }).columns ?? 120;
    this.stderr.write(text.length > width - 1 ? `${text.slice(0, width - 2)}…` : text);
    this.liveShown = true;
  }

  mask(secret: string): void {
    this.redactor.add(secret);
  }

  annotate(d: Diagnostic): void {
    this.writeLine(formatDiagnostic(d));
  }

  setOutput(): void {
    // A terminal has no step outputs; --json carries the result instead.
  }

  async summary(): Promise<void> {
    // The terminal prints the result itself.
  }

  progress(u: ProgressUpdate): void {
    if (this.tty) {
      this.clearLive();
      if (u.done >= u.total) this.live.delete(`${u.region}/${u.kind}`);
      else this.live.set(`${u.region}/${u.kind}`, u);
      this.drawLive();
      return;
    }
    if (this.throttle.shouldPrint(u)) this.writeLine(formatProgress(u));
  }

  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    // A terminal shows the command the user typed; a heading would only repeat it.
    if (!this.githubGroups) return fn();
    this.clearLive();
    this.stderr.write(`::group::${neutraliseForCi(this.redactor.redact(name)).replace(/\n/g, ' ')}\n`);
    try {
      return await fn();
    } finally {
      this.stderr.write('::endgroup::\n');
    }
  }

  redact(text: string): string {
    return this.redactor.redact(text);
  }
}
