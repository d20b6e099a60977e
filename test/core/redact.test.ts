/** The one redactor: every form of a secret is hidden, wherever it sits in a longer text. */
import { describe, expect, it } from 'vitest';
import { MIN_SECRET_LENGTH, Redactor, redactStrings, secretForms } from '../../src/core/redact.js';

const SECRET = 'pa55+w/rd "quoted" \\ é-7781';

describe('Redactor', () => {
  it('hides the secret as written, JSON-escaped (once and twice) and URL-encoded', () => {
    const r = new Redactor([SECRET]);
    const escaped = JSON.stringify(SECRET).slice(1, -1);
    for (const text of [
      `x ${SECRET} y`,
      JSON.stringify({ value: SECRET }),
      JSON.stringify({ message: JSON.stringify({ value: SECRET }) }),
      `q=${encodeURIComponent(SECRET)}&z=1`,
      new URLSearchParams({ q: SECRET, z: '1' }).toString(),
      `q=${encodeURIComponent(escaped)}`,
    ]) {
      const out = r.redact(text);
      expect(out, text).toContain('***');
      expect(out, text).not.toContain('7781');
    }
  });

  it('hides its base64 forms at every alignment inside a longer base64 text', () => {
    const r = new Redactor([SECRET]);
    for (const prefix of ['', 'a', 'ab', 'abc', '{"scope":"app","string_value":"']) {
      for (const encoding of ['base64', 'base64url'] as const) {
        for (const inner of [SECRET, JSON.stringify(SECRET).slice(1, -1)]) {
          const text = Buffer.from(`${prefix}${inner}", "more": 1}`).toString(encoding);
          const out = r.redact(text);
          expect(out).toContain('***');
          // What is left cannot be decoded back to the secret's distinctive part.
          expect(Buffer.from(out.replace(/\*/g, ''), encoding).toString('latin1')).not.toContain('7781');
          expect(out).not.toContain(Buffer.from(SECRET).toString(encoding).slice(4, 16));
        }
      }
    }
  });

  it('leaves other text alone, ignores values too short to mean anything, and reports new forms once', () => {
    const r = new Redactor();
    expect(r.empty).toBe(true);
    expect(r.add('abc')).toEqual([]);
    expect('abc'.length).toBeLessThan(MIN_SECRET_LENGTH);
    const forms = r.add(SECRET);
    expect(forms).toContain(SECRET);
    expect(forms.length).toBeGreaterThan(5);
    expect(r.add(SECRET)).toEqual([]);
    expect(r.redact('nothing secret here, abc')).toBe('nothing secret here, abc');
    expect(secretForms(SECRET)).toEqual(expect.arrayContaining([Buffer.from(SECRET).toString('base64')]));
  });

  it('redacts the strings of a result (keys too) and keeps it valid JSON whatever the secret holds', () => {
    const r = new Redactor([SECRET]);
    const result = { regions: { p: { errors: [`echo: ${SECRET}`], [SECRET]: 1 } }, n: 3, ok: true };
    const text = JSON.stringify(redactStrings(result, (t) => r.redact(t)));
    expect(text).not.toContain('7781');
    expect(JSON.parse(text)).toEqual({ regions: { p: { errors: ['echo: ***'], '***': 1 } }, n: 3, ok: true });
  });
});
