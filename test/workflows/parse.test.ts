/** Every workflow and every action.yml parses with GitHub's own parser, with no errors (ci-conventions §7, §9). */
import { describe, expect, it } from 'vitest';
import { actionFiles, parseActionFile, parser, parseWorkflowFile, yamlFiles } from './parser.js';

const WORKFLOWS = [...yamlFiles('.github/workflows'), ...yamlFiles('workflows/github')];

describe('@actions/workflow-parser', () => {
  it('finds the workflows and actions it checks', () => {
    expect(WORKFLOWS).toEqual(
      expect.arrayContaining([
        '.github/workflows/ci.yml',
        '.github/workflows/plan.yml',
        '.github/workflows/deploy.yml',
        '.github/workflows/failover.yml',
        '.github/workflows/drift.yml',
        'workflows/github/databricks-dr-plan.yml',
        'workflows/github/databricks-dr-deploy.yml',
        'workflows/github/databricks-dr-failover.yml',
        'workflows/github/databricks-dr-drift.yml',
      ]),
    );
    expect(actionFiles()).toEqual(
      expect.arrayContaining(['action.yml', 'actions/failover/action.yml', 'actions/drift/action.yml']),
    );
  });

  it.each(WORKFLOWS)('%s parses and converts without errors', async (file) => {
    const { errors, template } = await parseWorkflowFile(file);
    expect(errors).toEqual([]);
    expect(template?.jobs.length).toBeGreaterThan(0);
  });

  it.each(actionFiles())('%s parses without errors', (file) => {
    expect(parseActionFile(file)).toEqual([]);
  });

  it('reports errors (the check is live)', async () => {
    const { parseWorkflow, NoOperationTraceWriter } = parser;
    const bad = parseWorkflow(
      {
        name: 'bad.yml',
        content:
          'on:\n  workflow_call:\n    inputs:\n      to: { type: choice, options: [a] }\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ nosuchcontext.x }}\n',
      },
      new NoOperationTraceWriter(),
    );
    expect(bad.context.errors.getErrors().length).toBeGreaterThan(0);
  });
});
