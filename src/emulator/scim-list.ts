/**
 * SCIM list queries (users, groups, service principals): the `filter` expression and the
 * `startIndex`/`count` paging of a ListResponse, as Databricks' SCIM API documents them.
 */
import { type ApiRequest, type JsonObject, ScimError } from './http.js';

const LIST_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

// Filters: `attr op "value"` terms joined by `and` / `or` (no parentheses), as the docs describe
// ("we currently only support simple expressions"). String comparisons ignore case.

type Term = { attr: string; op: 'eq' | 'ne' | 'co' | 'sw'; value: string | boolean };
type Filter = Term[][]; // OR of ANDs

const invalidFilter = (filter: string) => new ScimError(400, `Invalid filter: ${filter}`, 'invalidFilter');

function parseFilter(filter: string): Filter {
  const tokens = filter.match(/"(?:[^"\\]|\\.)*"|\S+/g) ?? [];
  const ors: Filter = [[]];
  let i = 0;
  while (i < tokens.length) {
    if (tokens.length - i < 3) throw invalidFilter(filter);
    const [attr, opRaw, valueRaw] = tokens.slice(i, i + 3);
    const op = opRaw.toLowerCase();
    if (op !== 'eq' && op !== 'ne' && op !== 'co' && op !== 'sw') throw invalidFilter(filter);
    let value: string | boolean;
    if (valueRaw.startsWith('"')) value = JSON.parse(valueRaw) as string;
    else if (valueRaw === 'true' || valueRaw === 'false') value = valueRaw === 'true';
    else throw invalidFilter(filter);
    ors[ors.length - 1].push({ attr: attr.toLowerCase(), op, value });
    i += 3;
    if (i < tokens.length) {
      const joiner = tokens[i].toLowerCase();
      if (joiner === 'or') ors.push([]);
      else if (joiner !== 'and') throw invalidFilter(filter);
      i++;
      if (i === tokens.length) throw invalidFilter(filter);
    }
  }
  return ors;
}

function matches(item: JsonObject, filter: Filter): boolean {
  const field = (attr: string): unknown => {
    if (attr === 'emails' || attr === 'emails.value')
      return Array.isArray(item.emails) ? (item.emails[0] as JsonObject | undefined)?.value : undefined;
    const key = Object.keys(item).find((k) => k.toLowerCase() === attr);
    return key ? item[key] : undefined;
  };
  const test = (t: Term): boolean => {
    const v = field(t.attr);
    if (typeof t.value === 'boolean') return t.op === 'ne' ? v !== t.value : v === t.value;
    const have = typeof v === 'string' ? v.toLowerCase() : undefined;
    const want = t.value.toLowerCase();
    switch (t.op) {
      case 'eq':
        return have === want;
      case 'ne':
        return have !== want;
      case 'co':
        return have?.includes(want) ?? false;
      case 'sw':
        return have?.startsWith(want) ?? false;
    }
  };
  return filter.some((all) => all.every(test));
}

function positiveInt(req: ApiRequest, name: string, fallback: number): number {
  const raw = req.query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ScimError(400, `Invalid ${name}: ${raw}`, 'invalidValue');
  return Number(raw);
}

/** One page of a SCIM list: the items the request's `filter` matches, from `startIndex`, at most `count`. */
export function listResponse(req: ApiRequest, items: JsonObject[]): JsonObject {
  const filter = req.query.get('filter');
  const matching = filter ? items.filter((i) => matches(i, parseFilter(filter))) : items;
  const start = Math.max(1, positiveInt(req, 'startIndex', 1));
  const count = positiveInt(req, 'count', 10_000);
  const page = matching.slice(start - 1, start - 1 + count);
  return {
    totalResults: matching.length,
    itemsPerPage: page.length,
    startIndex: start,
    schemas: [LIST_SCHEMA],
    ...(page.length > 0 ? { Resources: page } : {}),
  };
}
