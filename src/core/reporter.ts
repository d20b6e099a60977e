/**
 * What the engine tells the world beyond log lines: annotations on files, outputs, a summary,
 * progress and secrets to mask. Each platform (GitHub Actions, Azure DevOps, a terminal) implements
 * it with its own syntax and escaping; the engine never knows which one it runs under.
 */
import type { Diagnostic } from './errors.js';
import type { Logger } from './logger.js';

export interface ProgressUpdate {
  region: string;
  /** What is being counted, e.g. "notebooks". */
  kind: string;
  done: number;
  total: number;
}

export interface Reporter {
  readonly logger: Logger;
  /**
   * Hides a secret, in every form it could come back in (redact.ts), from every later output.
   * Call it before anything could print the value.
   */
  mask(secret: string): void;
  /** An error or warning pinned to a file and line. */
  annotate(diagnostic: Diagnostic): void;
  setOutput(name: string, value: string): void;
  /** Appends markdown to the run's summary (job summary on GitHub, uploaded summary on Azure DevOps). */
  summary(markdown: string): Promise<void>;
  progress(update: ProgressUpdate): void;
  /**
   * The text with every masked secret replaced: what the reporter writes itself is redacted
   * already; this is for what leaves another way (stdout results, a PR comment).
   */
  redact(text: string): string;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

/**
 * Decides when a progress update is worth a line in a CI log: the first and the last, and in
 * between at most one per 10% per region and kind, so a long run shows movement and a big one does
 * not flood the log (at most 12 lines per kind).
 */
export class ProgressThrottle {
  private readonly last = new Map<string, number>();

  shouldPrint(u: ProgressUpdate): boolean {
    const key = `${u.region}/${u.kind}`;
    const percent = u.total === 0 ? 100 : Math.floor((u.done / u.total) * 100);
    const prev = this.last.get(key);
    if (prev === undefined || (u.done >= u.total && prev < 100) || percent >= prev + 10) {
      this.last.set(key, percent);
      return true;
    }
    return false;
  }
}

export function formatProgress(u: ProgressUpdate): string {
  const percent = u.total === 0 ? 100 : Math.floor((u.done / u.total) * 100);
  return `${u.region}: ${u.kind} ${u.done}/${u.total} (${percent}%)`;
}

/** A line every platform writes to its log (a terminal's stderr, the step log). */
export interface LogLine {
  level: 'info' | 'warning' | 'error';
  message: string;
}

/** A collapsible block of log lines under a one-line heading (e.g. one region's result). */
export interface LogGroup {
  heading: string;
  lines: string[];
}
