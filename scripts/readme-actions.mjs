// Writes the README's per-action reference (inputs and outputs) from the action.yml files, between
// <!-- actions:start --> and <!-- actions:end -->. `--check` changes nothing and exits 1 when the
// README is out of date (a test runs it). `--readme FILE` works on another file.
//
//   node scripts/readme-actions.mjs            # rewrite the section
//   node scripts/readme-actions.mjs --check    # verify it
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';

const ROOT = path.resolve(import.meta.dirname, '..');
export const START = '<!-- actions:start -->';
export const END = '<!-- actions:end -->';
/** The owner in `uses:` lines: a placeholder for the organization that hosts a copy (docs/github-workflows.md). */
const OWNER = 'your-org';

function cell(text) {
  return String(text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

function defaultCell(input) {
  if (input.default === undefined) return '';
  const value = String(input.default);
  return value === '' ? '`""`' : `\`${value.replace(/`/g, "'")}\``;
}

/**
 * A markdown table with padded columns, as the repository's formatter (Biome) writes them, so the
 * generated section is stable under `npm run format`.
 */
function table(header, rows) {
  const widths = header.map((h, i) => Math.max(3, h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

/** The action.yml files users call: the root action and actions/<name>. */
export function actionFiles(root = ROOT) {
  const out = [{ dir: '.', file: path.join(root, 'action.yml') }];
  const actions = path.join(root, 'actions');
  for (const name of readdirSync(actions).sort()) {
    const file = path.join(actions, name, 'action.yml');
    if (existsSync(file)) out.push({ dir: `actions/${name}`, file });
  }
  return out;
}

export function renderSection(root = ROOT) {
  const lines = [
    START,
    '<!-- Generated from the action.yml files by scripts/readme-actions.mjs; do not edit by hand. -->',
    '',
  ];
  for (const { dir, file } of actionFiles(root)) {
    const action = parse(readFileSync(file, 'utf8'));
    const uses =
      dir === '.' ? `${OWNER}/databricks-dr-actions@v1` : `${OWNER}/databricks-dr-actions/${dir}@v1`;
    lines.push(`### \`${dir === '.' ? 'databricks-dr' : dir.replace('actions/', '')}\``, '');
    lines.push(`${cell(action.description)}.`.replace(/\.\.$/, '.'), '');
    lines.push('```yaml', `- uses: ${uses}`, '```', '');
    const inputs = Object.entries(action.inputs ?? {});
    if (inputs.length > 0) {
      const rows = inputs.map(([name, input]) => [
        `\`${name}\``,
        cell(input.description),
        input.required ? 'yes' : 'no',
        defaultCell(input),
      ]);
      lines.push(...table(['input', 'description', 'required', 'default'], rows), '');
    }
    const outputs = Object.entries(action.outputs ?? {});
    if (outputs.length > 0) {
      const rows = outputs.map(([name, output]) => [`\`${name}\``, cell(output.description)]);
      lines.push(...table(['output', 'description'], rows), '');
    }
  }
  lines.push(END);
  return lines.join('\n');
}

export function replaceSection(readme, section) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start)
    throw new Error(`the README needs ${START} and ${END} markers, in that order`);
  return readme.slice(0, start) + section + readme.slice(end + END.length);
}

function main(argv) {
  const check = argv.includes('--check');
  const at = argv.indexOf('--readme');
  const readmeFile = at >= 0 ? path.resolve(argv[at + 1]) : path.join(ROOT, 'README.md');
  const readme = readFileSync(readmeFile, 'utf8');
  const updated = replaceSection(readme, renderSection());
  if (check) {
    if (updated !== readme) {
      console.error(
        `${path.relative(process.cwd(), readmeFile)}: the actions section is out of date; run node scripts/readme-actions.mjs`,
      );
      return 1;
    }
    console.log('README actions section is up to date');
    return 0;
  }
  if (updated !== readme) writeFileSync(readmeFile, updated);
  console.log(`${updated === readme ? 'unchanged' : 'updated'}: ${path.relative(process.cwd(), readmeFile)}`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  process.exitCode = main(process.argv.slice(2));
