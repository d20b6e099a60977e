/**
 * The plan as one pull-request comment: found by a hidden marker, created once, then updated in
 * place. Talks to the GitHub REST API through an Octokit from @actions/github (getOctokit honours
 * GITHUB_API_URL, so GitHub Enterprise and the tests' local stand-in work the same way).
 */
import type { getOctokit } from '@actions/github';

export type Octokit = ReturnType<typeof getOctokit>;

/** GitHub rejects issue and pull-request comment bodies longer than this. */
export const COMMENT_LIMIT = 65_536;

export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
}

export interface CommentOutcome {
  action: 'created' | 'updated';
  id: number;
  url: string;
}

/** The hidden marker that identifies the plan comment of one config in a pull request. */
export function planMarker(config: string): string {
  // An HTML comment ends at "--"; keep the config readable but harmless inside one.
  const safe = config.replace(/--+/g, '-').replace(/[<>]/g, '');
  return `<!-- databricks-dr-plan:${safe} -->`;
}

/**
 * The comment body: marker, plan, footer. A plan longer than GitHub's limit is cut at a line
 * boundary, with a note that points to the job summary, which always holds all of it.
 */
export function composeComment(
  marker: string,
  plan: string,
  options: { summaryUrl?: string; footer?: string; limit?: number } = {},
): { body: string; truncated: boolean } {
  const limit = options.limit ?? COMMENT_LIMIT;
  const footer = options.footer ? `\n${options.footer}\n` : '';
  const whole = `${marker}\n${plan.trimEnd()}\n${footer}`;
  if (whole.length <= limit) return { body: whole, truncated: false };

  const lines = plan.trimEnd().split('\n');
  const where = options.summaryUrl ? `[job summary](${options.summaryUrl})` : 'job summary';
  const note = (omitted: number) =>
    `\n\n> [!NOTE]\n> The plan is too long for a pull-request comment: ${omitted} more line${omitted === 1 ? '' : 's'} ` +
    `are left out here. The whole plan is in the ${where} of this run.\n`;
  // Keep as many whole lines as fit together with the note (sized for the worst case).
  const budget = limit - marker.length - 1 - footer.length - note(lines.length).length;
  let used = 0;
  let kept = 0;
  for (const line of lines) {
    if (used + line.length + 1 > budget) break;
    used += line.length + 1;
    kept++;
  }
  const body = `${marker}\n${lines.slice(0, kept).join('\n')}${note(lines.length - kept)}${footer}`;
  return { body, truncated: true };
}

/** Finds the comment that carries the marker, if any (every page of the pull request's comments). */
export async function findComment(
  octokit: Octokit,
  pr: PullRequestRef,
  marker: string,
): Promise<{ id: number; html_url: string } | undefined> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.number,
    per_page: 100,
  });
  return comments.find((c) => typeof c.body === 'string' && c.body.startsWith(marker));
}

/** Creates the plan comment, or updates the one that carries the marker. */
export async function upsertComment(
  octokit: Octokit,
  pr: PullRequestRef,
  marker: string,
  body: string,
): Promise<CommentOutcome> {
  const existing = await findComment(octokit, pr, marker);
  if (existing) {
    const { data } = await octokit.rest.issues.updateComment({
      owner: pr.owner,
      repo: pr.repo,
      comment_id: existing.id,
      body,
    });
    return { action: 'updated', id: data.id, url: data.html_url };
  }
  const { data } = await octokit.rest.issues.createComment({
    owner: pr.owner,
    repo: pr.repo,
    issue_number: pr.number,
    body,
  });
  return { action: 'created', id: data.id, url: data.html_url };
}

/** The HTTP status of an Octokit RequestError, if that is what was thrown. */
export function httpStatus(err: unknown): number | undefined {
  if (typeof err === 'object' && err !== null && 'status' in err) {
    const status = (err as { status: unknown }).status;
    if (typeof status === 'number') return status;
  }
  return undefined;
}
