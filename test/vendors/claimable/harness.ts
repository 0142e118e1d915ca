import nock from 'nock';
import type { VendorHarness } from '../../support/harness';

const API = 'https://api.claimable.com';

export const harness: VendorHarness = {
  authData: { claimable_api_token: 'HARNESS-cl-token-a6b3' },
  calls: [
    {
      name: 'Claimable connection test',
      role: 'connection test',
      credential: 'Claimable API Token',
      floor: 1,
      request: () => nock(API).get('/claims'),
      success: { status: 200, body: [] },
      call: (t, authData) => t.testAuth(authData),
    },
    {
      name: 'Claimable recent claims (Test trigger)',
      role: 'Test trigger',
      credential: 'Claimable API Token',
      floor: 1,
      request: () => nock(API).get('/claims'),
      success: { status: 200, body: [{ id: 1, title: 'Harness claim' }] },
      call: (t, authData) => t.run('claimable_claim_created', 'performList', { authData, inputData: {} }),
    },
  ],
  deliveryHeaders: (event) => ({ 'event-name': `"${event}"` }),
  deliveryAuthData: [{}],
};
