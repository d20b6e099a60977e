/**
 * Quartz cron expressions as the Jobs API takes them in `schedule.quartz_cron_expression`:
 * `seconds minutes hours day-of-month month day-of-week [year]`, with `?` in exactly one of
 * day-of-month and day-of-week (Quartz implements no combination of the two).
 * http://www.quartz-scheduler.org/documentation/quartz-2.3.0/tutorials/crontrigger.html
 */

interface Field {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
  /** Names map to min + index. */
  maxStep: number;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

const FIELDS: readonly Field[] = [
  { name: 'seconds', min: 0, max: 59, maxStep: 59 },
  { name: 'minutes', min: 0, max: 59, maxStep: 59 },
  { name: 'hours', min: 0, max: 23, maxStep: 23 },
  { name: 'day-of-month', min: 1, max: 31, maxStep: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS, maxStep: 12 },
  { name: 'day-of-week', min: 1, max: 7, names: DAYS, maxStep: 7 },
  { name: 'year', min: 1970, max: 2099, maxStep: 129 },
];

export const CRON_FORMAT = 'seconds minutes hours day-of-month month day-of-week [year], e.g. "0 0 2 * * ?"';

/** Returns what is wrong with a Quartz cron expression, or undefined when it is valid. */
export function quartzCronProblem(expression: string): string | undefined {
  const parts = expression
    .trim()
    .split(/\s+/)
    .filter((p) => p !== '');
  if (parts.length !== 6 && parts.length !== 7) {
    const unix =
      parts.length === 5
        ? `; this looks like a 5-field Unix cron: Quartz starts with seconds and needs "?" in day-of-month or day-of-week, e.g. "0 ${parts.slice(0, 4).join(' ')} ${parts[4] === '*' ? '?' : parts[4]}"`
        : '';
    return `it has ${parts.length} field${parts.length === 1 ? '' : 's'}; Quartz cron has 6 or 7 (${CRON_FORMAT})${unix}`;
  }
  const dom = parts[3];
  const dow = parts[5];
  if (dom === '?' && dow === '?') return '"?" may be used in day-of-month or in day-of-week, not both';
  if (dom !== '?' && dow !== '?')
    return `use "?" in day-of-month or in day-of-week (Quartz does not support both): e.g. "${parts
      .slice(0, 5)
      .join(' ')} ?"${dow === '*' ? '' : ` or "${parts.slice(0, 3).join(' ')} ? ${parts[4]} ${dow}"`}`;
  for (let i = 0; i < parts.length; i++) {
    const problem = fieldProblem(parts[i], FIELDS[i], i);
    if (problem) return problem;
  }
  return undefined;
}

function fieldProblem(text: string, field: Field, index: number): string | undefined {
  if (text === '?')
    return index === 3 || index === 5 ? undefined : `"?" is only allowed in day-of-month or day-of-week`;
  const upper = text.toUpperCase();
  if (index === 3 && /^(L|LW|L-\d{1,2}|\d{1,2}W)$/.test(upper)) {
    const n = /\d+/.exec(upper);
    if (n && (Number(n[0]) < 1 || Number(n[0]) > (upper.startsWith('L-') ? 30 : 31)))
      return `day-of-month "${text}" is out of range`;
    return undefined;
  }
  if (index === 5) {
    const special = /^([A-Z]{3}|\d)(L|#(\d))$/.exec(upper);
    if (upper === 'L') return undefined;
    if (special) {
      const day = value(special[1], field);
      if (day === undefined || day < 1 || day > 7)
        return `day-of-week "${text}" is out of range 1-7 (SUN-SAT)`;
      if (special[3] !== undefined && (Number(special[3]) < 1 || Number(special[3]) > 5))
        return `day-of-week "${text}": the week number after "#" must be 1 to 5`;
      return undefined;
    }
  }
  for (const item of text.split(',')) {
    if (item === '') return `${field.name} "${text}" has an empty list item`;
    const problem = itemProblem(item, field);
    if (problem) return problem;
  }
  return undefined;
}

function itemProblem(item: string, field: Field): string | undefined {
  const [range, step, extra] = item.split('/');
  if (extra !== undefined) return `${field.name} "${item}" has more than one "/"`;
  if (step !== undefined) {
    if (!/^\d+$/.test(step)) return `${field.name} "${item}": the step after "/" must be a number`;
    const s = Number(step);
    if (s < 1 || s > field.maxStep) return `${field.name} "${item}": the step must be 1 to ${field.maxStep}`;
  }
  if (range === '*') return undefined;
  const bounds = range.split('-');
  if (bounds.length > 2 || bounds.some((b) => b === ''))
    return `${field.name} "${item}" is not a value or a range`;
  for (const b of bounds) {
    const v = value(b.toUpperCase(), field);
    if (v === undefined) {
      const names = field.names ? ` or ${field.names[0]}-${field.names[field.names.length - 1]}` : '';
      return `${field.name} "${b}" is not a number${names}`;
    }
    if (v < field.min || v > field.max) {
      return `${field.name} ${b} is out of range ${field.min}-${field.max}${field.names ? ` (${field.names[0]}-${field.names[field.names.length - 1]})` : ''}`;
    }
  }
  return undefined;
}

function value(text: string, field: Field): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const i = field.names?.indexOf(text) ?? -1;
  return i >= 0 ? field.min + i : undefined;
}
