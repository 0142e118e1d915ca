import type { Bundle, ZObject } from 'zapier-platform-core';
import type { Vendor } from './catalog';
import { authValue } from './values';

/** Fails with a message naming the connection fields to fill when a vendor's are empty. */
export const requireCredentials = (z: ZObject, bundle: Bundle, vendor: Vendor): void => {
  const { fields, required } = vendor.adapter.credentials;
  const missing = required.filter((key) => !authValue(bundle.authData, key));
  if (missing.length === 0) return;
  const labels = missing.map((key) => fields.find((f) => f.key === key)?.label ?? key);
  throw new z.errors.Error(
    `This ${vendor.name} trigger needs ${labels.join(' and ')} in the connection. Edit the connection (or connect a new account) and fill ${labels.length > 1 ? 'them' : 'it'} in.`,
    'MissingCredentials',
  );
};

/** The last characters of a long credential: enough to tell two connections apart, never enough to use. */
const lastFour = (value: string | undefined): string | undefined => (value && value.length >= 12 ? `…${value.slice(-4)}` : undefined);

/** The first characters of a long key (an access key, not its secret): enough to tell two apart. */
export const firstSix = (value: string | undefined): string | undefined => (value && value.length >= 12 ? `${value.slice(0, 6)}…` : undefined);

/** A connection's account in words, by its token's last characters (`token …9f2c`), where the vendor's API names none. */
export const tokenAccount = (token: string | undefined): string | undefined => {
  const end = lastFour(token);
  return end ? `token ${end}` : undefined;
};
