/**
 * Azure DevOps logging commands (the CLI speaks them when TF_BUILD is set). Escaping differs from
 * GitHub's: see azure-pipelines-task-lib taskcommand.ts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Diagnostic, formatDiagnostic } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { processRedactor, type Redactor } from '../core/redact.js';
import { formatProgress, ProgressThrottle, type ProgressUpdate, type Reporter } from '../core/reporter.js';
import { neutraliseForCi } from './neutralise.js';

export function escapeAdoMessage(s: string): string {
  return s.replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeAdoProperty(s: string): string {
  return escapeAdoMessage(s).replace(/]/g, '%5D').replace(/;/g, '%3B');
}

export class AzureDevOpsReporter implements Reporter {
  readonly logger: Logger;
  private readonly throttle = new ProgressThrottle();
  private summaryFile?: string;
  /** The forms already given to the agent's setsecret (what redacts is the process's one redactor). */
  private readonly told = new Set<string>();

  constructor(
    private readonly out: NodeJS.WritableStream,
    private readonly cwd: string = process.cwd(),
    options: { debug?: boolean } = {},
    private readonly redactor: Redactor = processRedactor,
  ) {
    this.logger = {
      debug: (m) => {
        if (options.debug) this.write('##[debug]', m);
      },
      info: (m) => this.write('', m),
      warning: (m) => this.write('##vso[task.logissue type=warning]', m, escapeAdoMessage),
      error: (m) => this.write('##vso[task.logissue type=error]', m, escapeAdoMessage),
    };
  }

  /**
   * Writes one of our commands (or none) followed by `text`: the one place where text reaches the
   * log, redacted before it is escaped (an escaped `%` or `;` would hide a secret from the redactor),
   * then neutralised so that it can never be a command itself (the agent scans whole lines).
   */
  private write(command: string, text: string, escapeText: (s: string) => string = (s) => s) {
    this.out.write(`${command}${escapeText(neutraliseForCi(this.redactor.redact(text)))}\n`);
  }

  mask(secret: string): void {
    // The command itself must carry the value, so it is written past the redactor; the agent then
    // masks every form too (its own masking of later lines is a second line of defence).
    this.redactor.add(secret);
    for (const form of this.redactor.formsOf(secret)) {
      if (this.told.has(form)) continue;
      this.told.add(form);
      this.out.write(`##vso[task.setsecret]${escapeAdoMessage(form)}\n`);
    }
  }

  annotate(d: Diagnostic): void {
    const props = [
      `type=${d.severity}`,
      `sourcepath=${escapeAdoProperty(path.resolve(this.cwd, d.file))}`,
      `linenumber=${d.line}`,
      `columnnumber=${d.column}`,
    ].join(';');
    this.write(`##vso[task.logissue ${props}]`, formatDiagnostic(d), escapeAdoMessage);
  }

  setOutput(name: string, value: string): void {
    // `$(step.job-ids)` would not expand: Azure Pipelines variables are named job_ids.
    const variable = name.replace(/-/g, '_');
    this.write(
      `##vso[task.setvariable variable=${escapeAdoProperty(variable)};isoutput=true]`,
      value,
      escapeAdoMessage,
    );
  }

  async summary(markdown: string): Promise<void> {
    if (!this.summaryFile) {
      this.summaryFile = path.join(mkdtempSync(path.join(tmpdir(), 'databricks-dr-')), 'summary.md');
      writeFileSync(this.summaryFile, '');
      this.write('##vso[task.uploadsummary]', this.summaryFile, escapeAdoMessage);
    }
    writeFileSync(this.summaryFile, this.redactor.redact(markdown), { flag: 'a' });
  }

  progress(u: ProgressUpdate): void {
    if (this.throttle.shouldPrint(u)) this.write('', formatProgress(u));
  }

  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.write('##[group]', name);
    try {
      return await fn();
    } finally {
      this.write('##[endgroup]', '');
    }
  }

  redact(text: string): string {
    return this.redactor.redact(text);
  }
}
