/** Cluster and secret-scope files on their own (validateFiles). */
import { describe, expect, test } from 'vitest';
import { validateFiles } from '../../src/core/validate/index.js';
import { errors, lines, tree } from './helpers.js';

function check(file: string, text: string) {
  return validateFiles([file], { cwd: tree({ [file]: text }) });
}

describe('cluster files', () => {
  test('a full real-world create spec is accepted', () => {
    const r = check(
      'clusters/full.json',
      JSON.stringify(
        {
          cluster_name: 'shared-etl',
          spark_version: '15.4.x-scala2.12',
          node_type_id: 'Standard_DS3_v2',
          driver_node_type_id: 'Standard_DS4_v2',
          autoscale: { min_workers: 2, max_workers: 2 },
          autotermination_minutes: 0,
          azure_attributes: {
            availability: 'SPOT_WITH_FALLBACK_AZURE',
            first_on_demand: 1,
            spot_bid_max_price: -1,
            log_analytics_info: {
              log_analytics_workspace_id: 'w',
              log_analytics_primary_key: '{{secrets/kv/la}}',
            },
          },
          init_scripts: [
            { workspace: { destination: '/Shared/init/a.sh' } },
            { volumes: { destination: '/Volumes/main/default/init/b.sh' } },
            { abfss: { destination: 'abfss://init@acct.dfs.core.windows.net/c.sh' } },
            { dbfs: { destination: 'dbfs:/databricks/init/d.sh' } },
            { file: { destination: 'file:/databricks/e.sh' } },
          ],
          spark_conf: {
            'spark.databricks.cluster.profile': 'serverless',
            'spark.hadoop.x': '{{secrets/app/pw}}',
          },
          spark_env_vars: { PYSPARK_PYTHON: '/databricks/python3/bin/python3' },
          custom_tags: { team: 'data', empty: '' },
          data_security_mode: 'USER_ISOLATION',
          runtime_engine: 'PHOTON',
          enable_elastic_disk: true,
          enable_local_disk_encryption: false,
          policy_id: 'ABC123',
          apply_policy_default_values: true,
          cluster_log_conf: { volumes: { destination: '/Volumes/main/default/logs' } },
          docker_image: {
            url: 'databricksruntime/standard:latest',
            basic_auth: { username: 'u', password: '{{secrets/app/docker}}' },
          },
          ssh_public_keys: ['ssh-rsa AAAA'],
          workload_type: { clients: { jobs: true, notebooks: false } },
          single_user_name: 'a@example.com',
        },
        null,
        2,
      ),
    );
    expect(lines(r)).toEqual([]);
    const single = check(
      'clusters/single.json',
      JSON.stringify({
        cluster_name: 'single',
        spark_version: '16.4.x-scala2.12',
        kind: 'CLASSIC_PREVIEW',
        is_single_node: true,
        use_ml_runtime: true,
        data_security_mode: 'DATA_SECURITY_MODE_DEDICATED',
        instance_pool_id: 'pool-1',
      }),
    );
    expect(lines(single)).toEqual([]);
  });

  test('rules: autoscale min ≤ max, autotermination, photon, CLASSIC_PREVIEW-only fields (not the new security modes), num_workers or autoscale', () => {
    const r = check(
      'clusters/bad.json',
      `{
  "cluster_name": "bad",
  "spark_version": "13.3.x-photon-scala2.12",
  "runtime_engine": "STANDARD",
  "num_workers": 2,
  "autoscale": {
    "min_workers": 8,
    "max_workers": 2
  },
  "autotermination_minutes": 5,
  "is_single_node": true,
  "data_security_mode": "DATA_SECURITY_MODE_AUTO"
}`,
    );
    expect(lines(r)).toEqual([
      'clusters/bad.json:4:21: runtime_engine cannot be set with a "-photon-" spark_version ("13.3.x-photon-scala2.12"): remove runtime_engine, or use the plain version with runtime_engine: PHOTON (/runtime_engine)',
      'clusters/bad.json:6:3: the cluster takes only one of num_workers or autoscale, but has num_workers and autoscale: keep one (/autoscale)',
      'clusters/bad.json:8:20: autoscale.max_workers (2) must be at least min_workers (8): raise max_workers or lower min_workers (/autoscale/max_workers)',
      'clusters/bad.json:10:30: autotermination_minutes must be 0 (never terminate) or from 10 to 10000, got 5 (/autotermination_minutes)',
      'clusters/bad.json:11:21: is_single_node requires "kind": "CLASSIC_PREVIEW" in the same cluster spec (/is_single_node)',
    ]);
  });

  test('schema: required name and version, enums, ranges, init script destinations, unknown fields', () => {
    const r = check(
      'clusters/bad.json',
      `{
  "node_type_id": "Standard_DS3_v2",
  "num_workers": 2.5,
  "autotermination_minutes": 20000,
  "azure_attributes": { "availability": "SPOT" },
  "data_security_mode": "single_user",
  "init_scripts": [{ "workspace": {} }],
  "ssh_public_keys": ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"],
  "spark_confs": {}
}`,
    );
    expect(lines(r)).toEqual([
      'clusters/bad.json:1:1: the cluster is missing required field "cluster_name": the cluster is matched by name in every region (/cluster_name)',
      'clusters/bad.json:1:1: the cluster is missing required field "spark_version": a Databricks Runtime version such as "15.4.x-scala2.12" (/spark_version)',
      'clusters/bad.json:3:18: num_workers must be an integer, got 2.5 (/num_workers)',
      'clusters/bad.json:4:30: autotermination_minutes must be at most 10000, got 20000 (/autotermination_minutes)',
      'clusters/bad.json:5:41: "SPOT" is not a valid availability: use one of ON_DEMAND_AZURE, SPOT_AZURE, SPOT_WITH_FALLBACK_AZURE (/azure_attributes/availability)',
      'clusters/bad.json:6:25: "single_user" is not a valid data_security_mode: use one of NONE, SINGLE_USER, USER_ISOLATION, LEGACY_TABLE_ACL, LEGACY_PASSTHROUGH, LEGACY_SINGLE_USER, LEGACY_SINGLE_USER_STANDARD, DATA_SECURITY_MODE_STANDARD, DATA_SECURITY_MODE_DEDICATED, DATA_SECURITY_MODE_AUTO — did you mean "SINGLE_USER"? (values are case-sensitive) (/data_security_mode)',
      'clusters/bad.json:7:35: workspace is missing required field "destination" (/init_scripts/0/workspace/destination)',
      'clusters/bad.json:8:22: ssh_public_keys may have at most 10 items, got 11 (/ssh_public_keys)',
      'clusters/bad.json:9:3: unknown field "spark_confs" — did you mean "spark_conf"? (/spark_confs)',
    ]);
  });

  test('custom tags: at most 44, databricks-dr reserved, values are strings', () => {
    const tags = Object.fromEntries(Array.from({ length: 45 }, (_, i) => [`t${i}`, 'x']));
    const r = check(
      'clusters/tags.json',
      `{
  "cluster_name": "tags",
  "spark_version": "15.4.x-scala2.12",
  "custom_tags": ${JSON.stringify(tags)}
}`,
    );
    expect(lines(r)).toEqual([
      'clusters/tags.json:4:18: custom_tags has 45 entries; at most 44 are allowed (Databricks allows 45 and databricks-dr adds "databricks-dr") (/custom_tags)',
    ]);
    const reserved = check(
      'clusters/tags.json',
      `{
  "cluster_name": "tags",
  "spark_version": "15.4.x-scala2.12",
  "custom_tags": {
    "databricks-dr": "x",
    "n": 1
  }
}`,
    );
    expect(lines(reserved)).toEqual([
      'clusters/tags.json:5:5: custom tag "databricks-dr" is reserved: databricks-dr sets it on everything it manages; remove it (/custom_tags/databricks-dr)',
      'clusters/tags.json:6:10: custom_tags.n must be a string, got 1 (/custom_tags/n)',
    ]);
  });
});

describe('secret scope files', () => {
  test('the two DESIGN.md examples are accepted', () => {
    const r = validateFiles(['secret-scopes/app.json', 'secret-scopes/kv.json'], {
      cwd: tree({
        'secret-scopes/app.json': `{ "scope": "app", "backend": "databricks",
  "secrets": { "hive-password": { "env": "HIVE_METASTORE_PASSWORD" } },
  "acls": [ { "principal": "users", "permission": "READ" } ] }`,
        'secret-scopes/kv.json': `{ "scope": "kv-hive", "backend": "azure_keyvault",
  "keyvault": { "resource_id": "\${var.keyvault_resource_id}", "dns_name": "\${var.keyvault_dns_name}" } }`,
      }),
    });
    expect(lines(r)).toEqual([]);
  });

  test('scope names, secret keys, env names, permissions and duplicate principals', () => {
    const r = check(
      'secret-scopes/bad.json',
      `{
  "scope": "my scope",
  "secrets": {
    "bad key": { "env": "OK" },
    "pw": { "env": "1_NOT_A_NAME" },
    "other": { "value": "secret!" }
  },
  "acls": [
    { "principal": "users", "permission": "read" },
    { "principal": "users", "permission": "MANAGE" }
  ]
}`,
    );
    expect(lines(r)).toEqual([
      'secret-scopes/bad.json:2:12: scope "my scope" is not valid: use letters, digits, "-", "_", "." and "@" only (at most 128 characters) (/scope)',
      'secret-scopes/bad.json:4:5: secrets key "bad key" is not valid: use letters, digits, "-", "_" and "." only (at most 128 characters) (/secrets/bad key)',
      'secret-scopes/bad.json:5:20: env "1_NOT_A_NAME" is not valid: an environment variable name: letters, digits and "_", not starting with a digit (/secrets/pw/env)',
      'secret-scopes/bad.json:6:14: other is missing required field "env": the environment variable that holds the secret value at deploy time (/secrets/other/env)',
      'secret-scopes/bad.json:6:16: unknown field "value": other has no such field; remove it or check the spelling (/secrets/other/value)',
      'secret-scopes/bad.json:9:43: "read" is not a valid permission: use one of READ, WRITE, MANAGE — did you mean "READ"? (values are case-sensitive) (/acls/0/permission)',
      'secret-scopes/bad.json:10:20: principal "users" is already in acls[0]: give each principal one permission (MANAGE includes WRITE, WRITE includes READ) (/acls/1/principal)',
    ]);
  });

  test('backend rules: a Key Vault scope needs keyvault and holds no secrets; keyvault needs that backend', () => {
    const r = check(
      'secret-scopes/kv.json',
      `{
  "scope": "kv",
  "backend": "azure_keyvault",
  "secrets": { "a": { "env": "A" } }
}`,
    );
    expect(lines(r)).toEqual([
      'secret-scopes/kv.json:1:1: the secret scope is missing required field "keyvault": an azure_keyvault scope needs {"resource_id": …, "dns_name": …} (/keyvault)',
      'secret-scopes/kv.json:4:3: "secrets" is not allowed here: an azure_keyvault scope cannot hold secrets here: add them to the Key Vault (/secrets)',
    ]);
    const wrong = check(
      'secret-scopes/db.json',
      `{
  "scope": "db",
  "keyvault": { "resource_id": "/subscriptions/s/resourceGroups/g/providers/Microsoft.KeyVault/vaults/v", "dns_name": "https://v.vault.azure.net/" }
}`,
    );
    expect(lines(wrong)).toEqual([
      'secret-scopes/db.json:3:3: "keyvault" is not allowed here: keyvault belongs to backend: azure_keyvault; remove it or set the backend (/keyvault)',
    ]);
    const badVault = check(
      'secret-scopes/kv.json',
      `{
  "scope": "kv",
  "backend": "azure_keyvault",
  "keyvault": { "resource_id": "kv-sales", "dns_name": "kv-sales.vault.azure.net" }
}`,
    );
    expect(errors(badVault).map((d) => `${d.line}:${d.column} ${d.pointer}`)).toEqual([
      '4:32 /keyvault/resource_id',
      '4:56 /keyvault/dns_name',
    ]);
  });
});
