import type { Bundle, ZObject } from 'zapier-platform-core';
import type { JsonRecord } from '../../lib/catalog';
import type { ErrorContext } from '../../lib/errors';
import { type VendorAnswer, type VendorCall, vendorRequest } from '../../lib/http';
import { asRecord, asString, authValue, sha256 } from '../../lib/values';

// Boom's partner API (its OpenAPI specs; docs/vendors.md): a token from POST /partner/v1/authenticate, then bearer calls.
export const SECRET = 'boom_webhook_secret';
export const ACCESS_KEY = 'boom_access_key';
export const SECRET_KEY = 'boom_secret_key';
export const ENVIRONMENT = 'boom_environment';

const HOSTS = { sandbox: 'https://api.sandbox.boompay.app', production: 'https://api.production.boompay.app' } as const;

/** The two connection fields Boom's partner API needs, as a person reads them. */
export const API_KEYS_LABEL = 'Boom API Access Key and Secret Key';

const apiContext = (bundle: Bundle, action: string): ErrorContext => ({
  vendor: 'Boom',
  credential: API_KEYS_LABEL,
  action,
  authData: bundle.authData,
});

const hostOf = (bundle: Bundle) => (authValue(bundle.authData, ENVIRONMENT) === 'sandbox' ? HOSTS.sandbox : HOSTS.production);

// A token lives for the process, per key pair and environment (never one connection's for another):
// a run that lists records after testing the connection signs in once.
const tokens = new Map<string, { token: string; until: number }>();
/** Where the token carries no readable expiry (a JWT's `exp`): Boom documents none. */
const TOKEN_LIFETIME_MS = 10 * 60 * 1000;
/** Renewed this long before the expiry it carries, so that no call goes out with a token about to lapse. */
const RENEW_BEFORE_MS = 60 * 1000;

const cacheKeyOf = (bundle: Bundle) =>
  sha256(`${hostOf(bundle)}|${authValue(bundle.authData, ACCESS_KEY) ?? ''}|${authValue(bundle.authData, SECRET_KEY) ?? ''}`);

/** The expiry a JWT carries (`exp`, seconds), in milliseconds; undefined when it is not a readable JWT. */
const expiryOf = (token: string): number | undefined => {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const exp = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown }).exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
};

/** Signs in with the connection's keys: a 401 here is the stored keys' own failure, the user's to fix. */
export const signIn = async (z: ZObject, bundle: Bundle): Promise<string> => {
  const cacheKey = cacheKeyOf(bundle);
  const cached = tokens.get(cacheKey);
  if (cached && cached.until > Date.now()) return cached.token;
  const answer = await vendorRequest(
    z,
    {
      method: 'POST',
      url: `${hostOf(bundle)}/partner/v1/authenticate`,
      body: { access_key: authValue(bundle.authData, ACCESS_KEY) ?? '', secret_key: authValue(bundle.authData, SECRET_KEY) ?? '' },
      needsJson: true,
    },
    apiContext(bundle, 'signing in to the Boom API'),
  );
  const token = asString(asRecord(answer.data)?.auth_token);
  if (!token) throw new z.errors.Error('Boom signed in but returned no auth token. Check the Boom environment (sandbox or production).', 'VendorError');
  tokens.set(cacheKey, { token, until: (expiryOf(token) ?? Date.now() + TOKEN_LIFETIME_MS) - RENEW_BEFORE_MS });
  return token;
};

export const hasApiKeys = (authData: JsonRecord) => Boolean(authValue(authData, ACCESS_KEY) && authValue(authData, SECRET_KEY));

/**
 * The one way this app calls Boom's API: signed in with the connection's keys, in its environment.
 * A 401 to the sign-in token (one the app obtained, not the user's keys) signs in again once and
 * retries; a second 401 fails the step without marking the connection expired.
 */
export const boomRequest = async (z: ZObject, bundle: Bundle, { path, ...call }: VendorCall, action: string): Promise<VendorAnswer> => {
  const url = `${hostOf(bundle)}/partner/v1/${path}`;
  const context = { ...apiContext(bundle, action), renewable: true };
  const first = await vendorRequest(
    z,
    { ...call, alsoOk: [...(call.alsoOk ?? []), 401], url, headers: { authorization: `Bearer ${await signIn(z, bundle)}` } },
    context,
  );
  if (first.status !== 401 || call.alsoOk?.includes(401)) return first;
  tokens.delete(cacheKeyOf(bundle));
  return vendorRequest(z, { ...call, url, headers: { authorization: `Bearer ${await signIn(z, bundle)}` } }, context);
};
