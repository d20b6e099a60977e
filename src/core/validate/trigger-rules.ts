/**
 * Rules for the ways a job starts by itself — `schedule`, `trigger`, `continuous` and the
 * multi-trigger `triggers` list — that a schema cannot express: Quartz cron and Java time zones
 * wherever a cron schedule appears, and the combinations the Jobs API refuses.
 */
import { quartzCronProblem } from './cron.js';
import { type Issue, isObject, issue } from './issues.js';
import { checkTimeZone } from './timezone.js';

type Json = Record<string, unknown>;

const LEGACY = ['schedule', 'trigger', 'continuous'] as const;

/** A cron schedule at `at` (`/schedule`, `/triggers/2/schedule`). */
export function scheduleIssues(schedule: Json, at: string): Issue[] {
  const out: Issue[] = [];
  const cron = schedule.quartz_cron_expression;
  if (typeof cron === 'string' && cron.trim() !== '') {
    const problem = quartzCronProblem(cron);
    if (problem)
      out.push(
        issue(`${at}/quartz_cron_expression`, `quartz_cron_expression "${cron}" is not valid: ${problem}`),
      );
  }
  const tz = schedule.timezone_id;
  if (typeof tz === 'string' && tz !== '') {
    const check = checkTimeZone(tz);
    if (!check.ok) {
      out.push(
        issue(
          `${at}/timezone_id`,
          `timezone_id "${tz}" is not a Java time-zone id${check.suggestion ? ` — did you mean "${check.suggestion}"?` : ': use an IANA id such as "UTC" or "Europe/Amsterdam"'}`,
        ),
      );
    }
  }
  return out;
}

export function triggerIssues(job: Json): Issue[] {
  const out: Issue[] = [];
  if (isObject(job.schedule)) out.push(...scheduleIssues(job.schedule, '/schedule'));
  if (!Array.isArray(job.triggers)) return out;
  job.triggers.forEach((entry, i) => {
    if (isObject(entry) && isObject(entry.schedule))
      out.push(...scheduleIssues(entry.schedule, `/triggers/${i}/schedule`));
  });
  // Mirrors the Jobs API (JobSettings.triggers): "Cannot be set in the same request as the legacy
  // `schedule`, `trigger`, or `continuous` fields."
  for (const legacy of LEGACY.filter((k) => k in job)) {
    out.push(
      issue(
        `/${legacy}`,
        `${legacy} cannot be used together with triggers: move it into an entry of triggers (e.g. {"${legacy}": …, "pause_status": …}), or remove triggers`,
        { target: 'key' },
      ),
    );
  }
  return out;
}
