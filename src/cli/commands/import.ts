import { importCommand as runImport } from '../../core/commands/import.js';
import { DEFAULT_CONFIG_FILE } from '../../core/config/load.js';
import { UsageError } from '../../core/errors.js';
import { type Command, configFile, reporterFor } from '../command.js';
import { publishOutcome } from '../publish.js';

const list = (v: unknown): string[] =>
  ((v as string[] | undefined) ?? [])
    .flatMap((x) => x.split(','))
    .map((x) => x.trim())
    .filter(Boolean);

export const importCommand: Command = {
  name: 'import',
  summary: 'turn an existing workspace into this repository (ids → names, differences → variables)',
  usage: `databricks-dr import --region R [flags]

  --region R            the workspace to import (required)
  --job NAME            a job to import, with the jobs, clusters and pipelines it uses (repeatable)
  --all-jobs            every job (except those another config owns)
  --cluster NAME        a cluster to import (repeatable)
  --pipeline NAME       a Lakeflow Declarative Pipeline to import (repeatable)
  --all-pipelines       every pipeline (except those another config owns)
  --notebooks PATH      a workspace folder to import as a notebook target (repeatable)
  --scope NAME          a secret scope to import: key names only, never values (repeatable)
  --compare-region R2   read R2 too: differing values become per-region variables
  --out DIR             where to write (default: the config's folder)
  --config, -c FILE     the config: version, name and regions suffice (default ${DEFAULT_CONFIG_FILE})
  --json                print one JSON result on stdout`,
  options: {
    region: { type: 'string' },
    'compare-region': { type: 'string' },
    job: { type: 'string', multiple: true },
    'all-jobs': { type: 'boolean' },
    cluster: { type: 'string', multiple: true },
    pipeline: { type: 'string', multiple: true },
    'all-pipelines': { type: 'boolean' },
    notebooks: { type: 'string', multiple: true },
    scope: { type: 'string', multiple: true },
    out: { type: 'string' },
  },
  async run(ctx, argv) {
    const region = ctx.values.region as string | undefined;
    if (!region) throw new UsageError('import: --region R is required (the workspace to import)');
    const jobs = list(ctx.values.job);
    if (jobs.length > 0 && ctx.values['all-jobs'] === true)
      throw new UsageError('import: use either --job NAME or --all-jobs, not both');
    const reporter = reporterFor(ctx);
    const outcome = await runImport({
      configFile: configFile(ctx),
      reporter,
      env: ctx.io.env,
      region,
      compareRegion: ctx.values['compare-region'] as string | undefined,
      selection: {
        jobs,
        allJobs: ctx.values['all-jobs'] === true,
        clusters: list(ctx.values.cluster),
        pipelines: list(ctx.values.pipeline),
        allPipelines: ctx.values['all-pipelines'] === true,
        notebooks: list(ctx.values.notebooks),
        scopes: list(ctx.values.scope),
      },
      outDir: ctx.values.out as string | undefined,
      command: ['databricks-dr import', ...argv.filter((a) => a !== '--json')].join(' '),
    });
    return publishOutcome(ctx, reporter, outcome);
  },
};
