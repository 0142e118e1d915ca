import type { Bundle, ZObject } from 'zapier-platform-core';
import type { ErrorContext } from '../../lib/errors';
import { type VendorAnswer, type VendorCall, vendorRequest } from '../../lib/http';
import { authValue } from '../../lib/values';

// Claimable's API (docs/vendors.md): https://api.claimable.com, a bearer token that Claimable support issues.
export const TOKEN = 'claimable_api_token';
export const TOKEN_LABEL = 'Claimable API Token';
const API = 'https://api.claimable.com';

const context = (bundle: Bundle, action: string): ErrorContext => ({
  vendor: 'Claimable',
  credential: TOKEN_LABEL,
  action,
  authData: bundle.authData,
});

/** The one way this app calls Claimable's API: its address, the connection's token, Claimable's error context. */
export const claimableRequest = (z: ZObject, bundle: Bundle, { path, ...call }: VendorCall, action: string): Promise<VendorAnswer> =>
  vendorRequest(z, { ...call, url: `${API}/${path}`, headers: { authorization: `Bearer ${authValue(bundle.authData, TOKEN)}` } }, context(bundle, action));
