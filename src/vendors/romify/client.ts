import type { Bundle, ZObject } from 'zapier-platform-core';
import type { ErrorContext } from '../../lib/errors';
import { type VendorAnswer, type VendorCall, vendorRequest } from '../../lib/http';
import { authValue } from '../../lib/values';

// Romify's hub API (Romify's REST API page): every call a POST with the bearer token.
export const TOKEN = 'romify_api_token';
export const TOKEN_LABEL = 'Romify API Token';
const HUB = 'https://hub.romify.io/api/v1';

const context = (bundle: Bundle, action: string): ErrorContext => ({ vendor: 'Romify', credential: TOKEN_LABEL, action, authData: bundle.authData });

/**
 * Every call is a POST with the bearer token. Romify's optional X-Refresh-Token would renew an
 * expired token, but a custom connection cannot store the renewed one, so it is not offered.
 */
const headers = (bundle: Bundle): Record<string, string> => ({ authorization: `Bearer ${authValue(bundle.authData, TOKEN)}` });

/** The one way this app calls Romify: a POST to the hub with the connection's tokens, Romify's error context. */
export const romifyRequest = (z: ZObject, bundle: Bundle, { path, ...call }: Omit<VendorCall, 'method'>, action: string): Promise<VendorAnswer> =>
  vendorRequest(z, { ...call, method: 'POST', url: `${HUB}/${path}`, headers: headers(bundle) }, context(bundle, action));
