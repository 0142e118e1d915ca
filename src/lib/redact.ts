import type { JsonRecord } from './catalog';
import { isRecord } from './values';

/** Header and field names that carry credentials, whichever vendor sends them. */
const CREDENTIAL_NAME = /authorization|token|secret|key|password|cookie|signature/i;

// Shorter values ("a", "1") would blank out ordinary words; no credential of any vendor is that short.
const MIN_SECRET_LENGTH = 4;

/** Every credential a request carries: credential headers (and the token inside `Bearer …`) and credential-named fields of its body. */
export const credentialsIn = (headers: Record<string, string> | undefined, body: unknown): string[] => {
  const found: string[] = [];
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!CREDENTIAL_NAME.test(name)) continue;
    found.push(value);
    const scheme = /^\s*\S+\s+(\S+)\s*$/.exec(value);
    if (scheme) found.push(scheme[1]!);
  }
  const walk = (value: unknown, name: string) => {
    if (typeof value === 'string' && CREDENTIAL_NAME.test(name)) found.push(value);
    else if (Array.isArray(value)) for (const v of value) walk(v, name);
    else if (isRecord(value)) for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(body, '');
  return found;
};

/** The connection's credential values: every field whose key names one (a token, a secret, a key). */
export const credentialsOf = (authData: JsonRecord | undefined): string[] =>
  Object.entries(authData ?? {})
    .filter(([key, value]) => CREDENTIAL_NAME.test(key) && typeof value === 'string')
    .map(([, value]) => (value as string).trim());

/** A run of this many characters of a credential is a fragment of it, in whatever form it is written. */
const FRAGMENT_LENGTH = 8;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * The text as characters to compare, each with the span of the text it was written in: `%2B` and
 * `&#43;` are `+`, `\u002b` too, upper case is lower case, and white space is left out (a secret split
 * by spaces is still the secret).
 */
const comparable = (text: string): { chars: string[]; from: number[]; to: number[] } => {
  const chars: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const written = /%([0-9a-f]{2})|&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos));|\\u([0-9a-f]{4})|(\s)|([\s\S])/giu;
  for (const m of text.matchAll(written)) {
    if (m[6] !== undefined) continue;
    const hex = m[1] ?? m[3] ?? m[5];
    const code = hex !== undefined ? Number.parseInt(hex, 16) : m[2] !== undefined ? Number(m[2]) : undefined;
    const char = code !== undefined ? String.fromCodePoint(Math.min(code, 0x10ffff)) : m[4] !== undefined ? ENTITIES[m[4].toLowerCase()]! : m[7]!;
    chars.push(char.toLowerCase());
    from.push(m.index);
    to.push(m.index + m[0].length);
  }
  return { chars, from, to };
};

const fragmentsOf = (secrets: readonly string[]): Set<string> => {
  const grams = new Set<string>();
  for (const secret of secrets) {
    const chars = [...secret.replace(/\s+/g, '').toLowerCase()];
    for (let i = 0; i + FRAGMENT_LENGTH <= chars.length; i += 1) grams.add(chars.slice(i, i + FRAGMENT_LENGTH).join(''));
  }
  return grams;
};

/**
 * The text with every secret cut out: any run of `FRAGMENT_LENGTH` or more characters of a secret, in
 * any case, URL-encoded, HTML-escaped or split by spaces (a vendor may echo a token's first or last
 * characters in its own words); a shorter secret where it stands whole.
 */
export const redact = (text: string, secrets: readonly string[]): string => {
  const usable = [...new Set(secrets)].filter((s) => s.length >= MIN_SECRET_LENGTH);
  if (usable.length === 0 || text === '') return text;
  const grams = fragmentsOf(usable);
  let out = text;
  if (grams.size > 0) {
    const { chars, from, to } = comparable(text);
    const covered = new Uint8Array(chars.length);
    for (let i = 0; i + FRAGMENT_LENGTH <= chars.length; i += 1) {
      if (grams.has(chars.slice(i, i + FRAGMENT_LENGTH).join(''))) covered.fill(1, i, i + FRAGMENT_LENGTH);
    }
    let kept = '';
    let at = 0;
    for (let i = 0; i < chars.length; i += 1) {
      if (!covered[i]) continue;
      let end = i;
      while (end + 1 < chars.length && covered[end + 1]) end += 1;
      kept += `${text.slice(at, from[i])}[redacted]`;
      at = to[end]!;
      i = end;
    }
    out = kept + text.slice(at);
  }
  // Secrets too short to have fragments go where they stand whole.
  return redactWhole(
    out,
    usable.filter((s) => s.length < FRAGMENT_LENGTH),
  );
};

/**
 * The app's own words with every secret cut out where it stands whole, longest first. Its own words
 * (a vendor's name, a field's label) hold no part of a credential, but a made-up credential may hold
 * a part of them ("…-token-…"): fragments are looked for only in what came from outside (`redact`).
 */
export const redactWhole = (text: string, secrets: readonly string[]): string =>
  [...new Set(secrets)]
    .filter((s) => s.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length)
    .reduce((out, secret) => out.split(secret).join('[redacted]'), text);
