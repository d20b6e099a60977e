/**
 * Listings of the objects a job may point at that databricks-dr does not deploy — pipelines, SQL
 * alerts and queries, Lakeview dashboards, notification destinations — reduced to id and name, so
 * definitions can name them and each region resolves its own ids. Wire shapes: the Go SDK's
 * pipelines.ListPipelinesResponse, sql.ListAlertsResponse / ListQueryObjectsResponse,
 * dashboards.ListDashboardsResponse, settings.ListNotificationDestinationsResponse, and for the
 * legacy SQL dashboards a `sql_task.dashboard` runs, sql.ListResponse (numbered pages).
 */
import { followPages, type HttpClient } from './http.js';

export type AssetKind = 'pipelines' | 'alerts' | 'queries' | 'dashboards' | 'destinations' | 'sqlDashboards';

/** Legacy SQL dashboards: pages numbered from 1, `page_size` up to 250 (sql.ListDashboardsRequest). */
const SQL_DASHBOARDS = '/api/2.0/preview/sql/dashboards';
const SQL_DASHBOARDS_PAGE = 250;
/** Stops a server that never returns an empty page. */
const MAX_NUMBERED_PAGES = 10_000;

export interface NamedAsset {
  id: string;
  name: string;
}

type Page = Record<string, unknown> & { next_page_token?: string };

/** Path, page size parameter (at its documented maximum), the list's field, and the id and name fields. */
const LISTINGS: Record<
  Exclude<AssetKind, 'sqlDashboards'>,
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
    if (kind === 'sqlDashboards') return this.listSqlDashboards();
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

  /** The SDK's iterator: the next page number until a page comes back empty (no token, no total). */
  private async listSqlDashboards(): Promise<NamedAsset[]> {
    const out: NamedAsset[] = [];
    for (let page = 1; page <= MAX_NUMBERED_PAGES; page++) {
      const res = await this.http.get<{ results?: Array<Record<string, unknown>> }>(SQL_DASHBOARDS, {
        page,
        page_size: SQL_DASHBOARDS_PAGE,
      });
      const items = res.results ?? [];
      if (items.length === 0) break;
      for (const item of items)
        if (typeof item.id === 'string' && typeof item.name === 'string')
          out.push({ id: item.id, name: item.name });
      if (items.length < SQL_DASHBOARDS_PAGE) break;
    }
    return out;
  }
}
