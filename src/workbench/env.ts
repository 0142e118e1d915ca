import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import type { VendorApp } from '../app';

/** The environment-variable name of a connection field: its key in upper case (`acme_api_token` → `ACME_API_TOKEN`). */
export const envName = (fieldKey: string) => fieldKey.toUpperCase();

export interface LocalConnection {
  authData: Record<string, string>;
  /** Which variables were found, and where (never their values). */
  loaded: { name: string; from: 'environment' | '.env' }[];
}

/**
 * The connection's values for local runs, from the environment or a `.env` file read with Node's
 * own parser (`export` lines, quotes and comments work as in a shell). The environment wins.
 */
export const localConnection = (fieldKeys: readonly string[], envFile = '.env'): LocalConnection => {
  const fromFile = existsSync(envFile) ? parseEnv(readFileSync(envFile, 'utf8')) : {};
  const authData: Record<string, string> = {};
  const loaded: LocalConnection['loaded'] = [];
  for (const key of fieldKeys) {
    const name = envName(key);
    const fromEnvironment = process.env[name];
    const value = fromEnvironment || fromFile[name];
    if (!value) continue;
    authData[key] = value;
    loaded.push({ name, from: fromEnvironment ? 'environment' : '.env' });
  }
  return { authData, loaded };
};

/** A workbench setting (PORT, HOST, …: .env.example) from the environment, else from `.env`. */
export const localSetting = (name: string, envFile = '.env'): string | undefined =>
  process.env[name] || (existsSync(envFile) ? parseEnv(readFileSync(envFile, 'utf8'))[name] : undefined) || undefined;

/** The local values of every connection field of an app. */
export const connectionOf = (app: VendorApp): LocalConnection => localConnection((app.authentication.fields ?? []).map((f) => f.key));
