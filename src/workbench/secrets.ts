import { credentialsOf, redact } from '../lib/redact';
import { envName } from './env';

/**
 * A delivery's headers as the workbench keeps and shows them: every credential of the connection,
 * wherever it stands in a header (`x-api-key: <secret>`, `Authorization: Bearer <token>`, a cookie's
 * `token=<token>`), replaced by a `{{NAME}}` marker, and the headers that got one listed. Only a
 * listed header's own markers are ever filled in again: a marker-shaped text a request sent itself
 * stays text.
 */
interface MarkedHeaders {
  headers: Record<string, string>;
  /** Header name → the variable names of the credentials it carried. */
  secretHeaders: Record<string, string[]>;
}

/** The connection's credential fields, longest value first (one inside another goes whole). */
const credentialFields = (authData: Record<string, string>) =>
  Object.keys(authData)
    .filter((key) => credentialsOf({ [key]: authData[key] }).length > 0 && authData[key]!.length > 0)
    .sort((a, b) => authData[b]!.length - authData[a]!.length);

export const markSecrets = (headers: Record<string, string>, authData: Record<string, string>): MarkedHeaders => {
  const fields = credentialFields(authData);
  const secrets = fields.map((key) => authData[key]!);
  const secretHeaders: Record<string, string[]> = {};
  const marked = Object.entries(headers).map(([name, value]) => {
    let text = value;
    for (const key of fields) {
      if (!text.includes(authData[key]!)) continue;
      text = text.split(authData[key]!).join(`{{${envName(key)}}}`);
      secretHeaders[name] = [...(secretHeaders[name] ?? []), envName(key)];
    }
    // Any other copy of a credential (cut, re-encoded) goes too, as nothing to fill in again.
    return [name, redact(text, secrets)] as const;
  });
  return { headers: Object.fromEntries(marked), secretHeaders };
};

/** The headers with the connection's secrets back, in the headers that carried them only. */
export const restoreSecrets = (
  headers: Record<string, string>,
  secretHeaders: Readonly<Record<string, readonly string[]>>,
  authData: Record<string, string>,
): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers).map(([name, value]) => {
      let text = value;
      for (const variable of Object.hasOwn(secretHeaders, name) ? (secretHeaders[name] ?? []) : []) {
        const key = Object.keys(authData).find((k) => envName(k) === variable);
        if (key) text = text.split(`{{${variable}}}`).join(authData[key]!);
      }
      return [name, text];
    }),
  );

/** Text in single quotes for a POSIX shell: nothing in it is expanded or run. */
export const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** A header as a curl argument: all of it quoted, its own secrets read from the shell's variables of the same names. */
export const curlHeader = (name: string, value: string, variables: readonly string[] = []): string => {
  const own = variables.filter((v) => /^[A-Z][A-Z0-9_]*$/.test(v));
  if (own.length === 0) return shellQuote(`${name}: ${value}`);
  const parts = `${name}: ${value}`.split(new RegExp(`(\\{\\{(?:${own.join('|')})\\}\\})`));
  return parts
    .filter((part) => part !== '')
    .map((part) => {
      const variable = /^\{\{([A-Z0-9_]+)\}\}$/.exec(part)?.[1];
      return variable && own.includes(variable) ? `"$${variable}"` : shellQuote(part);
    })
    .join('');
};
