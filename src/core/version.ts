declare const __VERSION__: string;

/** The package version, injected at build time (esbuild `define`, and Vitest's `define` in tests). */
export const VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

export const USER_AGENT = `databricks-dr-actions/${VERSION}`;
