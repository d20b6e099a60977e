/** The workflow and action files of this repository that the workflow tests check. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/runner.js';

export function yamlFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Every action.yml of this repository: the root one, actions/* and .github/actions/*. */
export function actionFiles(): string[] {
  const out = ['action.yml'];
  for (const dir of ['actions', '.github/actions']) {
    for (const name of readdirSync(path.join(ROOT, dir)).sort()) out.push(path.join(dir, name, 'action.yml'));
  }
  return out;
}
