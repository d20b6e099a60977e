/**
 * The ways a job starts by itself: the legacy `schedule` / `trigger` / `continuous` blocks and the
 * multi-trigger `triggers` list. Modelled on the Go SDK's jobs model (v0.175.0,
 * service/jobs/model.go: JobSettings.Triggers, TriggerConfiguration, CronTriggerConfiguration,
 * PeriodicTriggerConfiguration, SqlConditionConfiguration), whose field documentation states the
 * checks reproduced here.
 */
import { invalidParameter, isObject, type JsonObject } from './http.js';

const LEGACY = ['schedule', 'trigger', 'continuous'] as const;
/** TriggerConfiguration: "Trigger type: exactly one must be set". */
const TRIGGER_KINDS = ['continuous', 'file_arrival', 'model', 'periodic', 'schedule', 'table_update'];
const PAUSE = ['PAUSED', 'UNPAUSED'];
const PERIODIC_UNITS = ['MINUTES', 'HOURS', 'DAYS', 'WEEKS'];
const SQL_TRIGGER_MODES = ['QUERY_RETURNS_ROWS', 'RESULT_VALUE_CHANGES'];

function checkPause(block: JsonObject, where: string): void {
  if (block.pause_status !== undefined && !PAUSE.includes(String(block.pause_status)))
    throw invalidParameter(`Invalid ${where}.pause_status: ${JSON.stringify(block.pause_status)}`);
}

function checkCron(s: unknown, where: string): void {
  if (!isObject(s) || typeof s.quartz_cron_expression !== 'string')
    throw invalidParameter(`Missing required field: ${where}.quartz_cron_expression`);
  if (typeof s.timezone_id !== 'string')
    throw invalidParameter(`Missing required field: ${where}.timezone_id`);
}

/** SqlConditionConfiguration: query and warehouse required; an explicit UNSPECIFIED mode is rejected. */
function checkSqlCondition(c: unknown, where: string): void {
  if (c === undefined) return;
  if (!isObject(c) || typeof c.sql_query_id !== 'string' || c.sql_query_id === '')
    throw invalidParameter(`Missing required field: ${where}.sql_query_id`);
  if (typeof c.warehouse_id !== 'string' || c.warehouse_id === '')
    throw invalidParameter(`Missing required field: ${where}.warehouse_id`);
  if (c.trigger_mode !== undefined && !SQL_TRIGGER_MODES.includes(String(c.trigger_mode)))
    throw invalidParameter(`Invalid ${where}.trigger_mode: ${JSON.stringify(c.trigger_mode)}`);
}

function checkPeriodic(p: unknown, where: string): void {
  if (!isObject(p) || typeof p.interval !== 'number' || !Number.isInteger(p.interval) || p.interval < 1)
    throw invalidParameter(`${where}.interval must be a positive integer`);
  if (!PERIODIC_UNITS.includes(String(p.unit)))
    throw invalidParameter(`Invalid ${where}.unit: ${JSON.stringify(p.unit)}`);
}

function checkTriggerEntry(entry: unknown, i: number): void {
  const where = `triggers[${i}]`;
  if (!isObject(entry)) throw invalidParameter(`${where} must be an object`);
  const kinds = TRIGGER_KINDS.filter((k) => entry[k] !== undefined);
  if (kinds.length !== 1)
    throw invalidParameter(
      `${where} must set exactly one of ${TRIGGER_KINDS.join(', ')}${kinds.length ? ` (it sets ${kinds.join(', ')})` : ''}`,
    );
  checkPause(entry, where);
  if (entry.schedule !== undefined) checkCron(entry.schedule, `${where}.schedule`);
  if (entry.periodic !== undefined) checkPeriodic(entry.periodic, `${where}.periodic`);
  checkSqlCondition(entry.sql_condition, `${where}.sql_condition`);
}

/** Refuses what jobs/create, reset and update refuse about the ways a job starts by itself. */
export function checkTriggers(settings: JsonObject): void {
  if (settings.schedule !== undefined) {
    checkCron(settings.schedule, 'schedule');
    checkPause(settings.schedule as JsonObject, 'schedule');
    checkSqlCondition((settings.schedule as JsonObject).sql_condition, 'schedule.sql_condition');
  }
  if (isObject(settings.trigger)) {
    checkPause(settings.trigger, 'trigger');
    if (settings.trigger.periodic !== undefined) checkPeriodic(settings.trigger.periodic, 'trigger.periodic');
    checkSqlCondition(settings.trigger.sql_condition, 'trigger.sql_condition');
  }
  const legacy = LEGACY.filter((k) => settings[k] !== undefined);
  if (legacy.length > 1)
    throw invalidParameter(`Only one of ${legacy.join(', ')} can be set on a job, not several`);
  if (settings.triggers === undefined) return;
  // JobSettings.triggers: "Cannot be set in the same request as the legacy `schedule`,
  // `trigger`, or `continuous` fields."
  if (legacy.length > 0)
    throw invalidParameter(`triggers cannot be set together with the legacy field ${legacy.join(', ')}`);
  if (!Array.isArray(settings.triggers)) throw invalidParameter('triggers must be an array');
  settings.triggers.forEach(checkTriggerEntry);
}

/** TriggerConfiguration.pause_status: "the server always returns an explicit value on read". */
export function fillTriggerDefaults(settings: JsonObject): void {
  if (!Array.isArray(settings.triggers)) return;
  for (const entry of settings.triggers) if (isObject(entry)) entry.pause_status ??= 'UNPAUSED';
}
