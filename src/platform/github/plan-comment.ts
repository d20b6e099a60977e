/**
 * Posts the plan as one pull-request comment (plan runs of the actions only). It never fails the
 * step: whenever the comment cannot be written — no token, not a pull request, a pull request
 * from a fork (read-only token, no secrets), a token without `pull-requests: write` (HTTP 403) —
 * the plan stays in the job summary, which always holds all of it, and a notice says why.
 */
import * as core from '@actions/core';
import { context, getOctokit } from '@actions/github';
import { renderMarkdown } from '../../core/plan/render.js';
import type { CommandResult } from '../../core/plan/types.js';
import type { Reporter } from '../../core/reporter.js';
import { getString, Inputs } from './inputs.js';
import { composeComment, httpStatus, planMarker, upsertComment } from './pr-comment.js';

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);

interface PullRequestPayload {
  number: number;
  head?: { sha?: string; repo?: { full_name?: string } | null };
}

export interface PlanCommentOptions {
  /** The config path as the workflow gave it (relative to the workspace): names the comment. */
  config: string;
  /** Masks secrets in the body (the API is not masked by the runner as logs are). */
  redact?: (text: string) => string;
}

function runUrl(): string | undefined {
  const { serverUrl, runId } = context;
  if (!runId || !process.env.GITHUB_REPOSITORY) return undefined;
  const attempt = process.env.GITHUB_RUN_ATTEMPT;
  return `${serverUrl}/${context.repo.owner}/${context.repo.repo}/actions/runs/${runId}${attempt ? `/attempts/${attempt}` : ''}`;
}

/** Why the plan is not posted as a comment, noted in the log (a notice) and in the summary. */
async function fallback(
  reporter: Reporter,
  why: string,
  level: 'notice' | 'warning' = 'notice',
): Promise<void> {
  const say = level === 'warning' ? core.warning : core.notice;
  say(`${why} The plan is in the job summary.`, { title: 'databricks-dr plan' });
  await reporter.summary(`> [!NOTE]\n> Not posted as a pull-request comment: ${why}\n`);
}

export async function postPlanComment(
  reporter: Reporter,
  result: CommandResult,
  options: PlanCommentOptions,
): Promise<void> {
  const token = getString(Inputs.GitHubToken);
  if (!token) return; // commenting not asked for
  reporter.mask(token);
  const pr = context.payload.pull_request as PullRequestPayload | undefined;
  if (!PULL_REQUEST_EVENTS.has(context.eventName) || !pr) {
    core.info(
      `databricks-dr: ${context.eventName || 'this event'} is not a pull request; the plan is in the job summary.`,
    );
    return;
  }
  const { owner, repo } = context.repo;
  const head = pr.head?.repo?.full_name;
  if (context.eventName === 'pull_request' && head !== `${owner}/${repo}`) {
    await fallback(
      reporter,
      `the pull request comes from a fork (${head ?? 'a deleted repository'}), whose runs get a read-only token and no secrets.`,
    );
    return;
  }

  const url = runUrl();
  const sha = pr.head?.sha ? pr.head.sha.slice(0, 7) : context.sha.slice(0, 7);
  const footer = `<sub>databricks-dr plan of \`${options.config}\` at ${sha}${url ? ` · [run](${url})` : ''} · updated in place on every push</sub>`;
  const plan = renderMarkdown(result, `databricks-dr plan: \`${options.config}\``);
  const redact = options.redact ?? ((s: string) => s);
  const marker = planMarker(options.config);
  const { body, truncated } = composeComment(marker, redact(plan), { summaryUrl: url, footer });
  try {
    const outcome = await upsertComment(getOctokit(token), { owner, repo, number: pr.number }, marker, body);
    core.info(
      `databricks-dr: plan comment ${outcome.action}: ${outcome.url}${truncated ? ' (truncated)' : ''}`,
    );
  } catch (err) {
    const status = httpStatus(err);
    const message = err instanceof Error ? err.message : String(err);
    if (status === 403 || status === 404) {
      await fallback(
        reporter,
        `the token may not write pull-request comments (HTTP ${status}: ${message}). Grant the job \`pull-requests: write\` (the calling workflow too).`,
      );
    } else {
      await fallback(
        reporter,
        `the GitHub API answered ${status ?? 'with an error'}: ${message}.`,
        'warning',
      );
    }
  }
}
