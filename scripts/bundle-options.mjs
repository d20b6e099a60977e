// The esbuild settings of every bundle in dist/: scripts/build.mjs uses them, and the cold-start
// benchmark (bench/scenarios.ts) builds a fresh bundle with them, so the two cannot drift apart.
/** @param {string} version the version compiled in as __VERSION__ */
export function bundleOptions(version) {
  return {
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    // Prefer ESM builds: jsonc-parser's CommonJS entry is a UMD wrapper whose require() calls esbuild cannot follow.
    mainFields: ['module', 'main'],
    target: 'node22',
    chunkNames: 'chunks/[name]-[hash]',
    legalComments: 'none',
    define: { __VERSION__: JSON.stringify(version) },
    // Bundled CommonJS dependencies call require(); ESM has none, so give them one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  };
}
