/**
 * Cluster checks the Clusters and Jobs APIs make on create/reset that a schema cannot express, so
 * `validate` refuses what the workspace would refuse, before anything is written. Each rule says
 * which API check it mirrors. Values still holding a `{{…}}` reference are not judged.
 */
import { type Issue, isObject, issue } from './issues.js';

type Json = Record<string, unknown>;

const unresolved = (v: string) => v.includes('{{') || v.includes('${');

/** AWS EC2 instance types (`i3.xlarge`, `m5d.2xlarge`, `r6gd.metal`) and GCP machine types (`n2-highmem-4`). */
const AWS_NODE_TYPE = /^[a-z][a-z0-9-]*\.(\d*x?large|metal|medium|small|micro|nano)$/i;
const GCP_NODE_TYPE = /^(n1|n2|n2d|e2|c2|c2d|c3|a2|a3|g2|m1|m2|m3)-[a-z]+-\d+$/i;

/**
 * Mirrors the Clusters API's node type check on Azure Databricks (every workspace this tool
 * serves is on Azure): an AWS or GCP instance type is refused as "not supported".
 */
function nodeTypeIssues(spec: Json, at: string): Issue[] {
  const out: Issue[] = [];
  for (const field of ['node_type_id', 'driver_node_type_id']) {
    const v = spec[field];
    if (typeof v !== 'string' || unresolved(v)) continue;
    const cloud = AWS_NODE_TYPE.test(v)
      ? 'an AWS instance type'
      : GCP_NODE_TYPE.test(v)
        ? 'a GCP machine type'
        : '';
    if (cloud)
      out.push(
        issue(
          `${at}/${field}`,
          `${field} "${v}" is ${cloud}; Azure Databricks takes Azure VM sizes such as "Standard_DS3_v2" (databricks-dr preflight lists those offered in each region)`,
        ),
      );
  }
  return out;
}

/**
 * Mirrors the Clusters API's check that `spark_version` is a runtime key from
 * clusters/spark-versions ("15.4.x-scala2.12"), not the display name the UI shows
 * ("15.4 LTS (includes Apache Spark 3.5.0, Scala 2.12)").
 */
function sparkVersionIssues(spec: Json, at: string): Issue[] {
  const v = spec.spark_version;
  if (typeof v !== 'string' || unresolved(v) || !/[\s(]/.test(v.trim())) return [];
  const m = /^(\d+)\.(\d+)\b.*?(\bML\b)?.*?Scala (\d+\.\d+)/i.exec(v);
  const ml = m && /\bML\b/.test(v) ? (/\bGPU\b/i.test(v) ? '-gpu-ml' : '-cpu-ml') : '';
  const key = m ? `${m[1]}.${m[2]}.x${ml}-scala${m[4]}` : undefined;
  return [
    issue(
      `${at}/spark_version`,
      `spark_version "${v}" is the display name the UI shows, not a runtime key${key ? ` — did you mean "${key}"?` : ': use a key such as "15.4.x-scala2.12"'}`,
    ),
  ];
}

/**
 * Mirrors the Clusters API: a cluster in an instance pool takes its node type from the pool, and
 * "node_type_id" together with "instance_pool_id" is refused.
 */
function poolIssues(spec: Json, at: string): Issue[] {
  const pool = ['instance_pool_id', 'instance_pool_name'].find((f) => f in spec);
  if (!pool || !('node_type_id' in spec)) return [];
  return [
    issue(
      `${at}/node_type_id`,
      `node_type_id cannot be set together with ${pool}: a cluster in an instance pool takes the pool's node type; remove node_type_id`,
      { target: 'key' },
    ),
  ];
}

/** The API checks above, for a cluster file or any cluster spec inside a job. */
export function apiClusterIssues(spec: Json, at: string): Issue[] {
  return [...nodeTypeIssues(spec, at), ...sparkVersionIssues(spec, at), ...poolIssues(spec, at)];
}

/**
 * Mirrors jobs/create and jobs/reset: a job's `new_cluster` (in job_clusters or a task) needs a
 * spark_version unless a cluster policy supplies one. A policy's definition is not known offline,
 * so any policy is taken to supply it (the workspace refuses it at deploy otherwise).
 */
export function jobClusterIssues(spec: unknown, at: string): Issue[] {
  if (!isObject(spec) || 'spark_version' in spec || 'policy_id' in spec || 'policy_name' in spec) return [];
  return [
    issue(
      at,
      'new_cluster needs spark_version (a runtime key such as "15.4.x-scala2.12"), or a policy_name whose policy fixes it',
    ),
  ];
}
