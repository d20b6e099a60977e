/**
 * The plan as one pull-request comment: created once, found again by its hidden marker, updated in
 * place, truncated under GitHub's limit; a 403 or a fork falls back to the job summary with a
 * notice. Against a local stand-in for the GitHub REST API (GITHUB_API_URL points Octokit at it).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getOctokit } from '@actions/github';
import { afterEach, describe, expect, it } from 'vitest';
import {
  COMMENT_LIMIT,
  composeComment,
  httpStatus,
  planMarker,
  upsertComment,
} from '../../src/platform/github/pr-comment.js';
import { type TwoRegions, twoRegions } from '../helpers/project.js';
import { runAction } from '../helpers/runner.js';
import { type GitHubStandIn, startGitHubStandIn } from './github-api.js';

const TOKEN = 'ghs_Standin-Token-0000000000000000';
const PR = { owner: 'acme', repo: 'sales-platform', number: 7 };

let api: GitHubStandIn | undefined;
let setup: TwoRegions | undefined;
afterEach(async () => {
  await api?.close();
  await setup?.emulator.stop();
  api = undefined;
  setup = undefined;
});

describe('composeComment', () => {
  it('puts the marker first and keeps a short plan whole', () => {
    const marker = planMarker('databricks-dr.yml');
    expect(marker).toBe('<!-- databricks-dr-plan:databricks-dr.yml -->');
    const { body, truncated } = composeComment(marker, '## plan\n\nNo changes.\n', {
      footer: '<sub>x</sub>',
    });
    expect(truncated).toBe(false);
    expect(body.startsWith(`${marker}\n## plan`)).toBe(true);
    expect(body).toContain('<sub>x</sub>');
  });

  it('keeps the marker a valid HTML comment whatever the config path', () => {
    expect(planMarker('teams/a--b/<x>.yml')).toBe('<!-- databricks-dr-plan:teams/a-b/x.yml -->');
  });

  it("cuts a long plan at a line boundary under GitHub's 65,536-character limit, pointing to the job summary", () => {
    const rows = Array.from(
      { length: 5000 },
      (_, i) => `| + | notebook | \`/Shared/sales/nb-${i}\` | create |`,
    );
    const plan = ['## plan', '', '| | kind | name | change |', '|---|---|---|---|', ...rows].join('\n');
    expect(plan.length).toBeGreaterThan(COMMENT_LIMIT);
    const marker = planMarker('databricks-dr.yml');
    const summaryUrl = 'https://github.com/acme/sales-platform/actions/runs/42';
    const { body, truncated } = composeComment(marker, plan, { summaryUrl, footer: '<sub>footer</sub>' });
    expect(truncated).toBe(true);
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body.length).toBeGreaterThan(COMMENT_LIMIT - 300);
    expect(body.startsWith(marker)).toBe(true);
    expect(body).toContain(`The whole plan is in the [job summary](${summaryUrl})`);
    expect(body.trimEnd().endsWith('<sub>footer</sub>')).toBe(true);
    const kept = body.split('\n').filter((l) => l.startsWith('| + |'));
    expect(rows.slice(0, kept.length)).toEqual(kept); // whole lines, in order
    expect(body).toMatch(new RegExp(`${rows.length - kept.length} more lines are left out`));
  });
});

describe('upsertComment against the GitHub REST stand-in', () => {
  it('creates the comment once, then updates it in place, leaving other comments alone', async () => {
    api = await startGitHubStandIn({
      comments: [
        { id: 1, issue: 7, body: 'LGTM', user: { login: 'alice' } },
        {
          id: 2,
          issue: 7,
          body: `${planMarker('other/databricks-dr.yml')}\nplan of another config`,
          user: { login: 'github-actions[bot]' },
        },
      ],
    });
    const octokit = getOctokit(TOKEN, { baseUrl: api.url });
    const marker = planMarker('databricks-dr.yml');
    const first = await upsertComment(octokit, PR, marker, `${marker}\nfirst`);
    expect(first.action).toBe('created');
    const second = await upsertComment(octokit, PR, marker, `${marker}\nsecond`);
    expect(second).toMatchObject({ action: 'updated', id: first.id });
    expect(api.comments.filter((c) => c.body.startsWith(marker))).toHaveLength(1);
    expect(api.comments.find((c) => c.id === first.id)?.body).toBe(`${marker}\nsecond`);
    expect(api.comments.map((c) => c.body)).toEqual(
      expect.arrayContaining(['LGTM', `${planMarker('other/databricks-dr.yml')}\nplan of another config`]),
    );
    expect(api.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'GET', 'PATCH']);
    expect(api.requests[0].authorization).toBe(`token ${TOKEN}`);
  });

  it('finds the marker on a later page of a long conversation', async () => {
    const marker = planMarker('databricks-dr.yml');
    const comments = Array.from({ length: 230 }, (_, i) => ({
      id: i + 1,
      issue: 7,
      body: i === 180 ? `${marker}\nold plan` : `comment ${i}`,
      user: { login: 'bob' },
    }));
    api = await startGitHubStandIn({ comments });
    const outcome = await upsertComment(
      getOctokit(TOKEN, { baseUrl: api.url }),
      PR,
      marker,
      `${marker}\nnew`,
    );
    expect(outcome).toMatchObject({ action: 'updated', id: 181 });
    expect(api.requests.filter((r) => r.method === 'GET')).toHaveLength(3);
  });

  it('surfaces a 403 with its status (the caller falls back to the summary)', async () => {
    api = await startGitHubStandIn();
    api.forbid = 'writes';
    const marker = planMarker('databricks-dr.yml');
    const err = await upsertComment(getOctokit(TOKEN, { baseUrl: api.url }), PR, marker, marker).catch(
      (e: unknown) => e,
    );
    expect(httpStatus(err)).toBe(403);
  });
});

/** The runner's environment for a pull_request event of acme/sales-platform#7. */
function pullRequestEnv(apiUrl: string, head = 'acme/sales-platform', event = 'pull_request') {
  const dir = mkdtempSync(path.join(tmpdir(), 'dr-event-'));
  const eventPath = path.join(dir, 'event.json');
  writeFileSync(
    eventPath,
    JSON.stringify({
      action: 'synchronize',
      number: 7,
      pull_request: { number: 7, head: { sha: 'abcdef0123456789', repo: { full_name: head } } },
      repository: { full_name: 'acme/sales-platform', name: 'sales-platform', owner: { login: 'acme' } },
    }),
  );
  return {
    GITHUB_API_URL: apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/sales-platform',
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_SHA: '1111111222222233333334444444555555566666',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
  };
}

describe('the plan action on a pull request (dist/deploy, run as the runner runs it)', () => {
  const inputs = { command: 'plan', config: 'databricks-dr.yml', 'github-token': TOKEN };

  it('posts the per-region plan as one comment and updates it on the next push', async () => {
    setup = await twoRegions();
    api = await startGitHubStandIn();
    const env = { ...setup.env, ...pullRequestEnv(api.url) };
    const first = await runAction('deploy', inputs, env, setup.dir);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(api.comments).toHaveLength(1);
    const comment = api.comments[0];
    expect(comment.issue).toBe(7);
    expect(comment.body.startsWith('<!-- databricks-dr-plan:databricks-dr.yml -->\n')).toBe(true);
    expect(comment.body).toContain('### primary (active, epoch 0): ok');
    expect(comment.body).toContain('### secondary (passive, epoch 0): ok');
    expect(comment.body).toContain('| + | cluster | `shared-etl` | create |');
    expect(comment.body).toContain('https://github.com/acme/sales-platform/actions/runs/4242/attempts/1');
    expect(comment.body).not.toContain(setup.env.DATABRICKS_TOKEN_PRIMARY!);
    expect(first.stdout).toContain(`::add-mask::${TOKEN}`);
    expect(first.stdout).toMatch(/plan comment created: https:\/\/github\.example\//);
    // The job summary holds the plan too.
    expect(first.summary).toContain('| + | cluster | `shared-etl` | create |');

    const second = await runAction('deploy', inputs, env, setup.dir);
    expect(second.code).toBe(0);
    expect(api.comments).toHaveLength(1);
    expect(api.requests.map((r) => r.method)).toEqual(['GET', 'POST', 'GET', 'PATCH']);
    expect(second.stdout).toMatch(/plan comment updated/);
    for (const ws of setup.emulator.workspaces) expect(ws.requests().filter((r) => r.mutation)).toEqual([]);
  });

  it('without pull-requests: write (403) falls back to the job summary with a notice, and succeeds', async () => {
    setup = await twoRegions();
    api = await startGitHubStandIn();
    api.forbid = 'all';
    const run = await runAction('deploy', inputs, { ...setup.env, ...pullRequestEnv(api.url) }, setup.dir);
    expect(run.code, run.stdout).toBe(0);
    const notice = run.annotations.find((a) => a.level === 'notice');
    expect(notice?.message).toContain('HTTP 403');
    expect(notice?.message).toContain('pull-requests: write');
    expect(notice?.message).toContain('The plan is in the job summary.');
    expect(run.summary).toContain('| + | cluster | `shared-etl` | create |');
    expect(run.summary).toContain('Not posted as a pull-request comment');
    expect(api.comments).toEqual([]);
  });

  it('on a pull request from a fork makes no API call and says why', async () => {
    setup = await twoRegions();
    api = await startGitHubStandIn();
    const run = await runAction(
      'deploy',
      inputs,
      { ...setup.env, ...pullRequestEnv(api.url, 'mallory/sales-platform') },
      setup.dir,
    );
    expect(run.code, run.stdout).toBe(0);
    expect(api.requests).toEqual([]);
    expect(run.annotations.find((a) => a.level === 'notice')?.message).toContain(
      'the pull request comes from a fork (mallory/sales-platform)',
    );
    expect(run.summary).toContain('### primary (active, epoch 0): ok');
  });

  it('outside a pull request, or without a token, only writes the summary', async () => {
    setup = await twoRegions();
    api = await startGitHubStandIn();
    const push = await runAction(
      'deploy',
      inputs,
      { ...setup.env, ...pullRequestEnv(api.url, 'acme/sales-platform', 'push') },
      setup.dir,
    );
    expect(push.code).toBe(0);
    const noToken = await runAction(
      'deploy',
      { command: 'plan', config: 'databricks-dr.yml' },
      { ...setup.env, ...pullRequestEnv(api.url) },
      setup.dir,
    );
    expect(noToken.code).toBe(0);
    expect(api.requests).toEqual([]);
    expect(noToken.summary).toContain('### secondary (passive, epoch 0): ok');
  });
});
