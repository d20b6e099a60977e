/**
 * Validation of a databricks-dr repository: JSON Schemas (`schemas/*.schema.json`) plus the rules
 * a schema cannot express, on each region's substituted document, with every problem reported at
 * once as `file:line:column: message (pointer)`. Reads files only; makes no network request.
 *
 * - `validateProject(configFile)`: the config, every file its globs match, the notebooks, and the
 *   rules across files, per region. `report.project` holds the validated definitions per region
 *   for the deploy engine.
 * - `validateFiles(files, { kind })`: single files without a config (`${var.X}` left unchecked).
 */
export { kindFromContent, kindFromPath } from './files.js';
export { MAX_NOTEBOOK_BYTES, type NotebookLanguage } from './notebooks.js';
export { validateFiles, validateProject } from './project.js';
export {
  type Definition,
  type DefinitionKind,
  hasErrors,
  type NotebookEntry,
  type ProjectDefinitions,
  type ValidateFilesOptions,
  type ValidateProjectOptions,
  type ValidationReport,
} from './types.js';
