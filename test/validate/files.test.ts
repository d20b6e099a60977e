/** validateFiles: single files without a config. */
import { describe, expect, test } from 'vitest';
import { kindFromContent, kindFromPath, validateFiles } from '../../src/core/validate/index.js';
import { clusterFile, lines, tree } from './helpers.js';

describe('validateFiles', () => {
  test('the kind comes from the folder, else from the content, else --kind', () => {
    expect(kindFromPath('/repo/jobs/a.json')).toBe('job');
    expect(kindFromPath('/repo/jobs/sub/a.json')).toBe('job');
    expect(kindFromPath('clusters/a.json')).toBe('cluster');
    expect(kindFromPath('secret-scopes/a.json')).toBe('secret-scope');
    expect(kindFromPath('/repo/databricks-dr.yml')).toBe('config');
    expect(kindFromPath('/repo/x/a.json')).toBeUndefined();
    expect(kindFromContent({ tasks: [] })).toBe('job');
    expect(kindFromContent({ notebook_task: {} })).toBe('job');
    expect(kindFromContent({ spark_version: 'x' })).toBe('cluster');
    expect(kindFromContent({ scope: 'x' })).toBe('secret-scope');
    expect(kindFromContent({ version: 1, name: 'x', regions: {} })).toBe('config');
    expect(kindFromContent({ name: 'x' })).toBeUndefined();

    const dir = tree({
      'defs/job.json':
        '{ "name": "j", "tasks": [{ "task_key": "t", "existing_cluster_name": "c", "notebook_task": { "notebook_path": "/a" } }] }',
      'defs/cluster.json': clusterFile('c'),
      'defs/unknown.json': '{ "name": "what" }',
    });
    expect(
      lines(validateFiles(['defs/job.json', 'defs/cluster.json', 'defs/unknown.json'], { cwd: dir })),
    ).toEqual([
      'defs/unknown.json:1:1: cannot tell whether this is a job, a cluster, a pipeline, a secret scope or a config: put it under jobs/, clusters/, pipelines/ or secret-scopes/, or pass --kind (/)',
    ]);
    // --kind wins over the folder.
    expect(lines(validateFiles(['defs/cluster.json'], { cwd: dir, kind: 'job' }))).toContain(
      'defs/cluster.json:2:3: unknown field "cluster_name": the job has no such field; remove it or check the spelling (/cluster_name)',
    );
  });

  test('${var.X} references are left unchecked: values holding them are not judged', () => {
    const dir = tree({
      'clusters/c.json': `{
  "cluster_name": "c-\${region.name}",
  "spark_version": "\${var.runtime}",
  "num_workers": "\${var.workers}",
  "autotermination_minutes": "\${var.idle}",
  "data_security_mode": "\${var.mode}",
  "enable_elastic_disk": "yes"
}`,
    });
    expect(lines(validateFiles(['clusters/c.json'], { cwd: dir }))).toEqual([
      'clusters/c.json:7:26: enable_elastic_disk must be true or false, got "yes" (/enable_elastic_disk)',
    ]);
  });

  test('syntax errors at their exact position; unreadable files; duplicate names among the files', () => {
    const dir = tree({
      'jobs/a.json': '{\n  "name": "a",\n  "tasks": [\n    { "task_key": "t" ]\n}',
      'jobs/b.yml': 'name: b\ntasks:\n  - task_key: t\n     existing_cluster_name: c\n',
      'clusters/x.json': clusterFile('same'),
      'clusters/y.json': clusterFile('same'),
    });
    expect(
      lines(
        validateFiles(
          ['jobs/a.json', 'jobs/b.yml', 'jobs/missing.json', 'clusters/x.json', 'clusters/y.json'],
          { cwd: dir },
        ),
      ),
    ).toEqual([
      'clusters/y.json:2:19: cluster_name "same" is also used by clusters/x.json:2:19: cluster names must be unique (/cluster_name)',
      "jobs/a.json:4:23: invalid JSON: expected ',' or a closing bracket (/)",
      'jobs/b.yml:3:15: invalid YAML: Nested mappings are not allowed in compact mappings (/)',
      'jobs/missing.json:1:1: file not found (/)',
    ]);
  });

  test('an empty JSON file', () => {
    const dir = tree({ 'jobs/empty.json': '' });
    expect(lines(validateFiles(['jobs/empty.json'], { cwd: dir }))).toEqual([
      'jobs/empty.json:1:1: invalid JSON: expected a value (/)',
    ]);
  });
});
