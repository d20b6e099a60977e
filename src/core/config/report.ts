/**
 * How config parsing reports a problem: the JSON pointer segments of where it is, the message,
 * and whether the key or the value is at fault. Every part of the loader collects into one list,
 * so all problems are reported at once.
 */
export type Report = (segments: Array<string | number>, message: string, target?: 'value' | 'key') => void;

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
