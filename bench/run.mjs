// The one runner of every benchmark and of the soak. Bundles the TypeScript entry (and the worker
// process it spawns) with esbuild into a temporary folder, then runs it on this Node.
//
//   node bench/run.mjs [scenarios] [--scenario N] [--quick] [--json] [--notebooks 1000 ...]
//   node bench/run.mjs soak [--runs 20] [--json]
//   node bench/run.mjs emulator [--requests N] [--connections N]
//   node bench/run.mjs --help
//
// `npm run bench` is `node bench/run.mjs`; `npm run soak` is `node bench/run.mjs soak`.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const SUITES = { scenarios: 'scenarios.ts', soak: 'soak.ts', emulator: 'emulator.bench.ts' };

const args = process.argv.slice(2);
const suite = args[0] && !args[0].startsWith('-') ? args.shift() : 'scenarios';
if (!(suite in SUITES)) {
  console.error(`bench/run.mjs: unknown suite "${suite}"; use one of ${Object.keys(SUITES).join(', ')}`);
  process.exit(2);
}

const out = mkdtempSync(path.join(tmpdir(), 'dr-bench-'));
async function bundle() {
  await build({
    entryPoints: { main: path.join(here, SUITES[suite]), worker: path.join(here, 'worker.ts') },
    outdir: out,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    // jsonc-parser's "main" is a UMD build whose internal requires esbuild cannot follow.
    mainFields: ['module', 'main'],
    define: { __VERSION__: '"bench"' },
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    // Loaded at run time from node_modules where needed (scenario 6 builds the action fresh).
    external: ['esbuild'],
    logLevel: 'error',
  });
}

try {
  await bundle();
  const child = spawn(process.execPath, [path.join(out, 'main.mjs'), ...args], {
    stdio: 'inherit',
    cwd: root,
    env: {
      ...process.env,
      BENCH_WORKER: path.join(out, 'worker.mjs'),
      BENCH_ROOT: root,
    },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  process.exitCode = await new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
} finally {
  rmSync(out, { recursive: true, force: true });
}
