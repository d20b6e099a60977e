/**
 * The GitHub Actions reporter. Every @actions/core and @actions/github call of this repository
 * lives in src/platform/github/ (test/core/layers.test.ts holds it to that).
 */
import * as core from '@actions/core';
import { type Diagnostic, formatDiagnostic } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import { processRedactor, type Redactor } from '../../core/redact.js';
import { formatProgress, ProgressThrottle, type ProgressUpdate, type Reporter } from '../../core/reporter.js';
import { neutraliseForCi } from '../neutralise.js';

/** GitHub shows at most 10 error and 10 warning annotations per step; the rest go to the summary. */
export const MAX_ANNOTATIONS_PER_SEVERITY = 10;

export class GitHubReporter implements Reporter {
  /**
   * Every line is redacted here as well as by the runner's masks: the runner masks only the log,
   * not outputs, the step summary or what a later step does with them. Then neutraliseForCi: core
   * escapes newlines only in commands' messages, and a line of plain text starting with `::` would
   * be a command.
   */
  readonly logger: Logger = {
    debug: (m) => core.debug(this.safe(m)),
    info: (m) => core.info(this.safe(m)),
    warning: (m) => core.warning(this.safe(m)),
    error: (m) => core.error(this.safe(m)),
  };
  private readonly throttle = new ProgressThrottle();
  private readonly annotated = { error: 0, warning: 0 };
  /** Diagnostics past the annotation limit, for the summary. */
  readonly overflow: Diagnostic[] = [];

  /** The forms already given to the runner's add-mask (what redacts is the process's one redactor). */
  private readonly told = new Set<string>();

  constructor(private readonly redactor: Redactor = processRedactor) {}

  mask(secret: string): void {
    // The runner is told every form the redactor hides, so its log masking matches ours.
    this.redactor.add(secret);
    for (const form of this.redactor.formsOf(secret)) {
      if (this.told.has(form)) continue;
      this.told.add(form);
      core.setSecret(form);
    }
  }

  annotate(d: Diagnostic): void {
    if (this.annotated[d.severity] >= MAX_ANNOTATIONS_PER_SEVERITY) {
      this.overflow.push(d);
      this.logger.info(formatDiagnostic(d));
      return;
    }
    this.annotated[d.severity]++;
    const props: core.AnnotationProperties = {
      title: d.region ? `databricks-dr (${d.region})` : 'databricks-dr',
      file: d.file,
      startLine: d.line,
      startColumn: d.column,
    };
    const message = this.safe(`${d.message} (${d.pointer || '/'})`);
    if (d.severity === 'error') core.error(message, props);
    else core.warning(message, props);
  }

  setOutput(name: string, value: string): void {
    core.setOutput(name, this.redact(value));
  }

  async summary(markdown: string): Promise<void> {
    if (!process.env.GITHUB_STEP_SUMMARY) return;
    await core.summary.addRaw(this.redact(markdown), true).write();
  }

  progress(u: ProgressUpdate): void {
    if (this.throttle.shouldPrint(u)) this.logger.info(formatProgress(u));
  }

  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    return core.group(this.safe(name), fn);
  }

  redact(text: string): string {
    return this.redactor.redact(text);
  }

  /** What may reach the log: redacted, then unable to act as a workflow command. */
  private safe(text: string): string {
    return neutraliseForCi(this.redact(text));
  }
}
