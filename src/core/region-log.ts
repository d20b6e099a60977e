/**
 * The per-region result as a CI log shows it: one collapsible group per region headed by its short
 * result (GitHub `::group::`, Azure Pipelines `##[group]`), the same for the actions and the CLI.
 * plan, deploy and failover build their groups from the changes (plan/render.ts
 * resultLogGroups); drift and preflight from their text, where each region is a line of its own
 * followed by its indented details.
 */
import type { LogGroup, Reporter } from './reporter.js';

/** Splits a region-by-region text into plain lines and one group per region line. */
export function textRegionGroups(text: string, regions: readonly string[]): Array<string | LogGroup> {
  const entries: Array<string | LogGroup> = [];
  let current: LogGroup | undefined;
  for (const line of text.replace(/\n$/, '').split('\n')) {
    if (line === '') continue;
    const region = regions.find((r) => line.startsWith(`${r} `) || line.startsWith(`${r}:`));
    if (region) {
      current = { heading: line, lines: [] };
      entries.push(current);
    } else if (current && /^\s/.test(line)) current.lines.push(line.trimStart());
    else {
      current = undefined;
      entries.push(line);
    }
  }
  return entries;
}

/** Writes a result log: plain lines as they are, each group under its heading. */
export async function writeResultLog(reporter: Reporter, entries: ReadonlyArray<string | LogGroup>) {
  for (const entry of entries) {
    if (typeof entry === 'string') reporter.logger.info(entry);
    else
      await reporter.group(entry.heading, async () => {
        for (const line of entry.lines) reporter.logger.info(line);
      });
  }
}
