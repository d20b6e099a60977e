/**
 * Errors the user can fix (bad config, bad input, bad flags). Entry points print these without a
 * stack trace; anything else is a bug and keeps its stack.
 */
export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

/** A command-line or action-input mistake: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** A position in a source file, 1-based like editors and GitHub annotations. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** One problem found in a user's file, pinned to where it is. */
export interface Diagnostic extends SourcePosition {
  severity: 'error' | 'warning';
  message: string;
  /** JSON pointer of the offending value inside the document ('' for the whole document). */
  pointer: string;
  /** The region whose substituted document showed the problem, when regions differ. */
  region?: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = `${d.file}:${d.line}:${d.column}`;
  const region = d.region ? ` [region ${d.region}]` : '';
  const severity = d.severity === 'warning' ? 'warning: ' : '';
  return `${where}: ${severity}${d.message}${region} (${d.pointer || '/'})`;
}

/** Bad input in one or more files: every diagnostic found, so the user fixes them all at once. */
export class ValidationError extends ConfigurationError {
  override name = 'ValidationError';
  /** True when every diagnostic was already shown (annotated) by the engine. */
  readonly reported: boolean;

  constructor(
    readonly diagnostics: Diagnostic[],
    options: { reported?: boolean } = {},
  ) {
    super(
      diagnostics
        .filter((d) => d.severity === 'error')
        .map(formatDiagnostic)
        .join('\n') || 'validation failed',
    );
    this.reported = options.reported ?? false;
  }
}
