import type { Bundle, ZObject } from 'zapier-platform-core';
import type { JsonRecord } from '../../lib/catalog';
import type { ErrorContext } from '../../lib/errors';
import { type VendorAnswer, type VendorCall, vendorRequest } from '../../lib/http';
import { asRecord, authValue, isRecord } from '../../lib/values';

// Booqable's API (VENDORS.md): https://{subdomain}.booqable.com/api/4/, a bearer token from the user's settings.
export const SLUG = 'booqable_company_slug';
export const TOKEN = 'booqable_access_token';

export const SLUG_LABEL = 'Booqable Subdomain';
export const TOKEN_LABEL = 'Booqable Access Token';

/** `acme`, `acme.booqable.com`, `https://acme.booqable.com/…` → `acme`; undefined if it is none of these. */
export const normaliseSlug = (input: string | undefined): string | undefined => {
  if (!input) return undefined;
  const host =
    input
      .trim()
      .toLowerCase()
      .replace(/^[a-z]+:\/\//, '')
      .split(/[/?#]/)[0] ?? '';
  const slug = host.endsWith('.booqable.com') ? host.slice(0, -'.booqable.com'.length) : host;
  return /^[a-z0-9][a-z0-9-]*$/.test(slug) ? slug : undefined;
};

const apiBase = (z: ZObject, bundle: Bundle): string => {
  const given = authValue(bundle.authData, SLUG);
  const slug = normaliseSlug(given);
  if (!slug) {
    throw new z.errors.Error(
      // What was typed is not repeated: a token pasted into the wrong field would be shown.
      `The ${SLUG_LABEL} in the connection is not a Booqable address. Enter the part before .booqable.com (for \`https://acme.booqable.com\`, enter \`acme\`).`,
      'InvalidCredentials',
    );
  }
  return `https://${slug}.booqable.com/api/4`;
};

const context = (bundle: Bundle, action: string): ErrorContext => ({
  vendor: 'Booqable',
  credential: TOKEN_LABEL,
  action,
  notFoundHint: `Check the ${SLUG_LABEL} in the connection: it is the part before .booqable.com in your Booqable address.`,
  authData: bundle.authData,
});

const auth = (bundle: Bundle) => ({ authorization: `Bearer ${authValue(bundle.authData, TOKEN)}` });

/** The records of a list answer, whichever envelope the `.json` endpoint uses. */
export const recordsOf = (data: unknown, path: string): JsonRecord[] => {
  const body = asRecord(data);
  const list = Array.isArray(data) ? data : Array.isArray(body?.data) ? body.data : Array.isArray(body?.[path]) ? body[path] : undefined;
  return (list ?? []).filter(isRecord);
};

/** The one way this app calls Booqable: the account's base address, its token, Booqable's error context. */
export const booqableRequest = (z: ZObject, bundle: Bundle, { path, ...call }: VendorCall, action: string): Promise<VendorAnswer> =>
  vendorRequest(z, { ...call, url: `${apiBase(z, bundle)}/${path}`, headers: auth(bundle) }, context(bundle, action));
