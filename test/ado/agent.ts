/**
 * Runs an expanded Azure Pipelines step the way the agent does for our templates: the script of a
 * `bash` step (or the inlineScript of AzureCLI@2) under bash, with TF_BUILD=True, the step's `env`
 * (runtime macros like $(Pipeline.Workspace) resolved), in its working directory — and parses the
 * logging commands the CLI prints.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../helpers/runner.js';
import { macros, toText, type Value } from './expand.js';

export interface LoggingCommand {
  area: string;
  properties: Record<string, string>;
  message: string;
}

export interface StepRun {
  code: number | null;
  stdout: string;
  stderr: string;
  commands: LoggingCommand[];
}

export type Step = Record<string, Value>;

/** $(Pipeline.Workspace) laid out as the job templates check out: s/self and databricks-dr-tools. */
export function pipelineWorkspace(projectDir: string): string {
  const ws = mkdtempSync(path.join(tmpdir(), 'ado-ws-'));
  mkdirSync(path.join(ws, 's'));
  symlinkSync(projectDir, path.join(ws, 's', 'self'));
  symlinkSync(ROOT, path.join(ws, 'databricks-dr-tools'));
  return ws;
}

export function unescapeAdo(s: string): string {
  return s
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3B/g, ';')
    .replace(/%5D/g, ']')
    .replace(/%AZP25/g, '%');
}

export function parseLoggingCommands(text: string): LoggingCommand[] {
  return [...text.matchAll(/^##vso\[([a-z]+\.[a-z]+)(?: ([^\]]*))?\](.*)$/gm)].map((m) => ({
    area: m[1],
    properties: Object.fromEntries(
      (m[2] ?? '')
        .split(';')
        .filter(Boolean)
        .map((p) => {
          const [k, ...v] = p.split('=');
          return [k, unescapeAdo(v.join('='))];
        }),
    ),
    message: unescapeAdo(m[3]),
  }));
}

/** The step that runs the CLI: a bash step or an AzureCLI@2 task. */
export function cliStep(steps: Value): Step {
  const list = steps as Step[];
  const step = list.find((s) => typeof s.bash === 'string' || s.task === 'AzureCLI@2');
  if (!step) throw new Error('no CLI step');
  return step;
}

export function scriptOf(step: Step): string {
  if (typeof step.bash === 'string') return step.bash;
  return String((step.inputs as Record<string, Value>).inlineScript);
}

export async function runStep(
  step: Step,
  options: { variables: Record<string, string>; extraEnv?: NodeJS.ProcessEnv },
): Promise<StepRun> {
  const vars = options.variables;
  const env: NodeJS.ProcessEnv = {
    // `node` is the Node that runs the tests (24), as UseNode@1 puts Node 24 first on PATH.
    PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`,
    TF_BUILD: 'True',
    AGENT_TEMPDIRECTORY: vars['Agent.TempDirectory'],
    ...options.extraEnv,
  };
  for (const [k, v] of Object.entries((step.env ?? {}) as Record<string, Value>))
    env[k] = macros(toText(v), vars);
  const inputs = (step.inputs ?? {}) as Record<string, Value>;
  const cwd = macros(toText((step.workingDirectory ?? inputs.workingDirectory) as Value), vars);
  const child = spawn('bash', ['-c', macros(scriptOf(step), vars)], { cwd, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += String(d);
  });
  child.stderr.on('data', (d) => {
    stderr += String(d);
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stdout, stderr, commands: parseLoggingCommands(`${stdout}\n${stderr}`) };
}
