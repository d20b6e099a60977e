/**
 * The Azure DevOps templates: typed parameters (lists as `object`), resolvable template references,
 * every `${{ parameters.x }}` declared, and CLI invocations that use only flags the CLI accepts —
 * checked statically against the command option definitions in src/cli/commands/ and dynamically
 * through the CLI's own argument parser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index.js';
import { main } from '../../src/cli/main.js';
import { ROOT } from '../helpers/runner.js';
import { expandTemplate, loadYaml, parameterDefs, type Value } from './expand.js';

const ADO = path.join(ROOT, 'workflows/azure-devops');
const TEMPLATES = ['steps', 'jobs'].flatMap((dir) =>
  readdirSync(path.join(ADO, dir))
    .filter((f) => f.endsWith('.yml'))
    .sort()
    .map((f) => path.join(ADO, dir, f)),
);
const EXAMPLES = readdirSync(path.join(ADO, 'examples'))
  .filter((f) => f.endsWith('.yml'))
  .map((f) => path.join(ADO, 'examples', f));
const rel = (f: string) => path.relative(ROOT, f);

/** Options every command accepts (src/cli/main.ts GLOBAL_OPTIONS), read from the source. */
function globalOptions(): Record<string, 'string' | 'boolean'> {
  const source = readFileSync(path.join(ROOT, 'src/cli/main.ts'), 'utf8');
  const block = /const GLOBAL_OPTIONS[^=]*=\s*\{([\s\S]*?)\n\};/.exec(source);
  if (!block) throw new Error('GLOBAL_OPTIONS not found in src/cli/main.ts');
  const out: Record<string, 'string' | 'boolean'> = {};
  for (const m of block[1].matchAll(/['"]?([a-z][a-z-]*)['"]?:\s*\{\s*type:\s*'(string|boolean)'/g))
    out[m[1]] = m[2] as 'string' | 'boolean';
  return out;
}

/** The command options the CLI defines, per command: global ones plus the command's own. */
function cliOptions(command: string): Record<string, 'string' | 'boolean'> | undefined {
  const def = commands.find((c) => c.name === command);
  if (!def) return undefined;
  const own = Object.fromEntries(
    Object.entries(def.options).map(([k, v]) => [k, (v as { type: 'string' | 'boolean' }).type]),
  );
  return { ...globalOptions(), ...own };
}

/** The `template:` references in a document (keys named template, wherever they are). */
function templateRefs(v: Value): string[] {
  if (Array.isArray(v)) return v.flatMap(templateRefs);
  if (v && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) =>
      k === 'template' && typeof x === 'string' ? [x] : templateRefs(x),
    );
  return [];
}

/** A value the CLI accepts for a string flag, so only the flag itself is on trial. */
const SAMPLE: Record<string, string> = { config: '/nonexistent/databricks-dr.yml', only: 'jobs,notebooks' };

interface Invocation {
  file: string;
  command: string;
  flags: string[];
}

/** Every CLI command line in the templates: `args=(<command> …)` plus the flags appended to it. */
function invocations(): Invocation[] {
  const out: Invocation[] = [];
  const visit = (v: Value, file: string) => {
    if (typeof v === 'string') {
      const start = /args=\(([a-z-]+)/.exec(v);
      if (start)
        out.push({
          file,
          command: start[1],
          flags: [...v.matchAll(/(?<![\w-])--([a-z][a-z-]*)/g)].map((m) => m[1]),
        });
      else if (v.includes('dist/cli/index.js') && /node\s/.test(v))
        throw new Error(`${rel(file)}: a CLI call that is not built as args=(<command> …): ${v}`);
    } else if (Array.isArray(v)) for (const x of v) visit(x, file);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) visit(x, file);
  };
  for (const file of TEMPLATES) visit(loadYaml(file), file);
  return out;
}

describe('Azure DevOps templates', () => {
  it.each(TEMPLATES.map(rel))('%s: typed parameters; lists are objects; every reference declared', (name) => {
    const file = path.join(ROOT, name);
    const doc = loadYaml(file);
    const defs = parameterDefs(doc, file);
    expect(defs.length).toBeGreaterThan(0);
    for (const def of defs) {
      expect(def.type, `${name}: ${def.name}`).toBeDefined();
      if (['regions', 'only', 'env', 'pool', 'dependsOn', 'variables'].includes(def.name))
        expect(
          def.type,
          `${name}: ${def.name} must be an object (stringList is not available in templates)`,
        ).toBe('object');
      if (def.default !== undefined && def.type === 'boolean') expect(typeof def.default).toBe('boolean');
      if (def.default !== undefined && def.type === 'number') expect(typeof def.default).toBe('number');
    }
    const text = readFileSync(file, 'utf8');
    const declared = new Set(defs.map((d) => d.name));
    for (const m of text.matchAll(/parameters\.([A-Za-z_][A-Za-z0-9_]*)/g))
      expect(declared.has(m[1]), `${name}: parameters.${m[1]} is not declared`).toBe(true);
    for (const ref of templateRefs(doc)) {
      const target = path.resolve(path.dirname(file), ref);
      expect(TEMPLATES, `${name}: template ${ref}`).toContain(target);
    }
  });

  it('every job template expands with its defaults (and failover with `to`)', () => {
    for (const name of ['deploy', 'plan', 'failover', 'drift']) {
      const doc = expandTemplate(
        path.join(ADO, 'jobs', `${name}.yml`),
        name === 'failover' ? { to: 'secondary' } : {},
      );
      expect(Array.isArray(doc.jobs)).toBe(true);
    }
    expect(() => expandTemplate(path.join(ADO, 'jobs/failover.yml'), {})).toThrow(/parameter to is required/);
    expect(() => expandTemplate(path.join(ADO, 'jobs/deploy.yml'), { regions: 'primary' })).toThrow(/object/);
    expect(() => expandTemplate(path.join(ADO, 'jobs/deploy.yml'), { auth: 'oidc' })).toThrow(/one of/);
  });

  it('drift: a full preflight follows the drift step, also when drift failed, unless preflight is false', () => {
    type Step = { name?: string; condition?: string; task?: string };
    const steps = (params: Record<string, Value>) =>
      (expandTemplate(path.join(ADO, 'jobs/drift.yml'), params).jobs as Array<{ steps: Step[] }>)[0].steps;
    const names = (list: Step[]) => list.map((s) => s.name).filter(Boolean);
    const withPreflight = steps({});
    expect(names(withPreflight)).toEqual(['databricks_dr', 'databricks_dr_preflight']);
    expect(withPreflight.at(-1)!.condition).toBe('succeededOrFailed()');
    expect(withPreflight.filter((s) => s.task === 'UseNode@1')).toHaveLength(1);
    expect(names(steps({ preflight: false }))).toEqual(['databricks_dr']);
  });

  it.each(EXAMPLES.map(rel))(
    '%s: uses the templates by alias at a tag, with parameters they declare',
    (name) => {
      const file = path.join(ROOT, name);
      const doc = loadYaml(file) as {
        resources: { repositories: Array<{ repository: string; ref: string; name: string }> };
        stages?: Array<{ jobs: Array<Record<string, Value>> }>;
        jobs?: Array<Record<string, Value>>;
      };
      const repo = doc.resources.repositories.find((r) => r.repository === 'databricks_dr');
      expect(repo?.ref).toMatch(/^refs\/tags\/v\d/);
      expect(repo?.name).toBe('your-org/databricks-dr-actions');
      const uses = [...(doc.jobs ?? []), ...(doc.stages ?? []).flatMap((s) => s.jobs)];
      expect(uses.length).toBeGreaterThan(0);
      for (const use of uses) {
        const [template, alias] = String(use.template).split('@');
        expect(alias).toBe('databricks_dr');
        const target = path.join(ROOT, template);
        expect(TEMPLATES).toContain(target);
        const defs = parameterDefs(loadYaml(target), target).map((d) => d.name);
        for (const key of Object.keys((use.parameters ?? {}) as object))
          expect(defs, `${name}: ${key}`).toContain(key);
      }
    },
  );
});

describe('CLI invocations in the templates', () => {
  const calls = invocations();

  it('finds one per command template', () => {
    expect(calls.map((c) => c.command).sort()).toEqual([
      'deploy',
      'drift',
      'failover',
      'plan',
      'preflight',
      'validate',
    ]);
  });

  it('the checks catch a flag the CLI does not define (control)', async () => {
    expect(Object.keys(cliOptions('deploy')!)).not.toContain('regions');
    const quiet = { write: () => true } as unknown as NodeJS.WritableStream;
    expect(
      await main(['deploy', '--regions', 'primary'], { stdout: quiet, stderr: quiet, env: {}, cwd: ROOT }),
    ).toBe(2);
  });

  it.each(calls.map((c) => [c.command, c] as const))('%s: only flags the CLI defines for it', (_, call) => {
    const options = cliOptions(call.command);
    expect(options, `the CLI has no command ${call.command}`).toBeDefined();
    for (const flag of call.flags)
      expect(Object.keys(options!), `${rel(call.file)}: --${flag}`).toContain(flag);
  });

  it.each(calls.map((c) => [c.command, c] as const))(
    '%s: the CLI parser accepts every flag together (no usage error)',
    async (_, call) => {
      const options = cliOptions(call.command)!;
      const argv = [call.command];
      for (const flag of new Set(call.flags)) {
        argv.push(`--${flag}`);
        if (options[flag] === 'string') argv.push(SAMPLE[flag] ?? 'primary');
      }
      let stderr = '';
      const sink = (write: (s: string) => void) =>
        ({
          write: (s: string) => {
            write(String(s));
            return true;
          },
        }) as unknown as NodeJS.WritableStream;
      const code = await main(argv, {
        stdout: sink(() => {}),
        stderr: sink((s) => {
          stderr += s;
        }),
        env: {},
        cwd: ROOT,
      });
      // The config does not exist, so the command fails — with the one usage error (2) that names
      // the missing config, never one about the flags.
      expect(stderr).not.toMatch(/unknown flag|needs a value|unexpected argument/);
      if (code === 2) expect(stderr).toMatch(/config file not found: \//);
      expect(code, stderr).not.toBe(0);
    },
  );
});
