import type { Diagnostic } from '../../src/core/errors.js';
import { Redactor } from '../../src/core/redact.js';
import type { ProgressUpdate, Reporter } from '../../src/core/reporter.js';

/** A Reporter that keeps everything it is told, for assertions. */
export class RecordingReporter implements Reporter {
  readonly lines: string[] = [];
  readonly masked: string[] = [];
  readonly annotations: Diagnostic[] = [];
  readonly outputs: Record<string, string> = {};
  readonly summaries: string[] = [];
  readonly progressUpdates: ProgressUpdate[] = [];
  readonly logger = {
    debug: (m: string) => this.lines.push(`debug: ${m}`),
    info: (m: string) => this.lines.push(m),
    warning: (m: string) => this.lines.push(`warning: ${m}`),
    error: (m: string) => this.lines.push(`error: ${m}`),
  };
  private readonly redactor = new Redactor();
  redact(text: string) {
    return this.redactor.redact(text);
  }
  mask(secret: string) {
    this.masked.push(secret);
    this.redactor.add(secret);
  }
  annotate(d: Diagnostic) {
    this.annotations.push(d);
  }
  setOutput(name: string, value: string) {
    this.outputs[name] = value;
  }
  async summary(markdown: string) {
    this.summaries.push(markdown);
  }
  progress(u: ProgressUpdate) {
    this.progressUpdates.push(u);
  }
  async group<T>(_name: string, fn: () => Promise<T>) {
    return fn();
  }
}
