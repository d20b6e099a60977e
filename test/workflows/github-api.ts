/**
 * A small local stand-in for the GitHub REST endpoints the plan comment uses: list an issue's
 * comments (paginated with Link headers, as GitHub does), create one, update one. GITHUB_API_URL
 * points Octokit at it. `forbid` answers 403 the way GitHub answers a token without
 * `pull-requests: write`.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredComment {
  id: number;
  body: string;
  issue: number;
  user: { login: string };
}

export interface ApiRequest {
  method: string;
  path: string;
  authorization?: string;
  body?: unknown;
}

export interface GitHubStandIn {
  url: string;
  comments: StoredComment[];
  requests: ApiRequest[];
  /** 'writes': 403 on POST/PATCH; 'all': 403 on everything; 'none': normal. */
  forbid: 'none' | 'writes' | 'all';
  close(): Promise<void>;
}

const FORBIDDEN = {
  message: 'Resource not accessible by integration',
  documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
  status: '403',
};

async function readBody(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text ? JSON.parse(text) : undefined;
}

export async function startGitHubStandIn(
  options: { owner?: string; repo?: string; comments?: StoredComment[] } = {},
): Promise<GitHubStandIn> {
  const owner = options.owner ?? 'acme';
  const repo = options.repo ?? 'sales-platform';
  let nextId = 1000;
  const state: Omit<GitHubStandIn, 'url' | 'close'> = {
    comments: options.comments ?? [],
    requests: [],
    forbid: 'none',
  };
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = req.method === 'GET' ? undefined : await readBody(req);
    state.requests.push({
      method: req.method ?? '',
      path: url.pathname,
      authorization: req.headers.authorization,
      body,
    });
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(payload));
    };
    if (state.forbid === 'all' || (state.forbid === 'writes' && req.method !== 'GET')) {
      send(403, FORBIDDEN);
      return;
    }
    const base = `/repos/${owner}/${repo}`;
    const list = new RegExp(`^${base}/issues/(\\d+)/comments$`).exec(url.pathname);
    const one = new RegExp(`^${base}/issues/comments/(\\d+)$`).exec(url.pathname);
    const html = (c: StoredComment) =>
      `https://github.example/${owner}/${repo}/pull/${c.issue}#issuecomment-${c.id}`;
    const shape = (c: StoredComment) => ({ ...c, html_url: html(c), issue_url: `${base}/issues/${c.issue}` });
    if (list && req.method === 'GET') {
      const issue = Number(list[1]);
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      const all = state.comments.filter((c) => c.issue === issue);
      const pages = Math.max(1, Math.ceil(all.length / perPage));
      const headers: Record<string, string> = {};
      if (page < pages) {
        const next = new URL(url.href.replace('http://127.0.0.1', address()));
        next.searchParams.set('page', String(page + 1));
        headers.link = `<${next.href}>; rel="next"`;
      }
      send(200, all.slice((page - 1) * perPage, page * perPage).map(shape), headers);
      return;
    }
    if (list && req.method === 'POST') {
      const comment = {
        id: nextId++,
        issue: Number(list[1]),
        body: (body as { body: string }).body,
        user: { login: 'github-actions[bot]' },
      };
      state.comments.push(comment);
      send(201, shape(comment));
      return;
    }
    if (one && req.method === 'PATCH') {
      const comment = state.comments.find((c) => c.id === Number(one[1]));
      if (!comment) {
        send(404, { message: 'Not Found' });
        return;
      }
      comment.body = (body as { body: string }).body;
      send(200, shape(comment));
      return;
    }
    send(404, { message: 'Not Found', path: url.pathname });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const standIn = state as GitHubStandIn;
  standIn.url = address();
  standIn.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return standIn;
}
