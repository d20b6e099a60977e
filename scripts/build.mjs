// Bundles every entry point to dist/<entry>/index.js (ESM, shared chunks in dist/chunks).
// The entry list is derived from the tree so a new action needs no change here.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { writeValidators } from './compile-schemas.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const entryPoints = { 'cli/index': 'src/cli/index.ts' };
if (existsSync('src/actions')) {
  for (const name of readdirSync('src/actions').sort()) {
    if (existsSync(`src/actions/${name}/index.ts`))
      entryPoints[`${name}/index`] = `src/actions/${name}/index.ts`;
  }
}

// The schema validators are source generated from schemas/; regenerate them so a build never
// bundles stale ones (a test fails when the committed copy is stale).
if (writeValidators()) console.log('regenerated src/core/validate/generated/validators.js');
rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints,
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // Prefer ESM builds: jsonc-parser's CommonJS entry is a UMD wrapper whose require() calls esbuild cannot follow.
  mainFields: ['module', 'main'],
  target: 'node22',
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  define: { __VERSION__: JSON.stringify(pkg.version) },
  // Bundled CommonJS dependencies call require(); ESM has none, so give them one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
console.log(`built ${Object.keys(entryPoints).length} entry points into dist/`);
