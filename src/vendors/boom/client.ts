import type { Bundle, ZObject } from 'zapier-platform-core';
import type { JsonRecord } from '../../lib/catalog';
import type { ErrorContext } from '../../lib/errors';
import { type VendorAnswer, type VendorCall, vendorRequest } from '../../lib/http';
import { asRecord, asString, authValue, sha256 } from '../../lib/values';

// Boom's partner API (vendor-specs/boom-*.json): a token from POST /partner/v1/authenticate, then bearer calls.
export const SECRET = 'boom_webhook_secret';
export const ACCESS_KEY = 'boom_access_key';
export const SECRET_KEY = 'boom_secret_key';
export const ENVIRONMENT = 'boom_environment';

const HOSTS = { sandbox: 'https://api.sandbox.boompay.app', production: 'https://api.production.boompay.app' } as const;

const apiContext = (bundle: Bundle, action: string): ErrorContext => ({
  vendor: 'Boom',
  credential: 'Boom API Access Key and Secret Key',
  action,
  authData: bundle.authData,
});

export const hostOf = (bundle: Bundle) => (authValue(bundle.authData, ENVIRONMENT) === 'sandbox' ? HOSTS.sandbox : HOSTS.production);

// A token lives for the process: a run that lists records after testing the connection signs in once.
const tokens = new Map<string, { token: string; until: number }>();
const TOKEN_LIFETIME_MS = 10 * 60 * 1000;

export const signIn = async (z: ZObject, bundle: Bundle): Promise<string> => {
  const accessKey = authValue(bundle.authData, ACCESS_KEY) ?? '';
  const secretKey = authValue(bundle.authData, SECRET_KEY) ?? '';
  const cacheKey = sha256(`${hostOf(bundle)}|${accessKey}|${secretKey}`);
  const cached = tokens.get(cacheKey);
  if (cached && cached.until > Date.now()) return cached.token;
  const answer = await vendorRequest(
    z,
    { method: 'POST', url: `${hostOf(bundle)}/partner/v1/authenticate`, body: { access_key: accessKey, secret_key: secretKey }, needsJson: true },
    apiContext(bundle, 'signing in to the Boom API'),
  );
  const token = asString(asRecord(answer.data)?.auth_token);
  if (!token) throw new z.errors.Error('Boom signed in but returned no auth token. Check the Boom environment (sandbox or production).', 'VendorError');
  tokens.set(cacheKey, { token, until: Date.now() + TOKEN_LIFETIME_MS });
  return token;
};

export const hasApiKeys = (authData: JsonRecord) => Boolean(authValue(authData, ACCESS_KEY) && authValue(authData, SECRET_KEY));

/** The one way this app calls Boom's API: signed in with the connection's keys, in its environment. */
export const boomRequest = async (z: ZObject, bundle: Bundle, { path, ...call }: VendorCall, action: string): Promise<VendorAnswer> => {
  const token = await signIn(z, bundle);
  return vendorRequest(z, { ...call, url: `${hostOf(bundle)}/partner/v1/${path}`, headers: { authorization: `Bearer ${token}` } }, apiContext(bundle, action));
};
