import type { Bundle, ZObject } from 'zapier-platform-core';
import type { DeliveryAdapter } from './catalog';
import { authValue } from './values';

/** Fails with a message naming the connection fields to fill when a vendor's are empty. */
export const requireCredentials = (z: ZObject, bundle: Bundle, adapter: DeliveryAdapter): void => {
  const missing = adapter.credentials.required.filter((key) => !authValue(bundle.authData, key));
  if (missing.length === 0) return;
  const labels = missing.map((key) => adapter.credentials.fields.find((f) => f.key === key)?.label ?? key);
  throw new z.errors.Error(
    `This ${adapter.name} trigger needs ${labels.join(' and ')} in the connection. Edit the connection (or connect a new account) and fill ${labels.length > 1 ? 'them' : 'it'} in.`,
    'MissingCredentials',
  );
};

/** The credential values of every vendor, so error messages can be scrubbed of them. */
export const secretValues = (bundle: Bundle, keys: readonly string[]): string[] =>
  keys.map((key) => authValue(bundle.authData, key)).filter((v): v is string => v !== undefined);
