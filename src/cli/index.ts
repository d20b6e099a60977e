#!/usr/bin/env node
// Bootstrap: checks the Node.js version before anything else loads. Static imports are evaluated
// before a module's body runs, so the real CLI is imported dynamically, after the check.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  process.stderr.write(
    `databricks-dr needs Node.js 22 or newer (GitHub runners use Node 24); this is Node.js ${process.versions.node}.\n` +
      'Get Node.js 24 (or 22): https://nodejs.org/en/download, `nvm install 24`, actions/setup-node with node-version: 24,\n' +
      'or UseNode@1 with version: 24.x. Or let npx bring one for this run:\n' +
      '  npx -p node@24 -p databricks-dr databricks-dr <command>\n',
  );
  // In a clone of the repository, `npm ci` has installed Node.js 24 (the `node` devDependency):
  // say where, since that is the quickest way on (the docs' command blocks use it).
  const { existsSync } = await import('node:fs');
  const { fileURLToPath } = await import('node:url');
  const repositoryNode = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));
  if (existsSync(repositoryNode))
    process.stderr.write(
      `\`npm ci\` installed Node.js 24 in this repository: run ${repositoryNode} ${process.argv[1] ?? 'dist/cli/index.js'} …\n`,
    );
  process.exit(1);
} else {
  // A deploy's peak RSS stays low (issue 21): V8's young generation keeps its initial size.
  const { keepYoungGenerationSmall } = await import('../core/heap.js');
  keepYoungGenerationSmall();
  const { main } = await import('./main.js');
  // SIGINT/SIGTERM release the region locks a command holds before the process ends.
  const { releaseLocksOnSignals } = await import('../core/state/lock.js');
  releaseLocksOnSignals();
  process.exitCode = await main(process.argv.slice(2));
}
