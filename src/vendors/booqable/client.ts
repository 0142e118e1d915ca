import type { Bundle, ZObject } from 'zapier-platform-core';
import type { JsonRecord } from '../../lib/catalog';
import type { ErrorContext } from '../../lib/errors';
import { type VendorAnswer, type VendorCall, vendorRequest } from '../../lib/http';
import { credentialsOf, redact } from '../../lib/redact';
import { asRecord, authValue, isRecord } from '../../lib/values';

// Booqable's API (docs/vendors.md): https://{subdomain}.booqable.com/api/4/, a bearer token from the user's settings.
export const SLUG = 'booqable_company_slug';
export const TOKEN = 'booqable_access_token';

export const SLUG_LABEL = 'Booqable Subdomain';
export const TOKEN_LABEL = 'Booqable Access Token';

/** A host-name label (RFC 1035): what a Booqable subdomain must be. */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** A random credential's shape (long, many digits), which no company's name has. */
const looksRandom = (slug: string) => slug.length >= 32 && (slug.match(/\d/g)?.length ?? 0) >= 8;

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
  return LABEL.test(slug) && !looksRandom(slug) ? slug : undefined;
};

/**
 * The connection's subdomain, where it can be one: not a credential pasted into the wrong field (a
 * part of the connection's token in it), which would be sent as a host name and shown in its label.
 */
export const slugOf = (authData: JsonRecord | undefined): string | undefined => {
  const slug = normaliseSlug(authValue(authData, SLUG));
  if (!slug) return undefined;
  return redact(slug, credentialsOf(authData)) === slug ? slug : undefined;
};

const apiBase = (z: ZObject, bundle: Bundle): string => {
  const slug = slugOf(bundle.authData);
  if (!slug) {
    throw new z.errors.Error(
      // What was typed is not repeated: a token pasted into the wrong field would be shown.
      `The ${SLUG_LABEL} in the connection is not a Booqable subdomain. Enter the part before .booqable.com (for \`https://acme.booqable.com\`, enter \`acme\`); your access token goes in the ${TOKEN_LABEL} field.`,
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
