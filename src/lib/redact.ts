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

/** The text with every secret cut out, longest first so that one inside another goes whole. */
export const redact = (text: string, secrets: readonly string[]): string =>
  [...new Set(secrets)]
    .filter((s) => s.length >= MIN_SECRET_LENGTH)
    .sort((a, b) => b.length - a.length)
    .reduce((out, secret) => out.split(secret).join('[redacted]'), text);
