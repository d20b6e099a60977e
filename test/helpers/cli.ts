/** The CLI in-process, with its stdout and stderr captured. */
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main.js';

export async function runCli(argv: string[], options: { env: NodeJS.ProcessEnv; cwd: string }) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (d) => out.push(String(d)));
  stderr.on('data', (d) => err.push(String(d)));
  const code = await main(argv, { stdout, stderr, env: options.env, cwd: options.cwd });
  return { code, stdout: out.join(''), stderr: err.join('') };
}
