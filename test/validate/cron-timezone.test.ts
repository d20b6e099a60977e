import { describe, expect, test } from 'vitest';
import { quartzCronProblem } from '../../src/core/validate/cron.js';
import { checkTimeZone } from '../../src/core/validate/timezone.js';

describe('Quartz cron', () => {
  test.each([
    '0 0 2 * * ?',
    '0 30 5 ? * MON',
    '0 15 * * * ?',
    '0 0/15 * * * ?',
    '0 0 12 ? * MON-FRI',
    '0 0 8,12,18 ? * 2-6',
    '15 10 23 L * ?',
    '0 0 6 LW * ?',
    '0 0 6 15W * ?',
    '0 0 6 L-3 * ?',
    '0 0 9 ? * 6L',
    '0 0 9 ? * FRI#3',
    '0 0 0 1 JAN-MAR ? 2027',
    '0 0 0 ? jan,jul sun',
    '0 5/10 9-17 ? * *',
    '  0  0  2  *  *  ?  ',
    '*/30 * * ? * *',
  ])('accepts %s', (expr) => {
    expect(quartzCronProblem(expr)).toBeUndefined();
  });

  test.each([
    ['0 2 * * *', /has 5 fields.*5-field Unix cron.*"0 0 2 \* \* \?"/],
    ['0 0 2 * * * * *', /has 8 fields/],
    ['0 0 2 * * *', /use "\?" in day-of-month or in day-of-week/],
    ['0 0 2 ? * ?', /not both/],
    ['0 0 25 * * ?', /hours 25 is out of range 0-23/],
    ['60 0 2 * * ?', /seconds 60 is out of range 0-59/],
    ['0 60 2 * * ?', /minutes 60 is out of range 0-59/],
    ['0 0 2 32 * ?', /day-of-month 32 is out of range 1-31/],
    ['0 0 2 ? 13 *', /month 13 is out of range 1-12/],
    ['0 0 2 ? * 8', /day-of-week 8 is out of range 1-7/],
    ['0 0 2 ? FOO *', /month "FOO" is not a number or JAN-DEC/],
    ['0 0/0 2 * * ?', /the step must be 1 to 59/],
    ['0 0/x 2 * * ?', /step after "\/" must be a number/],
    ['? 0 2 * * ?', /"\?" is only allowed in day-of-month or day-of-week/],
    ['0 0 2 1,,2 * ?', /empty list item/],
    ['0 0 2 ? * MON#6', /week number after "#" must be 1 to 5/],
    ['0 0 2 * * ? 1969', /year 1969 is out of range 1970-2099/],
  ])('rejects %s', (expr, message) => {
    expect(quartzCronProblem(expr)).toMatch(message);
  });
});

describe('Java time-zone ids', () => {
  test.each([
    'UTC',
    'GMT',
    'Etc/UTC',
    'Etc/GMT+5',
    'Etc/GMT-14',
    'America/New_York',
    'Europe/Amsterdam',
    'Asia/Kolkata',
    'Asia/Calcutta',
    'US/Pacific',
    'US/Eastern',
    'Canada/Eastern',
    'America/Argentina/Buenos_Aires',
    'America/Port-au-Prince',
    'Europe/Kyiv',
    'Europe/Kiev',
    'EST',
    'PST',
    'IST',
    'CET',
    'EST5EDT',
    'Zulu',
    'GMT+5',
    'GMT-08:00',
    'UTC+01:00',
  ])('accepts %s', (id) => {
    expect(checkTimeZone(id)).toEqual({ ok: true });
  });

  test.each([
    ['america/new_york', 'America/New_York'],
    ['AMERICA/NEW_YORK', 'America/New_York'],
    ['Europe/Amsterdm', 'Europe/Amsterdam'],
    ['Mars/Olympus', undefined],
    ['+05:00', undefined],
    ['GMT+25', undefined],
    ['', undefined],
  ])('rejects %s', (id, suggestion) => {
    const r = checkTimeZone(id);
    expect(r.ok).toBe(false);
    if (suggestion) expect(r.suggestion).toBe(suggestion);
  });
});
