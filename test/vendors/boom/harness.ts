import nock from 'nock';
import type { VendorHarness } from '../../support/harness';
import { deliveryBundle } from '../../support/runtime';

const API = 'https://api.production.boompay.app';
const WEBHOOK_SECRET = 'HARNESS-boom-hook-0e4d';

// Boom keeps a signed-in token per key pair for the process: every call gets keys of its own.
let keys = 0;
const freshKeys = (authData: Record<string, string>) => {
  keys += 1;
  authData.boom_access_key = `HARNESS-boom-access-${keys}`;
  authData.boom_secret_key = `HARNESS-boom-secretkey-${keys}`;
};

/** Fresh keys that sign in (their bearer token is then a secret to look for); the API, for the call under test. */
const signedIn = (authData: Record<string, string>) => {
  freshKeys(authData);
  authData.boom_bearer_token = `HARNESS-boom-bearer-${keys}`;
  nock(API).post('/partner/v1/authenticate').reply(200, { auth_token: authData.boom_bearer_token });
  return nock(API);
};

/** The sign-in a refused token leads to (a new bearer token, also a secret), and the API again. */
const renewed = (authData: Record<string, string>) => {
  authData.boom_renewed_token = `HARNESS-boom-renewed-${keys}`;
  nock(API).post('/partner/v1/authenticate').reply(200, { auth_token: authData.boom_renewed_token });
  return nock(API);
};

export const harness: VendorHarness = {
  authData: {
    boom_webhook_secret: WEBHOOK_SECRET,
    boom_access_key: 'HARNESS-boom-access-0',
    boom_secret_key: 'HARNESS-boom-secretkey-0',
    boom_environment: 'production',
  },
  notSecret: ['boom_environment'],
  calls: [
    {
      name: 'Boom sign-in (connection test)',
      role: 'connection test',
      credential: 'Boom API Access Key and Secret Key',
      floor: 1,
      request: (authData) => {
        freshKeys(authData);
        return nock(API).post('/partner/v1/authenticate');
      },
      success: { status: 200, body: { auth_token: 'HARNESS-boom-bearer-1' } },
      call: (t, authData) => t.testAuth(authData),
    },
    {
      name: 'Boom recent enrollments (Test trigger)',
      role: 'Test trigger',
      credential: 'Boom API Access Key and Secret Key',
      floor: 2,
      request: (authData) => signedIn(authData).get('/partner/v1/enrollments').query(true),
      renewal: (authData) => renewed(authData).get('/partner/v1/enrollments').query(true),
      success: { status: 200, body: { object: 'list', has_more: false, items: [{ id: 'enr_1', customer_id: 'cus_1' }] } },
      call: (t, authData) => t.run('boom_enrollment_approved', 'performList', { authData, inputData: {} }),
    },
    {
      name: 'Boom application activity (a polling trigger; also its Test trigger)',
      role: 'Test trigger',
      credential: 'Boom API Access Key and Secret Key',
      floor: 2,
      request: (authData) => signedIn(authData).get('/partner/v1/applications/activity_logs').query(true),
      renewal: (authData) => renewed(authData).get('/partner/v1/applications/activity_logs').query(true),
      success: {
        status: 200,
        body: {
          total_count: 1,
          page_count: 1,
          current_page: 1,
          has_more: false,
          items: [
            {
              id: 1,
              application_id: 'app_1',
              event_type: 'submitted',
              event_description: 'Submitted',
              actor: { type: 'applicant', name: 'A' },
              details: {},
              occurred_at: '2026-01-01T00:00:00Z',
            },
          ],
        },
      },
      call: (t, authData) => t.run('boom_new_application_activity', 'perform', { authData, inputData: {} }),
    },
    {
      name: 'Boom new customers (a polling trigger; also its Test trigger)',
      role: 'Test trigger',
      credential: 'Boom API Access Key and Secret Key',
      floor: 2,
      request: (authData) => signedIn(authData).get('/partner/v1/customers').query(true),
      renewal: (authData) => renewed(authData).get('/partner/v1/customers').query(true),
      success: {
        status: 200,
        body: { object: 'list', has_more: false, items: [{ object: 'customer', id: 'cust_1', first_name: 'H', last_name: 'C', email: 'h@example.com' }] },
      },
      call: (t, authData) => t.run('boom_new_customer', 'perform', { authData, inputData: {} }),
    },
    {
      name: 'Boom customer look-up (a later step using the customer)',
      role: 'lookup',
      credential: 'Boom API Access Key and Secret Key',
      floor: 2,
      request: (authData) => signedIn(authData).get('/partner/v1/customers/cust_1'),
      renewal: (authData) => renewed(authData).get('/partner/v1/customers/cust_1'),
      success: {
        status: 200,
        body: { id: 'cust_1', first_name: 'Harness', last_name: 'Customer', email: 'h@example.com', phone: '1555', access_key: 'HARNESS-customer-access-key' },
      },
      call: async (t, authData) => {
        const delivery = { event: 'enrollment_approved', request_id: `lookup-${keys}`, customer_id: 'cust_1', enrollment_id: 'enr_1' };
        const [item] = await t.run('boom_enrollment_approved', 'perform', deliveryBundle(delivery, { authData, headers: { 'x-api-key': WEBHOOK_SECRET } }));
        return t.hydrate(item?.customer, authData);
      },
    },
  ],
  deliveryHeaders: () => ({ 'x-api-key': WEBHOOK_SECRET }),
  deliveryAuthData: [{}, { boom_webhook_secret: WEBHOOK_SECRET }],
};
