/**
 * Fault injection. Rules are checked in order; the first that matches the request and fires
 * decides the fault. Randomness comes from a seeded RNG so a failing test replays exactly.
 */
import type { FaultKind, FaultRule, FaultSpec } from './types.js';

/** mulberry32: tiny, fast, and good enough to decide "does this request fail". */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS: readonly FaultKind[] = ['429', '503', 'reset', 'lost', 'applied-503', 'archive-drop'];
const BODIES = ['json', 'empty', 'int-code'] as const;

/**
 * Checks a fault spec from untrusted JSON (CLI flag or admin API). Returns an error message, or
 * undefined when the spec is well-formed.
 */
export function validateFaultSpec(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'faults must be a JSON object';
  const spec = value as Record<string, unknown>;
  if (spec.seed !== undefined && (typeof spec.seed !== 'number' || !Number.isFinite(spec.seed)))
    return 'faults.seed must be a number';
  if (!Array.isArray(spec.rules)) return 'faults.rules must be an array';
  for (const [i, raw] of spec.rules.entries()) {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      return `faults.rules[${i}] must be an object`;
    const r = raw as Record<string, unknown>;
    if (!KINDS.includes(r.fault as FaultKind))
      return `faults.rules[${i}].fault must be one of ${KINDS.join(', ')}`;
    if (r.p !== undefined && (typeof r.p !== 'number' || r.p < 0 || r.p > 1))
      return `faults.rules[${i}].p must be a number between 0 and 1`;
    if (r.method !== undefined && typeof r.method !== 'string')
      return `faults.rules[${i}].method must be a string`;
    if (r.path !== undefined && typeof r.path !== 'string') return `faults.rules[${i}].path must be a string`;
    if (r.times !== undefined && (typeof r.times !== 'number' || !Number.isInteger(r.times) || r.times < 0))
      return `faults.rules[${i}].times must be a non-negative integer`;
    if (r.body !== undefined && !BODIES.includes(r.body as (typeof BODIES)[number]))
      return `faults.rules[${i}].body must be one of ${BODIES.join(', ')}`;
    if (
      r.retry_after !== undefined &&
      (typeof r.retry_after !== 'number' || !Number.isInteger(r.retry_after) || r.retry_after < 0)
    )
      return `faults.rules[${i}].retry_after must be a non-negative integer`;
  }
  return undefined;
}

export function ruleMatches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method) return false;
  if (rule.path === undefined || rule.path === '*') return true;
  return rule.path.endsWith('*') ? path.startsWith(rule.path.slice(0, -1)) : path === rule.path;
}

/** The live fault state of one workspace: the rules, how often each fired, and the RNG. */
export class FaultInjector {
  private rules: FaultRule[] = [];
  private fired: number[] = [];
  private rng: () => number = mulberry32(0);

  constructor(spec?: FaultSpec) {
    this.set(spec);
  }

  /** Replaces the rules; counters and the RNG restart so a new script replays from its seed. */
  set(spec: FaultSpec | undefined): void {
    this.rules = spec ? spec.rules.map((r) => ({ ...r })) : [];
    this.fired = this.rules.map(() => 0);
    this.rng = mulberry32(spec?.seed ?? 0);
  }

  get active(): boolean {
    return this.rules.length > 0;
  }

  /** The rule that fires for this request, if any (and counts it). */
  pick(method: string, path: string): FaultRule | undefined {
    for (let i = 0; i < this.rules.length; i++) {
      const rule = this.rules[i];
      if (!ruleMatches(rule, method, path)) continue;
      if (rule.times !== undefined && this.fired[i] >= rule.times) continue;
      const p = rule.p ?? 1;
      // Draw only for probabilistic rules, so adding a certain rule does not shift the sequence.
      if (p < 1 && this.rng() >= p) continue;
      this.fired[i]++;
      return rule;
    }
    return undefined;
  }
}
