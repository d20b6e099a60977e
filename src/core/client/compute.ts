/**
 * Cluster policies, instance pools and SQL warehouses (reference/databricks-api.md): listed to map
 * between their names and the ids each workspace gives them.
 */
import type { HttpClient } from './http.js';

export interface ClusterPolicy {
  policy_id: string;
  name: string;
  [key: string]: unknown;
}

export interface InstancePool {
  instance_pool_id: string;
  instance_pool_name: string;
  [key: string]: unknown;
}

export interface SqlWarehouse {
  id: string;
  name: string;
  [key: string]: unknown;
}

export class ComputeApi {
  constructor(private readonly http: HttpClient) {}

  /** Every cluster policy (the API answers in one page; `policies` is absent when there are none). */
  async listPolicies(): Promise<ClusterPolicy[]> {
    const res = await this.http.get<{ policies?: ClusterPolicy[] }>('/api/2.0/policies/clusters/list');
    return res.policies ?? [];
  }

  async listInstancePools(): Promise<InstancePool[]> {
    const res = await this.http.get<{ instance_pools?: InstancePool[] }>('/api/2.0/instance-pools/list');
    return res.instance_pools ?? [];
  }

  async listWarehouses(): Promise<SqlWarehouse[]> {
    const res = await this.http.get<{ warehouses?: SqlWarehouse[] }>('/api/2.0/sql/warehouses');
    return res.warehouses ?? [];
  }
}
