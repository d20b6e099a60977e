/**
 * The release workflow (.github/workflows/release.yml, RELEASING.md): on a tag vX.Y.Z it checks,
 * then publishes with provenance, then moves vX — in that order, each after the last succeeded.
 * Its shell steps run here for real: the version check against a package.json, and the major tag
 * moved in a scratch repository with a bare "origin".
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/runner.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: string;
  steps: Step[];
}
const workflow = parse(readFileSync(path.join(ROOT, '.github/workflows/release.yml'), 'utf8')) as {
  on: { push: { tags: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
};
const { check, publish } = workflow.jobs;
const majorTag = workflow.jobs['major-tag'];

function runScript(script: string, cwd: string, env: Record<string, string>) {
  return spawnSync('bash', ['-e', '-c', script], {
    cwd,
    env: { PATH: process.env.PATH, HOME: cwd, ...env },
    encoding: 'utf8',
  });
}

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

describe('release workflow', () => {
  it('runs on vX.Y.Z tags only, reads by default, and orders check → publish → major tag', () => {
    expect(Object.keys(workflow.on)).toEqual(['push']);
    expect(workflow.on.push.tags).toEqual(['v[0-9]+.[0-9]+.[0-9]+']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const runs = check.steps.map((s) => s.run ?? '');
    expect(runs).toEqual(expect.arrayContaining(['npm ci', 'npm test', 'npm run build']));
    expect(runs.some((r) => r.includes('git status --porcelain dist') && r.includes('exit 1'))).toBe(true);
    expect(publish.needs).toBe('check');
    expect(publish.permissions).toEqual({ contents: 'read', 'id-token': 'write' });
    expect(publish.steps.some((s) => /^npm publish --provenance\b/.test(s.run ?? ''))).toBe(true);
    expect(majorTag.needs).toBe('publish');
    expect(majorTag.permissions).toEqual({ contents: 'write' });
    // Only the job that pushes keeps its credentials.
    for (const job of [check, publish])
      for (const s of job.steps.filter((s) => s.uses?.startsWith('actions/checkout@')))
        expect(s.with?.['persist-credentials']).toBe(false);
  });

  it('refuses a tag that does not match package.json’s version', () => {
    const step = check.steps.find((s) => s.name === "package.json has the tag's version")!;
    const dir = mkdtempSync(path.join(tmpdir(), 'release-version-'));
    writeFileSync(path.join(dir, 'package.json'), '{ "version": "1.2.3" }\n');
    const node = path.dirname(process.execPath);
    const ok = runScript(step.run!, dir, { TAG: 'v1.2.3', PATH: `${node}:${process.env.PATH}` });
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    const bad = runScript(step.run!, dir, { TAG: 'v1.2.4', PATH: `${node}:${process.env.PATH}` });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain(
      '::error title=release::the tag is v1.2.4 but package.json says 1.2.3: set "version": "1.2.4"',
    );
  });

  it('moves vX to each new vX.Y.Z, and leaves other majors alone', () => {
    const step = majorTag.steps.find((s) => s.run?.includes('git push'))!;
    const root = mkdtempSync(path.join(tmpdir(), 'release-tags-'));
    const origin = path.join(root, 'origin.git');
    execFileSync('git', ['init', '--bare', '-q', origin]);
    const work = path.join(root, 'work');
    execFileSync('git', ['clone', '-q', origin, work], { stdio: 'ignore' });
    const commit = (message: string) => {
      execFileSync(
        'git',
        [
          '-c',
          'user.name=t',
          '-c',
          'user.email=t@example.com',
          'commit',
          '-q',
          '--allow-empty',
          '-m',
          message,
        ],
        {
          cwd: work,
        },
      );
      return git(work, 'rev-parse', 'HEAD');
    };
    const first = commit('1.0.0');
    const one = runScript(step.run!, work, { TAG: 'v1.0.0', GITHUB_SHA: first });
    expect(one.status, one.stderr).toBe(0);
    expect(git(origin, 'rev-parse', 'v1^{commit}')).toBe(first);

    const second = commit('1.1.0');
    const two = runScript(step.run!, work, { TAG: 'v1.1.0', GITHUB_SHA: second });
    expect(two.status, two.stderr).toBe(0);
    expect(git(origin, 'rev-parse', 'v1^{commit}')).toBe(second);
    expect(two.stdout).toContain(`v1 now points at v1.1.0 (${second}).`);

    const third = commit('2.0.0');
    expect(runScript(step.run!, work, { TAG: 'v2.0.0', GITHUB_SHA: third }).status).toBe(0);
    expect(git(origin, 'rev-parse', 'v2^{commit}')).toBe(third);
    expect(git(origin, 'rev-parse', 'v1^{commit}')).toBe(second);
  });
});
