import { describe, expect, it } from 'vitest';
import {
  passiveValues,
  toMultiTask,
  withManagedDefaults,
  withRunnableValues,
  writtenValues,
} from '../../src/core/assets/jobs/settings.js';
import {
  emptyCatalog,
  type MissingReference,
  resolveJobReferences,
} from '../../src/core/assets/references/index.js';
import { differingFields, equivalent } from '../../src/core/assets/shared/compare.js';
import { runnableUpdate } from '../../src/core/roles/transition.js';
import { fingerprintSecret, secretMatchesFingerprint } from '../../src/core/state/state.js';

describe('compare', () => {
  const options = {
    defaults: { 'tasks/*/run_if': 'ALL_SUCCESS', timeout_seconds: 0 },
    ignore: ['run_as'],
    keyedArrays: { tasks: 'task_key' },
  };

  it('treats server-filled defaults, empty values and reordered keyed arrays as equal', () => {
    const desired = {
      name: 'a',
      tasks: [{ task_key: 'x' }, { task_key: 'y', notebook_task: { notebook_path: '/p' } }],
    };
    const actual = {
      name: 'a',
      timeout_seconds: 0,
      email_notifications: {},
      run_as: { user_name: 'someone' },
      tasks: [
        { task_key: 'y', notebook_task: { notebook_path: '/p' }, run_if: 'ALL_SUCCESS' },
        { task_key: 'x', run_if: 'ALL_SUCCESS' },
      ],
    };
    expect(equivalent(desired, actual, options)).toBe(true);
    expect(differingFields(desired, actual, options)).toEqual([]);
  });

  it('names the top-level fields that differ, including removed ones', () => {
    const desired = { name: 'a', tasks: [{ task_key: 'x', run_if: 'ALL_DONE' }] };
    const actual = {
      name: 'b',
      schedule: { quartz_cron_expression: '0 0 * * * ?' },
      tasks: [{ task_key: 'x' }],
    };
    expect(differingFields(desired, actual, options)).toEqual(['name', 'schedule', 'tasks']);
    expect(differingFields({ timeout_seconds: 5 }, { timeout_seconds: 0 }, options)).toEqual([
      'timeout_seconds',
    ]);
  });
});

describe('job settings', () => {
  it('converts a Jobs 2.0 single-task job to tasks', () => {
    expect(
      toMultiTask({
        name: 'legacy',
        existing_cluster_name: 'shared',
        notebook_task: { notebook_path: '/a' },
        max_retries: 2,
        schedule: { quartz_cron_expression: '0 0 1 * * ?', timezone_id: 'UTC' },
      }),
    ).toEqual({
      name: 'legacy',
      schedule: { quartz_cron_expression: '0 0 1 * * ?', timezone_id: 'UTC' },
      tasks: [
        {
          task_key: 'main',
          existing_cluster_name: 'shared',
          notebook_task: { notebook_path: '/a' },
          max_retries: 2,
        },
      ],
    });
  });

  it('resolves cluster names per region, including inside for_each tasks', () => {
    const missing: MissingReference[] = [];
    const settings = resolveJobReferences(
      {
        tasks: [
          { task_key: 'a', existing_cluster_name: 'etl' },
          {
            task_key: 'b',
            for_each_task: { inputs: '[1]', task: { task_key: 'c', existing_cluster_name: 'gone' } },
          },
        ],
      },
      { catalog: emptyCatalog(), clusterIds: new Map([['etl', '1125-000000-abc']]) },
      missing,
    );
    expect(settings.tasks).toEqual([
      { task_key: 'a', existing_cluster_id: '1125-000000-abc' },
      {
        task_key: 'b',
        for_each_task: {
          inputs: '[1]',
          task: { task_key: 'c', existing_cluster_id: '<unresolved cluster gone>' },
        },
      },
    ]);
    expect(missing).toEqual([{ kind: 'cluster', name: 'gone' }]);
  });

  it('records written values and builds the passive form', () => {
    const job = withManagedDefaults(
      {
        name: 'j',
        schedule: { quartz_cron_expression: '0 0 1 * * ?', timezone_id: 'UTC' },
        max_concurrent_runs: 3,
      },
      'sales',
    );
    expect(job.tags).toEqual({ 'databricks-dr': 'sales' });
    const written = writtenValues(job);
    expect(written).toEqual({
      max_concurrent_runs: 3,
      schedule: 'UNPAUSED',
      trigger: undefined,
      continuous: undefined,
      triggers: undefined,
      queue: true,
    });
    const passive = withRunnableValues(
      job,
      passiveValues(job, { max_concurrent_runs: 0, pause_schedules: true, terminate_clusters: true }),
    );
    expect(passive.max_concurrent_runs).toBe(0);
    expect(passive.queue).toEqual({ enabled: false });
    expect(passive.schedule).toEqual({
      quartz_cron_expression: '0 0 1 * * ?',
      timezone_id: 'UTC',
      pause_status: 'PAUSED',
    });
    expect(withRunnableValues(passive, written)).toEqual({
      ...job,
      schedule: { ...(job.schedule as object), pause_status: 'UNPAUSED' },
    });
  });

  it('gives every triggers[] entry its own written status, PAUSED in the passive form', () => {
    const job = withManagedDefaults(
      {
        name: 'j',
        triggers: [
          { periodic: { interval: 15, unit: 'MINUTES' } },
          { file_arrival: { url: '/Volumes/a/b/c/' }, pause_status: 'PAUSED' },
          {
            schedule: { quartz_cron_expression: '0 0 1 * * ?', timezone_id: 'UTC' },
            pause_status: 'UNPAUSED',
            sql_condition: { sql_query_id: 'q', warehouse_id: 'w' },
          },
        ],
      },
      'sales',
    );
    const written = writtenValues(job);
    expect(written.triggers).toEqual(['UNPAUSED', 'PAUSED', 'UNPAUSED']);
    const passiveConfig = { max_concurrent_runs: 0, pause_schedules: true, terminate_clusters: true };
    const passive = withRunnableValues(job, passiveValues(job, passiveConfig));
    const statuses = (s: Record<string, unknown>) =>
      (s.triggers as Array<{ pause_status?: string }>).map((t) => t.pause_status);
    expect(statuses(passive)).toEqual(['PAUSED', 'PAUSED', 'PAUSED']);
    // Everything but the status is kept, the SQL condition included.
    expect((passive.triggers as unknown[])[2]).toEqual({
      ...(job.triggers as object[])[2],
      pause_status: 'PAUSED',
    });
    expect(statuses(withRunnableValues(passive, written))).toEqual(['UNPAUSED', 'PAUSED', 'UNPAUSED']);
    // pause_schedules: false leaves every entry as written.
    const unpaused = passiveValues(job, { ...passiveConfig, pause_schedules: false });
    expect(statuses(withRunnableValues(job, unpaused))).toEqual(['UNPAUSED', 'PAUSED', 'UNPAUSED']);
    // An entry the recorded values do not know (added since) keeps what it has.
    const grown = {
      ...passive,
      triggers: [
        ...(passive.triggers as object[]),
        { periodic: { interval: 1, unit: 'DAYS' }, pause_status: 'PAUSED' },
      ],
    };
    expect(statuses(withRunnableValues(grown, written))).toEqual([
      'UNPAUSED',
      'PAUSED',
      'UNPAUSED',
      'PAUSED',
    ]);
  });

  it('a role change updates the triggers list only when an entry differs', () => {
    const current = {
      max_concurrent_runs: 0,
      queue: { enabled: false },
      triggers: [{ periodic: { interval: 1, unit: 'DAYS' }, pause_status: 'PAUSED' }],
    };
    const active = runnableUpdate(current, { max_concurrent_runs: 0, queue: false, triggers: ['UNPAUSED'] });
    expect(active.fields).toEqual(['triggers']);
    expect(active.newSettings.triggers).toEqual([
      { periodic: { interval: 1, unit: 'DAYS' }, pause_status: 'UNPAUSED' },
    ]);
    expect(
      runnableUpdate(current, { max_concurrent_runs: 0, queue: false, triggers: ['PAUSED'] }).fields,
    ).toEqual([]);
  });
});

describe('secret fingerprints', () => {
  it('match the same value only, and never contain it', async () => {
    const f = await fingerprintSecret('s3cr3t-value');
    expect(f).not.toContain('s3cr3t');
    expect(await secretMatchesFingerprint('s3cr3t-value', f)).toBe(true);
    expect(await secretMatchesFingerprint('other', f)).toBe(false);
    // One salt per value per run: every region gets the same fingerprint, checked with one scrypt.
    expect(await fingerprintSecret('s3cr3t-value')).toBe(f);
    const other = await fingerprintSecret('an0ther-value');
    expect(other.split('$')[2]).not.toBe(f.split('$')[2]);
    // A fingerprint written with another salt (another run, another region) still matches.
    const earlier = await fingerprintSecret('s3cr3t-value', Buffer.alloc(16, 7));
    expect(earlier).not.toBe(f);
    expect(await secretMatchesFingerprint('s3cr3t-value', earlier)).toBe(true);
  });
});
