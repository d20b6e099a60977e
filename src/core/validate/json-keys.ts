/**
 * A fast check for repeated keys in a JSON text that has already parsed: a single pass with no
 * allocation beyond one set of keys per open object. When it finds one, the positioned report
 * comes from `duplicateJsonKeys` (source.ts), which re-parses; most files have none.
 */
export function hasDuplicateKeys(text: string): boolean {
  const keys: Array<Set<string> | null> = []; // per open container: object → its keys, array → null
  let expectKey = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      const start = i + 1;
      let escaped = false;
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) {
          escaped = true;
          i += 2;
          continue;
        }
        if (d === 34) break;
        i++;
      }
      const top = keys.length > 0 ? keys[keys.length - 1] : null;
      if (expectKey && top) {
        const raw = text.slice(start, i);
        const key = escaped ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (top.has(key)) return true;
        top.add(key);
        expectKey = false;
      }
    } else if (c === 123 /* { */) {
      keys.push(new Set());
      expectKey = true;
    } else if (c === 91 /* [ */) {
      keys.push(null);
      expectKey = false;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      keys.pop();
      expectKey = false;
    } else if (c === 44 /* , */) {
      expectKey = keys.length > 0 && keys[keys.length - 1] !== null;
    }
  }
  return false;
}
