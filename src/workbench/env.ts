import { existsSync, readFileSync } from 'node:fs';

/**
 * The connection's values for local runs: each auth field key in upper case, from the
 * environment or a `.env` file (BOOQABLE_COMPANY_SLUG=acme, BOOM_WEBHOOK_SECRET=…).
 */
export const localAuthData = (fieldKeys: readonly string[], envFile = '.env'): Record<string, string> => {
  const fromFile: Record<string, string> = {};
  if (existsSync(envFile)) {
    for (const line of readFileSync(envFile, 'utf8').split(/\r?\n/)) {
      const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
      if (match) fromFile[match[1]!] = match[2]!.replace(/^(['"])(.*)\1$/, '$2');
    }
  }
  const authData: Record<string, string> = {};
  for (const key of fieldKeys) {
    const value = process.env[key.toUpperCase()] ?? fromFile[key.toUpperCase()];
    if (value) authData[key] = value;
  }
  return authData;
};
