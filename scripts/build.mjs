// Bundles every entry point to dist/<entry>/index.js (ESM, shared chunks in dist/chunks).
// The entry list is derived from the tree so a new action needs no change here.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { bundleOptions } from './bundle-options.mjs';
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
  ...bundleOptions(pkg.version),
  entryPoints,
  outdir: 'dist',
  logLevel: 'warning',
});
console.log(`built ${Object.keys(entryPoints).length} entry points into dist/`);
