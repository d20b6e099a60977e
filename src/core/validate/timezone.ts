/**
 * Time-zone ids as Java accepts them in `schedule.timezone_id` (java.util.TimeZone /
 * java.time.ZoneId): IANA ids (canonical and the tzdb "backward" aliases such as US/Pacific or
 * Asia/Calcutta), the old short ids (EST, PST, IST…), and custom GMT offsets (GMT+5, UTC-08:00).
 * Java ids are case-sensitive; ICU (which Node uses) is not, so the case is checked separately.
 */
import { closest } from '../suggest.js';

/** java.time.ZoneId.SHORT_IDS plus the other legacy ids java.util.TimeZone still lists. */
const JAVA_LEGACY_IDS = new Set([
  'ACT',
  'AET',
  'AGT',
  'ART',
  'AST',
  'BET',
  'BST',
  'CAT',
  'CNT',
  'CST',
  'CTT',
  'EAT',
  'ECT',
  'EST',
  'HST',
  'IET',
  'IST',
  'JST',
  'MIT',
  'MST',
  'NET',
  'NST',
  'PLT',
  'PNT',
  'PRT',
  'PST',
  'SST',
  'VST',
  'UTC',
  'GMT',
  'UCT',
  'UT',
  'Universal',
  'Zulu',
  'Greenwich',
  'GMT0',
  'CET',
  'EET',
  'MET',
  'WET',
  'EST5EDT',
  'CST6CDT',
  'MST7MDT',
  'PST8PDT',
]);

/** All-capital path segments that real ids contain. */
const UPPER_SEGMENTS = new Set(['EST5EDT', 'CST6CDT', 'MST7MDT', 'PST8PDT', 'NZ-CHAT', 'W-SU', 'GMT0']);

const OFFSET = /^(GMT|UTC|UT)[+-](\d{1,2})(:?(\d{2}))?$/;

let canonical: string[] | undefined;
function canonicalIds(): string[] {
  canonical ??= Intl.supportedValuesOf('timeZone');
  return canonical;
}

function resolve(id: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: id }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

export interface TimeZoneCheck {
  ok: boolean;
  /** A likely intended id, for "did you mean …?". */
  suggestion?: string;
}

const cache = new Map<string, TimeZoneCheck>();

export function checkTimeZone(id: string): TimeZoneCheck {
  let result = cache.get(id);
  if (!result) {
    result = check(id);
    if (cache.size < 10_000) cache.set(id, result);
  }
  return result;
}

function check(id: string): TimeZoneCheck {
  if (JAVA_LEGACY_IDS.has(id)) return { ok: true };
  const offset = OFFSET.exec(id);
  if (offset) {
    const ok = Number(offset[2]) <= 18 && (offset[4] === undefined || Number(offset[4]) < 60);
    return { ok };
  }
  const suggest = (): TimeZoneCheck => ({ ok: false, suggestion: closest(id, canonicalIds()) });
  if (!/^[A-Za-z]/.test(id)) return suggest();
  const resolved = resolve(id);
  if (resolved === undefined) return suggest();
  if (resolved === id) return { ok: true };
  // ICU ignores case: "america/new_york" resolves, but Java rejects it.
  if (resolved.toLowerCase() === id.toLowerCase()) return { ok: false, suggestion: resolved };
  // An alias (US/Pacific → America/Los_Angeles): accept it when written in tzdb's case style.
  const cased = id
    .split('/')
    .every(
      (seg) =>
        /^[A-Z][A-Za-z0-9_+-]*$/.test(seg) &&
        (seg.length <= 4 || UPPER_SEGMENTS.has(seg) || /[a-z]/.test(seg)),
    );
  return cased ? { ok: true } : { ok: false, suggestion: resolved };
}
