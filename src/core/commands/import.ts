/** import: an existing workspace turned into this repository's files (ids → names). */
import { type ImportOptions, type ImportResult, renderImportText, runImport } from '../import/index.js';
import { type CommandOutcome, EXIT, outcome } from './types.js';

export type { ImportOptions };

export async function importCommand(options: ImportOptions): Promise<CommandOutcome<ImportResult>> {
  const result = await runImport(options);
  return outcome('import', result, {
    text: renderImportText(result),
    exitCode: result.status === 'ok' ? EXIT.ok : EXIT.failure,
  });
}
