/**
 * Listings of the objects a job may point at that databricks-dr does not deploy — pipelines, SQL
 * alerts and queries, Lakeview dashboards, notification destinations — reduced to id and name, so
 * definitions can name them and each region resolves its own ids. Wire shapes: the Go SDK's
 * pipelines.ListPipelinesResponse, sql.ListAlertsResponse / ListQueryObjectsResponse,
 * dashboards.ListDashboardsResponse, settings.ListNotificationDestinationsResponse.
 */
import { followPages, type HttpClient } from './http.js';

export type AssetKind = 'pipelines' | 'alerts' | 'queries' | 'dashboards' | 'destinations';

export interface NamedAsset {
  id: string;
  name: string;
}

type Page = Record<string, unknown> & { next_page_token?: string };

/** Path, page size parameter (at its documented maximum), the list's field, and the id and name fields. */
const LISTINGS: Record<
  AssetKind,
  { path: string; size: [string, number]; items: string; id: string; name: string }
> = {
  pipelines: {
    path: '/api/2.0/pipelines',
    size: ['max_results', 100],
    items: 'statuses',
    id: 'pipeline_id',
    name: 'name',
  },
  alerts: {
    path: '/api/2.0/sql/alerts',
    size: ['page_size', 100],
    items: 'results',
    id: 'id',
    name: 'display_name',
  },
  queries: {
    path: '/api/2.0/sql/queries',
    size: ['page_size', 100],
    items: 'results',
    id: 'id',
    name: 'display_name',
  },
  dashboards: {
    path: '/api/2.0/lakeview/dashboards',
    size: ['page_size', 1000],
    items: 'dashboards',
    id: 'dashboard_id',
    name: 'display_name',
  },
  destinations: {
    path: '/api/2.0/notification-destinations',
    size: ['page_size', 100],
    items: 'results',
    id: 'id',
    name: 'display_name',
  },
};

export class AssetsApi {
  constructor(private readonly http: HttpClient) {}

  /** Every object of a kind, as id and name (all pages). */
  async listAll(kind: AssetKind): Promise<NamedAsset[]> {
    const l = LISTINGS[kind];
    const out: NamedAsset[] = [];
    for await (const page of followPages((token) =>
      this.http.get<Page>(l.path, { [l.size[0]]: l.size[1], page_token: token }),
    )) {
      const items = page[l.items];
      if (!Array.isArray(items)) continue;
      for (const item of items as Record<string, unknown>[])
        if (typeof item[l.id] === 'string' && typeof item[l.name] === 'string')
          out.push({ id: item[l.id] as string, name: item[l.name] as string });
    }
    return out;
  }
}
