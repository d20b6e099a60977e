/**
 * The one redactor every output goes through: terminal lines, `--json` results, GitHub outputs,
 * step summaries and annotations, Azure DevOps logging commands, PR comments, and the text of
 * server answers quoted in errors. Each secret (token, client secret, secret value) is registered
 * once, before the first request, and is then hidden in every form it could come back in:
 *
 * - as written, and JSON-escaped (once and twice: an echoed request body quoted inside a JSON
 *   error message is escaped twice);
 * - each of those URL-encoded (`%XX` and form encoding with `+`), and in base64 and base64url,
 *   whole and at each of the three byte alignments it can have inside a longer base64 text (a
 *   proxy that echoes a whole JSON request body base64-encoded): there only the characters that
 *   depend on the secret's bytes alone are matched, so the secret cannot be read back from what
 *   is left.
 *
 * The process has one secret set, `processRedactor`: every reporter (GitHub, Azure DevOps,
 * terminal) masks into it and redacts with it, so a secret registered through any of them is
 * hidden in all of their output and in every result printed.
 *
 * Values shorter than MIN_SECRET_LENGTH are not redacted: replacing every "ab" in a log would make
 * it unreadable without protecting anything a guess would not find.
 */

export const MIN_SECRET_LENGTH = 4;
const MASK = '***';

/** Every form of `value` that is hidden (longest first). */
export function secretForms(value: string): string[] {
  const forms = new Set<string>();
  const add = (form: string) => {
    if (form.length >= MIN_SECRET_LENGTH) forms.add(form);
  };
  const escaped = JSON.stringify(value).slice(1, -1);
  for (const text of new Set([value, escaped, JSON.stringify(escaped).slice(1, -1)])) {
    add(text);
    add(encodeURIComponent(text));
    add(new URLSearchParams({ v: text }).toString().slice(2));
    const bytes = Buffer.from(text, 'utf8');
    for (const encoding of ['base64', 'base64url'] as const) {
      add(bytes.toString(encoding));
      add(bytes.toString(encoding).replace(/=+$/, ''));
      for (const offset of [0, 1, 2]) {
        // With `offset` bytes before it, the text's bits start at 8·offset; a base64 character
        // covers 6 bits, so only the characters wholly inside the text's bits are fixed by it.
        const shifted = Buffer.concat([Buffer.alloc(offset), bytes]).toString(encoding);
        add(shifted.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + bytes.length)) / 6)));
      }
    }
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class Redactor {
  private readonly values = new Set<string>();
  private readonly forms = new Set<string>();
  private pattern: RegExp | string[] | undefined;

  constructor(secrets: Iterable<string> = []) {
    for (const s of secrets) this.add(s);
  }

  /**
   * Registers a secret. Returns the forms not hidden before, for platforms that also mask on their
   * side (the GitHub runner's `add-mask`, Azure Pipelines' `setsecret`).
   */
  add(secret: string): string[] {
    if (secret.length < MIN_SECRET_LENGTH || this.values.has(secret)) return [];
    this.values.add(secret);
    const fresh = secretForms(secret).filter((f) => !this.forms.has(f));
    for (const f of fresh) this.forms.add(f);
    this.pattern = undefined;
    return fresh;
  }

  /**
   * Every form of `secret` that is hidden once it is registered, for a platform that masks on its
   * side too and has not been told of it yet (a reporter made after the secret was registered).
   */
  formsOf(secret: string): string[] {
    return secret.length < MIN_SECRET_LENGTH ? [] : secretForms(secret);
  }

  /** Whether any secret is registered. */
  get empty(): boolean {
    return this.forms.size === 0;
  }

  /** The text with every form of every registered secret replaced by `***`. */
  redact(text: string): string {
    if (this.forms.size === 0 || text === '') return text;
    this.pattern ??= patternOf(this.forms);
    if (!Array.isArray(this.pattern)) return text.replace(this.pattern, MASK);
    let out = text;
    for (const form of this.pattern) out = out.split(form).join(MASK);
    return out;
  }
}

/**
 * One pass over the text with the longest forms first, so a form inside a longer one does not
 * leave the longer one's remains behind. V8 refuses a regular expression that large (a secret of
 * 30 KB or so: its forms are dozens of copies), and the error would print the pattern, the secret's
 * forms included: then the forms are replaced one at a time, longest first, to the same effect.
 */
function patternOf(forms: ReadonlySet<string>): RegExp | string[] {
  const sorted = [...forms].sort((a, b) => b.length - a.length);
  try {
    const pattern = new RegExp(sorted.map(escapeRegExp).join('|'), 'g');
    pattern.test(''); // V8 compiles it on first use: here, where its error is caught
    pattern.lastIndex = 0;
    return pattern;
  } catch {
    return sorted;
  }
}

/** The process's one secret set, which every reporter masks into and redacts with. */
export const processRedactor = new Redactor();

/** `text` with every form of the given secrets replaced (for a one-off list, e.g. one request's credentials). */
export function redactSecrets(text: string, secrets: Iterable<string>): string {
  return new Redactor(secrets).redact(text);
}

/**
 * A copy of a JSON-able value with every string passed through `redact` (object keys too), for
 * results printed or published as JSON: redacting the strings before serialising keeps the JSON
 * valid whatever a secret contains.
 */
export function redactStrings<T>(value: T, redact: (text: string) => string): T {
  const visit = (v: unknown): unknown => {
    if (typeof v === 'string') return redact(v);
    if (Array.isArray(v)) return v.map(visit);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[redact(k)] = visit(x);
      return out;
    }
    return v;
  };
  return visit(value) as T;
}
