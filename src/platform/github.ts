/** GitHub Actions through @actions/core: the only module besides action entry points that imports it. */
import * as core from '@actions/core';
import { type Diagnostic, formatDiagnostic } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import {
  formatProgress,
  ProgressThrottle,
  type ProgressUpdate,
  type Reporter,
  redact,
} from '../core/reporter.js';
import { neutraliseForCi } from './neutralise.js';

/** GitHub shows at most 10 error and 10 warning annotations per step; the rest go to the summary. */
export const MAX_ANNOTATIONS_PER_SEVERITY = 10;

export class GitHubReporter implements Reporter {
  // Every text reaches the log through neutraliseForCi: core escapes newlines only in commands'
  // messages, and a line of plain text starting with `::` would be a command.
  readonly logger: Logger = {
    debug: (m) => core.debug(neutraliseForCi(m)),
    info: (m) => core.info(neutraliseForCi(m)),
    warning: (m) => core.warning(neutraliseForCi(m)),
    error: (m) => core.error(neutraliseForCi(m)),
  };
  private readonly throttle = new ProgressThrottle();
  private readonly annotated = { error: 0, warning: 0 };
  private readonly secrets = new Set<string>();
  /** Diagnostics past the annotation limit, for the summary. */
  readonly overflow: Diagnostic[] = [];

  mask(secret: string): void {
    if (!secret || this.secrets.has(secret)) return;
    core.setSecret(secret);
    this.secrets.add(secret);
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
    const message = neutraliseForCi(`${d.message} (${d.pointer || '/'})`);
    if (d.severity === 'error') core.error(message, props);
    else core.warning(message, props);
  }

  setOutput(name: string, value: string): void {
    core.setOutput(name, redact(value, this.secrets));
  }

  async summary(markdown: string): Promise<void> {
    if (!process.env.GITHUB_STEP_SUMMARY) return;
    await core.summary.addRaw(redact(markdown, this.secrets), true).write();
  }

  progress(u: ProgressUpdate): void {
    if (this.throttle.shouldPrint(u)) this.logger.info(formatProgress(u));
  }

  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    return core.group(neutraliseForCi(name), fn);
  }

  redact(text: string): string {
    return redact(text, this.secrets);
  }
}
