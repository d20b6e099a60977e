/** Job schema and job rules, on single files (validateFiles): every finding at its line. */
import { describe, expect, test } from 'vitest';
import { validateFiles } from '../../src/core/validate/index.js';
import { at, errors, find, lines, tree } from './helpers.js';

function check(json: string, file = 'jobs/job.json') {
  const dir = tree({ [file]: json });
  return validateFiles([file], { cwd: dir });
}

describe('job schema messages', () => {
  test('a range error, an unknown field with a suggestion, an enum, a missing field — each at its place', () => {
    const r = check(`{
  "name": "nightly",
  "max_concurrent_runs": 5000,
  "tasks": [
    {
      "task_key": "ingest",
      "existing_cluster_name": "shared",
      "notebok_task": { "notebook_path": "/Shared/app/ingest" }
    },
    {
      "task_key": "load",
      "existing_cluster_name": "shared",
      "notebook_task": { "notebook_path": "/Shared/app/load", "source": "WORKSPAC" }
    },
    {
      "existing_cluster_name": "shared",
      "notebook_task": {
        "base_parameters": { "a": "b" }
      }
    }
  ]
}
`);
    expect(lines(r)).toEqual([
      'jobs/job.json:3:26: max_concurrent_runs must be at most 1000, got 5000 (/max_concurrent_runs)',
      'jobs/job.json:8:7: unknown field "notebok_task" — did you mean "notebook_task"? (/tasks/0/notebok_task)',
      'jobs/job.json:13:73: "WORKSPAC" is not a valid source: use one of WORKSPACE, GIT — did you mean "WORKSPACE"? (values are case-sensitive) (/tasks/1/notebook_task/source)',
      'jobs/job.json:15:5: tasks[2] is missing required field "task_key": give every task a unique task_key (/tasks/2/task_key)',
      'jobs/job.json:17:24: notebook_task is missing required field "notebook_path": e.g. "/Shared/sales/etl/ingest" (/tasks/2/notebook_task/notebook_path)',
    ]);
  });

  test('wrong types name the field, the expected type and the value', () => {
    const r = check(`{
  "name": "typed",
  "timeout_seconds": "3600",
  "tags": { "team": 7 },
  "queue": { "enabled": "yes" },
  "tasks": [{ "task_key": "t", "existing_cluster_name": "c", "notebook_task": { "notebook_path": "/a", "base_parameters": { "n": 1 } } }],
  "email_notifications": { "on_failure": "ops@example.com" }
}`);
    expect(lines(r)).toEqual([
      'jobs/job.json:3:22: timeout_seconds must be an integer, got "3600": remove the quotes (/timeout_seconds)',
      'jobs/job.json:4:21: tags.team must be a string, got 7 (/tags/team)',
      'jobs/job.json:5:25: enabled must be true or false, got "yes" (/queue/enabled)',
      'jobs/job.json:6:130: base_parameters.n must be a string, got 1 (/tasks/0/notebook_task/base_parameters/n)',
      'jobs/job.json:7:42: on_failure must be a list, got "ops@example.com" (/email_notifications/on_failure)',
    ]);
  });

  test('the job name is required, at the owning object', () => {
    const r = check(`{
  "tasks": [{ "task_key": "t", "existing_cluster_name": "c", "notebook_task": { "notebook_path": "/a" } }]
}`);
    expect(lines(r)).toEqual([
      'jobs/job.json:1:1: the job is missing required field "name": the job is matched by name in every region (/name)',
    ]);
  });

  test('one-of groups: schedule/trigger/continuous, sql_task kinds, run_as, git refs, library kinds, trigger kinds', () => {
    const r = check(`{
  "name": "groups",
  "schedule": { "quartz_cron_expression": "0 0 2 * * ?", "timezone_id": "UTC" },
  "continuous": { "pause_status": "PAUSED" },
  "run_as": { "user_name": "a@example.com", "service_principal_name": "0000" },
  "git_source": { "git_url": "https://github.com/x/y", "git_provider": "github", "git_branch": "main", "git_tag": "v1" },
  "tasks": [
    { "task_key": "q", "sql_task": { "warehouse_id": "w" } },
    { "task_key": "l", "existing_cluster_name": "c", "notebook_task": { "notebook_path": "a" },
      "libraries": [{ "pypi": { "package": "x" }, "whl": "/Volumes/a.whl" }] }
  ]
}`);
    expect(lines(r)).toEqual([
      'jobs/job.json:4:3: the job takes only one of schedule, trigger or continuous, but has schedule and continuous: keep one (/continuous)',
      'jobs/job.json:5:45: run_as takes only one of user_name, service_principal_name or group_name, but has user_name and service_principal_name: keep one (/run_as/service_principal_name)',
      'jobs/job.json:6:104: git_source takes only one of git_branch, git_tag or git_commit, but has git_branch and git_tag: keep one (/git_source/git_tag)',
      'jobs/job.json:8:36: sql_task needs one of query, dashboard, alert or file (/tasks/0/sql_task)',
      'jobs/job.json:10:51: libraries[0] takes only one of jar, egg, whl, requirements, pypi, maven or cran, but has pypi and whl: keep one (/tasks/1/libraries/0/whl)',
    ]);
  });

  test('git_provider is case-insensitive; a wrong one lists the providers', () => {
    const ok =
      check(`{"name": "g", "git_source": {"git_url": "u", "git_provider": "GitHub", "git_branch": "main"},
 "tasks": [{"task_key": "t", "existing_cluster_name": "c", "notebook_task": {"notebook_path": "nb/a"}}]}`);
    expect(lines(ok)).toEqual([]);
    const bad =
      check(`{"name": "g", "git_source": {"git_url": "u", "git_provider": "gitHubb", "git_branch": "main"},
 "tasks": [{"task_key": "t", "existing_cluster_name": "c", "notebook_task": {"notebook_path": "nb/a"}}]}`);
    expect(find(bad, 'git_provider "gitHubb" is not valid: use one of gitHub,').line).toBe(1);
  });

  test('trigger needs exactly one kind and valid settings', () => {
    const r = check(`{
  "name": "t",
  "trigger": {
    "pause_status": "UNPAUSED",
    "periodic": { "interval": 0, "unit": "SECONDS" }
  },
  "tasks": [{ "task_key": "t", "existing_cluster_name": "c", "notebook_task": { "notebook_path": "/a" } }]
}`);
    expect(lines(r)).toEqual([
      'jobs/job.json:5:31: interval must be at least 1, got 0 (/trigger/periodic/interval)',
      'jobs/job.json:5:42: "SECONDS" is not a valid unit: use one of MINUTES, HOURS, DAYS, WEEKS (/trigger/periodic/unit)',
    ]);
    const none = check(`{"name": "t", "trigger": {"pause_status": "PAUSED"},
 "tasks": [{"task_key": "t", "existing_cluster_name": "c", "notebook_task": {"notebook_path": "/a"}}]}`);
    expect(find(none, 'trigger needs one of file_arrival, periodic, table_update, table or model').line).toBe(
      1,
    );
  });
});

describe('job rules', () => {
  test('task keys unique, depends_on targets exist, no self-dependency, no cycles', () => {
    const r = check(`{
  "name": "deps",
  "tasks": [
    { "task_key": "a", "existing_cluster_name": "c", "notebook_task": { "notebook_path": "/a" } },
    { "task_key": "a", "existing_cluster_name": "c", "notebook_task": { "notebook_path": "/b" } },
    { "task_key": "b", "depends_on": [{ "task_key": "ingest" }], "existing_cluster_name": "c", "notebook_task": { "notebook_path": "/c" } },
    { "task_key": "c", "depends_on": [{ "task_key": "c" }], "existing_cluster_name": "c", "notebook_task": { "notebook_path": "/d" } },
    { "task_key": "x", "depends_on": [{ "task_key": "y" }], "existing_cluster_name": "c", "notebook_task": { "notebook_path": "/e" } },
    { "task_key": "y", "depends_on": [{ "task_key": "z" }], "existing_cluster_name": "c", "notebook_task": { "notebook_path": "/f" } },
    { "task_key": "z", "depends_on": [{ "task_key": "x" }], "existing_cluster_name": "c", "notebook_task": { "notebook_path": "/g" } }
  ]
}`);
    expect(lines(r)).toEqual([
      'jobs/job.json:5:19: task_key "a" is already used by tasks[0]: task keys must be unique within a job (/tasks/1/task_key)',
      'jobs/job.json:6:53: depends_on "ingest" is not a task of this job: use the task_key of another task (/tasks/2/depends_on/0/task_key)',
      'jobs/job.json:7:53: task "c" cannot depend on itself (/tasks/3/depends_on/0/task_key)',
      'jobs/job.json:10:53: tasks x → y → z → x form a dependency cycle: remove one of these depends_on entries (/tasks/6/depends_on/0/task_key)',
    ]);
  });

  test('depends_on suggests a close task key; outcome only on a condition task', () => {
    const r = check(`{
  "name": "deps",
  "tasks": [
    { "task_key": "ingest", "existing_cluster_name": "c", "notebook_task": { "notebook_path": "/a" } },
    { "task_key": "check", "condition_task": { "left": "{{tasks.ingest.values.n}}", "op": "GREATER_THAN", "right": "0" } },
    { "task_key": "load", "depends_on": [{ "task_key": "ingets" }, { "task_key": "check", "outcome": "true" }],
      "existing_cluster_name": "c", "notebook_task": { "notebook_path": "/b" } },
    { "task_key": "report", "depends_on": [{ "task_key": "ingest", "outcome": "true" }],
      "existing_cluster_name": "c", "notebook_task": { "notebook_path": "/c" } }
  ]
}`);
    expect(lines(r)).toEqual([
      'jobs/job.json:6:56: depends_on "ingets" is not a task of this job — did you mean "ingest"? (/tasks/2/depends_on/0/task_key)',
      'jobs/job.json:8:79: outcome is only for dependencies on a condition_task, and "ingest" is not one: remove outcome (/tasks/3/depends_on/0/outcome)',
    ]);
  });

  test('exactly one task type per task', () => {
    const r = check(`{
  "name": "types",
  "tasks": [
    { "task_key": "none", "existing_cluster_name": "c" },
    { "task_key": "two", "existing_cluster_name": "c",
      "notebook_task": { "notebook_path": "/a" },
      "spark_python_task": { "python_file": "/b.py" } }
  ]
}`);
    expect(lines(r)).toEqual([
      'jobs/job.json:4:5: task "none" has no task type: add one of notebook_task, spark_python_task, python_wheel_task, spark_jar_task, sql_task, dbt_task, pipeline_task, run_job_task, condition_task, for_each_task, … (/tasks/0)',
      'jobs/job.json:7:7: task "two" has more than one task type (notebook_task and spark_python_task): a task runs exactly one; split it into separate tasks (/tasks/1/spark_python_task)',
    ]);
  });

  test('one compute choice where needed; sql, dbt with a warehouse, pipeline, run_job, condition and for_each need none', () => {
    const r = check(`{
  "name": "compute",
  "job_clusters": [{ "job_cluster_key": "jc", "new_cluster": { "spark_version": "15.4.x-scala2.12", "num_workers": 1 } }],
  "tasks": [
    { "task_key": "py", "spark_python_task": { "python_file": "/a.py" } },
    { "task_key": "nb", "notebook_task": { "notebook_path": "/a" } },
    { "task_key": "both", "existing_cluster_name": "c", "job_cluster_key": "jc", "notebook_task": { "notebook_path": "/a" } },
    { "task_key": "sql", "sql_task": { "warehouse_id": "w", "query": { "query_id": "q" } } },
    { "task_key": "dbt", "dbt_task": { "commands": ["dbt run"], "warehouse_id": "w" } },
    { "task_key": "dbt2", "dbt_task": { "commands": ["dbt run"] } },
    { "task_key": "pipe", "pipeline_task": { "pipeline_id": "p" } },
    { "task_key": "run", "run_job_task": { "job_id": 42 } },
    { "task_key": "cond", "condition_task": { "left": "1", "op": "EQUAL_TO", "right": "1" } },
    { "task_key": "each", "for_each_task": { "inputs": "[1,2]", "task": { "task_key": "inner", "job_cluster_key": "jc", "notebook_task": { "notebook_path": "/i" } } } },
    { "task_key": "each2", "for_each_task": { "inputs": "[1,2]", "task": { "task_key": "inner2", "spark_jar_task": { "main_class_name": "M" } } } },
    { "task_key": "wh", "notebook_task": { "notebook_path": "/a", "warehouse_id": "w" } }
  ]
}`);
    expect(lines(r)).toEqual([
      'jobs/job.json:5:5: task "py" (spark_python_task) needs compute: set existing_cluster_name (a cluster in clusters/ or external_clusters), job_cluster_key, new_cluster, existing_cluster_id or environment_key (/tasks/0)',
      'jobs/job.json:6:5: task "nb" (notebook_task) needs compute: set existing_cluster_name (a cluster in clusters/ or external_clusters), job_cluster_key, new_cluster, existing_cluster_id or environment_key; to run it on serverless compute, set performance_target or environments on the job (/tasks/1)',
      'jobs/job.json:7:57: task "both" has more than one compute choice (existing_cluster_name and job_cluster_key): keep one (/tasks/2/job_cluster_key)',
      'jobs/job.json:10:5: task "dbt2" (dbt_task) needs compute: set existing_cluster_name (a cluster in clusters/ or external_clusters), job_cluster_key, new_cluster, existing_cluster_id or environment_key (/tasks/5)',
      'jobs/job.json:15:74: task "inner2" (spark_jar_task) needs compute: set existing_cluster_name (a cluster in clusters/ or external_clusters), job_cluster_key, new_cluster, existing_cluster_id or environment_key (/tasks/10/for_each_task/task)',
    ]);
  });

  test('serverless jobs (environments or performance_target) may leave notebook tasks without a cluster', () => {
    const r = check(`{
  "name": "serverless",
  "performance_target": "PERFORMANCE_OPTIMIZED",
  "environments": [{ "environment_key": "default", "spec": { "environment_version": "2", "dependencies": ["pandas==2.2.2"] } }],
  "tasks": [
    { "task_key": "nb", "notebook_task": { "notebook_path": "/Shared/app/a" } },
    { "task_key": "py", "environment_key": "default", "spark_python_task": { "python_file": "/Shared/app/b.py" } },
    { "task_key": "whl", "environment_key": "defualt", "python_wheel_task": { "package_name": "app", "entry_point": "main" } }
  ]
}`);
    expect(lines(r)).toEqual([
      'jobs/job.json:8:45: environment_key "defualt" is not defined in environments — did you mean "default"? (/tasks/2/environment_key)',
    ]);
  });

  test('job_cluster_key must be defined (with a suggestion when close); job cluster keys unique', () => {
    const r = check(`{
  "name": "jc",
  "job_clusters": [
    { "job_cluster_key": "etl", "new_cluster": { "spark_version": "15.4.x-scala2.12", "num_workers": 2 } },
    { "job_cluster_key": "etl", "new_cluster": { "spark_version": "15.4.x-scala2.12", "num_workers": 2 } }
  ],
  "tasks": [
    { "task_key": "a", "job_cluster_key": "elt", "notebook_task": { "notebook_path": "/a" } },
    { "task_key": "b", "job_cluster_key": "reporting", "notebook_task": { "notebook_path": "/a" } }
  ]
}`);
    expect(lines(r)).toEqual([
      'jobs/job.json:5:26: job_cluster_key "etl" is already used by job_clusters[0]: it must be unique (/job_clusters/1/job_cluster_key)',
      'jobs/job.json:8:43: job_cluster_key "elt" is not defined in job_clusters (defined: etl) (/tasks/0/job_cluster_key)',
      'jobs/job.json:9:43: job_cluster_key "reporting" is not defined in job_clusters (defined: etl) (/tasks/1/job_cluster_key)',
    ]);
  });

  test('task_key format', () => {
    const r = check(`{
  "name": "k",
  "tasks": [{ "task_key": "load orders", "existing_cluster_name": "c", "notebook_task": { "notebook_path": "/a" } }]
}`);
    expect(lines(r)).toEqual([
      'jobs/job.json:3:27: task_key "load orders" is not valid: use letters, digits, "_" and "-" only (at most 100 characters) (/tasks/0/task_key)',
    ]);
  });

  test('schedule: Quartz cron shape and Java time zone, at the value', () => {
    const r = check(`{
  "name": "sched",
  "schedule": {
    "quartz_cron_expression": "0 0 2 * * *",
    "timezone_id": "Europe/Amsterdm",
    "pause_status": "UNPAUSED"
  },
  "tasks": [{ "task_key": "t", "existing_cluster_name": "c", "notebook_task": { "notebook_path": "/a" } }]
}`);
    expect(lines(r)).toEqual([
      'jobs/job.json:4:31: quartz_cron_expression "0 0 2 * * *" is not valid: use "?" in day-of-month or in day-of-week (Quartz does not support both): e.g. "0 0 2 * * ?" (/schedule/quartz_cron_expression)',
      'jobs/job.json:5:20: timezone_id "Europe/Amsterdm" is not a Java time-zone id — did you mean "Europe/Amsterdam"? (/schedule/timezone_id)',
    ]);
  });

  test('schedule fields are required', () => {
    const r = check(`{
  "name": "sched",
  "schedule": { "pause_status": "PAUSED" },
  "tasks": [{ "task_key": "t", "existing_cluster_name": "c", "notebook_task": { "notebook_path": "/a" } }]
}`);
    expect(lines(r)).toEqual([
      'jobs/job.json:3:15: schedule is missing required field "quartz_cron_expression": e.g. "0 0 2 * * ?" (02:00 every day) (/schedule/quartz_cron_expression)',
      'jobs/job.json:3:15: schedule is missing required field "timezone_id": a Java time-zone id such as "UTC" (/schedule/timezone_id)',
    ]);
  });

  test('tags: at most 24, and databricks-dr is reserved', () => {
    const tags = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`t${i}`, 'x']));
    const r = check(`{
  "name": "tags",
  "tags": ${JSON.stringify(tags)},
  "tasks": [{ "task_key": "t", "existing_cluster_name": "c", "notebook_task": { "notebook_path": "/a" } }]
}`);
    expect(lines(r)).toEqual([
      'jobs/job.json:3:11: tags has 25 entries; at most 24 are allowed (Databricks allows 25 and databricks-dr adds "databricks-dr") (/tags)',
    ]);
    const reserved = check(`{
  "name": "tags",
  "tags": { "team": "a",
    "Databricks-DR": "mine" },
  "tasks": [{ "task_key": "t", "existing_cluster_name": "c", "notebook_task": { "notebook_path": "/a" } }]
}`);
    expect(lines(reserved)).toEqual([
      'jobs/job.json:4:5: tag "Databricks-DR" is reserved: databricks-dr sets it on everything it manages; remove it (/tags/Databricks-DR)',
    ]);
  });

  test('no tasks, an empty task list', () => {
    expect(lines(check('{ "name": "empty" }'))[0]).toMatch(
      /^jobs\/job.json:1:1: the job has no tasks: add "tasks"/,
    );
    expect(lines(check('{ "name": "empty",\n  "tasks": [] }'))).toEqual([
      'jobs/job.json:2:12: tasks is empty: add at least one task (/tasks)',
    ]);
  });

  test('new clusters inside a job get the cluster rules', () => {
    const r = check(`{
  "name": "nc",
  "job_clusters": [{ "job_cluster_key": "jc", "new_cluster": {
    "spark_version": "15.4.x-scala2.12",
    "autoscale": { "min_workers": 4, "max_workers": 2 } } }],
  "tasks": [{ "task_key": "t", "job_cluster_key": "jc", "notebook_task": { "notebook_path": "/a" },
    "new_cluster": { "spark_version": "15.4.x-scala2.12", "num_workers": -1 } }]
}`);
    expect(lines(r)).toEqual([
      'jobs/job.json:5:53: autoscale.max_workers (2) must be at least min_workers (4): raise max_workers or lower min_workers (/job_clusters/0/new_cluster/autoscale/max_workers)',
      'jobs/job.json:7:5: task "t" has more than one compute choice (job_cluster_key and new_cluster): keep one (/tasks/0/new_cluster)',
      'jobs/job.json:7:74: num_workers must be at least 0, got -1 (/tasks/0/new_cluster/num_workers)',
    ]);
  });

  test('every task type is accepted with its fields', () => {
    const r = check(
      JSON.stringify(
        {
          name: 'all-types',
          git_source: {
            git_url: 'https://dev.azure.com/org/proj/_git/repo',
            git_provider: 'azureDevOpsServices',
            git_commit: 'abc',
          },
          environments: [{ environment_key: 'env', spec: { client: '1', dependencies: ['x'] } }],
          tasks: [
            {
              task_key: 'nb',
              existing_cluster_id: '0101-123456-abcd',
              notebook_task: {
                notebook_path: 'nb/a',
                source: 'GIT',
                base_parameters: { d: '{{job.start_time.iso_date}}' },
              },
            },
            {
              task_key: 'py',
              environment_key: 'env',
              spark_python_task: { python_file: 'src/main.py', source: 'GIT', parameters: ['--x'] },
            },
            {
              task_key: 'whl',
              environment_key: 'env',
              python_wheel_task: { package_name: 'p', entry_point: 'e', named_parameters: { a: 'b' } },
            },
            {
              task_key: 'jar',
              existing_cluster_name: 'c',
              spark_jar_task: { main_class_name: 'com.x.Main', parameters: ['1'] },
              libraries: [
                { jar: '/Volumes/a/b.jar' },
                { maven: { coordinates: 'g:a:1', exclusions: ['x:y'] } },
              ],
            },
            {
              task_key: 'submit',
              new_cluster: { spark_version: '15.4.x-scala2.12', num_workers: 1 },
              spark_submit_task: { parameters: ['--class', 'x'] },
            },
            {
              task_key: 'sqlq',
              sql_task: { warehouse_id: 'w', query: { query_id: 'q' }, parameters: { a: 'b' } },
            },
            {
              task_key: 'sqld',
              sql_task: {
                warehouse_id: 'w',
                dashboard: {
                  dashboard_id: 'd',
                  subscriptions: [{ user_name: 'a@b.c' }],
                  custom_subject: 's',
                },
              },
            },
            {
              task_key: 'sqla',
              sql_task: { warehouse_id: 'w', alert: { alert_id: 'a', pause_subscriptions: false } },
            },
            { task_key: 'sqlf', sql_task: { warehouse_id: 'w', file: { path: 'q.sql', source: 'GIT' } } },
            {
              task_key: 'dbt',
              dbt_task: {
                commands: ['dbt deps', 'dbt run'],
                project_directory: 'dbt',
                warehouse_id: 'w',
                catalog: 'c',
                schema: 's',
              },
            },
            { task_key: 'pipe', pipeline_task: { pipeline_id: 'p', full_refresh: true } },
            {
              task_key: 'run',
              run_job_task: {
                job_id: 123,
                job_parameters: { a: 'b' },
                pipeline_params: { full_refresh: false },
              },
            },
            {
              task_key: 'cond',
              condition_task: { left: '{{job.parameters.x}}', op: 'NOT_EQUAL', right: '' },
            },
            {
              task_key: 'each',
              depends_on: [{ task_key: 'cond', outcome: 'true' }],
              for_each_task: {
                inputs: '{{job.parameters.list}}',
                concurrency: 10,
                task: { task_key: 'each_inner', run_job_task: { job_id: 1 } },
              },
            },
            {
              task_key: 'clean',
              clean_rooms_notebook_task: {
                clean_room_name: 'room',
                notebook_name: 'nb',
                notebook_base_parameters: { a: 'b' },
              },
            },
            {
              task_key: 'dash',
              dashboard_task: {
                dashboard_id: 'd',
                warehouse_id: 'w',
                subscription: { subscribers: [{ destination_id: 'x' }], paused: false },
              },
            },
            {
              task_key: 'pbi',
              power_bi_task: {
                connection_resource_name: 'c',
                warehouse_id: 'w',
                power_bi_model: {
                  workspace_name: 'w',
                  model_name: 'm',
                  storage_mode: 'DIRECT_QUERY',
                  authentication_method: 'OAUTH',
                  overwrite_existing: true,
                },
                tables: [{ catalog: 'c', schema: 's', name: 't', storage_mode: 'IMPORT' }],
                refresh_after_update: true,
              },
            },
            {
              task_key: 'genai',
              gen_ai_compute_task: {
                dl_runtime_image: 'img',
                training_script_path: '/Workspace/x.py',
                compute: { num_gpus: 1, gpu_type: 'a10' },
              },
            },
            { task_key: 'dbtcloud', dbt_cloud_task: { connection_resource_name: 'c', dbt_cloud_job_id: 5 } },
            {
              task_key: 'dbtplatform',
              dbt_platform_task: { connection_resource_name: 'c', dbt_platform_job_id: '5' },
            },
          ],
        },
        null,
        2,
      ),
    );
    expect(errors(r)).toEqual([]);
  });

  test('the Jobs 2.0 single-task form is accepted; mixing it with tasks is not', () => {
    const ok = check(`{
  "name": "legacy",
  "existing_cluster_name": "shared",
  "notebook_task": { "notebook_path": "/Shared/app/legacy" },
  "libraries": [{ "pypi": { "package": "requests" } }],
  "max_retries": 1,
  "retry_on_timeout": true,
  "schedule": { "quartz_cron_expression": "0 0 * * * ?", "timezone_id": "UTC" },
  "email_notifications": { "on_failure": ["a@example.com"] },
  "max_concurrent_runs": 1
}`);
    expect(lines(ok)).toEqual([]);
    const r = check(`{
  "name": "legacy",
  "notebook_task": { "notebook_path": "/a" },
  "spark_jar_task": { "main_class_name": "M" }
}`);
    expect(lines(r)).toEqual([
      'jobs/job.json:4:3: a Jobs 2.0 job runs one task, but this one has notebook_task and spark_jar_task: keep one, or use "tasks" (/spark_jar_task)',
    ]);
    const mixed = check(`{
  "name": "mixed",
  "existing_cluster_id": "0101-123456-abcd",
  "tasks": [{ "task_key": "t", "existing_cluster_name": "c", "notebook_task": { "notebook_path": "/a" } }]
}`);
    expect(lines(mixed)).toEqual([
      'jobs/job.json:3:3: "existing_cluster_id" at the top level belongs to the Jobs 2.0 single-task form and cannot be combined with "tasks": move it into a task (/existing_cluster_id)',
    ]);
  });

  test('webhooks at most 3, dbt commands start with dbt, for_each concurrency 1 to 100', () => {
    const r = check(`{
  "name": "limits",
  "webhook_notifications": { "on_failure": [{ "id": "1" }, { "id": "2" }, { "id": "3" }, { "id": "4" }] },
  "tasks": [
    { "task_key": "dbt", "dbt_task": { "commands": ["run"], "warehouse_id": "w" } },
    { "task_key": "each", "for_each_task": { "inputs": "[1]", "concurrency": 500, "task": { "task_key": "i", "run_job_task": { "job_id": 1 } } } }
  ]
}`);
    expect(lines(r)).toEqual([
      'jobs/job.json:3:44: on_failure may have at most 3 items, got 4 (/webhook_notifications/on_failure)',
      'jobs/job.json:5:53: commands[0] "run" is not valid: every command starts with "dbt", e.g. "dbt run" (/tasks/0/dbt_task/commands/0)',
      'jobs/job.json:6:78: concurrency must be at most 100, got 500 (/tasks/1/for_each_task/concurrency)',
    ]);
  });

  test('strings holding {{…}} Databricks references pass', () => {
    const r = check(`{
  "name": "refs-{{job.id}}",
  "parameters": [{ "name": "date", "default": "{{job.start_time.iso_date}}" }],
  "tasks": [{ "task_key": "t", "existing_cluster_name": "c",
    "notebook_task": { "notebook_path": "/a", "base_parameters": { "pw": "{{secrets/app/pw}}", "run": "{{job.run_id}}" } } }]
}`);
    expect(lines(r)).toEqual([]);
  });

  test('a YAML job file is validated the same way', () => {
    const r = check(
      `name: yaml-job
max_concurrent_runs: 1001
tasks:
  - task_key: a
    existing_cluster_name: c
    notebook_task:
      notebook_path: /Shared/app/a
      sourc: WORKSPACE
`,
      'jobs/job.yml',
    );
    expect(lines(r)).toEqual([
      'jobs/job.yml:2:22: max_concurrent_runs must be at most 1000, got 1001 (/max_concurrent_runs)',
      'jobs/job.yml:8:7: unknown field "sourc" — did you mean "source"? (/tasks/0/notebook_task/sourc)',
    ]);
  });

  test('a duplicate key is reported at the repeated key', () => {
    const r = check(`{
  "name": "dup",
  "tasks": [{ "task_key": "t", "existing_cluster_name": "c", "notebook_task": { "notebook_path": "/a" } }],
  "name": "dup2"
}`);
    expect(r.diagnostics.map(at)).toEqual(['jobs/job.json:4:3']);
    expect(r.diagnostics[0].message).toMatch(/duplicate key "name"/);
  });
});

describe('job rules: more', () => {
  test('job_cluster_key suggests a close key; a job without job_clusters says so', () => {
    const r = validateFiles(['jobs/a.json'], {
      cwd: tree({
        'jobs/a.json': `{
  "name": "a",
  "job_clusters": [{ "job_cluster_key": "etl_cluster", "new_cluster": { "spark_version": "15.4.x-scala2.12", "num_workers": 1 } }],
  "tasks": [{ "task_key": "t", "job_cluster_key": "etl_clustr", "notebook_task": { "notebook_path": "/a" } }]
}`,
      }),
    });
    expect(
      find(r, 'job_cluster_key "etl_clustr" is not defined in job_clusters — did you mean "etl_cluster"?')
        .line,
    ).toBe(4);
    const none = validateFiles(['jobs/b.json'], {
      cwd: tree({
        'jobs/b.json': `{
  "name": "b",
  "tasks": [{ "task_key": "t", "job_cluster_key": "etl", "notebook_task": { "notebook_path": "/a" } }]
}`,
      }),
    });
    expect(find(none, 'this job has no job_clusters').line).toBe(3);
  });

  test('spark_submit_task runs only on new clusters', () => {
    const r = validateFiles(['jobs/a.json'], {
      cwd: tree({
        'jobs/a.json': `{
  "name": "a",
  "tasks": [{ "task_key": "t", "spark_submit_task": { "parameters": [] },
    "existing_cluster_name": "shared" }]
}`,
      }),
    });
    expect(at(find(r, 'spark_submit_task runs only on a new cluster'))).toBe('jobs/a.json:4:5');
  });

  test('every slot of the name-reference table takes a name, and not both a name and an id', () => {
    const named = check(`{
  "name": "sql",
  "tasks": [
    { "task_key": "n", "notebook_task": { "notebook_path": "/Shared/n", "warehouse_name": "wh" } },
    { "task_key": "b", "power_bi_task": { "warehouse_name": "wh", "connection_resource_name": "pbi" } },
    { "task_key": "a", "sql_task": { "warehouse_name": "wh", "alert": { "alert_name": "late" } } },
    { "task_key": "d", "sql_task": { "warehouse_name": "wh", "dashboard": { "dashboard_name": "legacy" } } }
  ]
}
`);
    expect(errors(named)).toEqual([]);
    const both = check(`{
  "name": "sql",
  "tasks": [
    { "task_key": "n", "notebook_task": { "notebook_path": "/Shared/n", "warehouse_name": "wh", "warehouse_id": "1" } },
    { "task_key": "a", "sql_task": { "warehouse_name": "wh", "alert": { "alert_id": "x", "alert_name": "late" } } }
  ],
  "webhook_notifications": { "on_failure": [{ "id": "h1", "destination_name": "hook" }] }
}
`);
    expect(lines(both).filter((l) => l.includes('has both'))).toEqual([
      'jobs/job.json:4:73: notebook_task has both warehouse_id and warehouse_name: keep warehouse_name (resolved in each region), or warehouse_id (/tasks/0/notebook_task/warehouse_name)',
      'jobs/job.json:5:90: alert has both alert_id and alert_name: keep alert_name (resolved in each region), or alert_id (/tasks/1/sql_task/alert/alert_name)',
      'jobs/job.json:7:59: on_failure has both id and destination_name: keep destination_name (resolved in each region), or id (/webhook_notifications/on_failure/0/destination_name)',
    ]);
  });
});
