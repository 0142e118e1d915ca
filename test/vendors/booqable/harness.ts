import nock from 'nock';
import type { VendorHarness } from '../../support/harness';

const API = 'https://acme.booqable.com';
const TARGET = 'https://hooks.zapier.com/hooks/standard/1/harness';

export const harness: VendorHarness = {
  authData: { booqable_company_slug: 'acme', booqable_access_token: 'HARNESS-bq-token-5d1e' },
  notSecret: ['booqable_company_slug'],
  calls: [
    {
      name: 'Booqable connection test',
      role: 'connection test',
      credential: 'Booqable Access Token',
      floor: 1,
      request: () => nock(API).get('/api/4/webhook_endpoints').query(true),
      success: { status: 200, body: { data: [] } },
      call: (t, authData) => t.testAuth(authData),
    },
    {
      name: 'Booqable subscribe',
      role: 'subscribe',
      credential: 'Booqable Access Token',
      // Looks for endpoints already there for the URL (none here), then creates one.
      floor: 2,
      request: () => {
        nock(API).get('/api/4/webhook_endpoints').query({ 'filter[url][eq]': TARGET }).reply(200, { data: [] });
        return nock(API).post('/api/4/webhook_endpoints');
      },
      success: { status: 201, body: { data: { id: 'ep_1', type: 'webhook_endpoints', attributes: {} } } },
      call: (t, authData) => t.run('booqable_invoice_finalized', 'performSubscribe', { authData, targetUrl: TARGET }),
    },
    {
      name: 'Booqable unsubscribe',
      role: 'unsubscribe',
      credential: 'Booqable Access Token',
      okOn: [404, 410],
      answerUnused: true,
      // Deletes its own endpoint, then any other left for the URL (none here).
      floor: 2,
      request: () => {
        nock(API).get('/api/4/webhook_endpoints').query({ 'filter[url][eq]': TARGET }).reply(200, { data: [] });
        return nock(API).delete('/api/4/webhook_endpoints/ep_1');
      },
      success: { status: 200, body: { data: { id: 'ep_1', type: 'webhook_endpoints' } } },
      call: (t, authData) => t.run('booqable_invoice_finalized', 'performUnsubscribe', { authData, targetUrl: TARGET, subscribeData: { id: 'ep_1' } }),
    },
    {
      name: 'Booqable recent invoices (Test trigger)',
      role: 'Test trigger',
      credential: 'Booqable Access Token',
      floor: 1,
      request: () => nock(API).get('/api/4/documents.json').query(true),
      success: { status: 200, body: { data: [{ id: 'doc_1', number: 7 }] } },
      call: (t, authData) => t.run('booqable_invoice_finalized', 'performList', { authData, inputData: {} }),
    },
  ],
  deliveryHeaders: () => ({}),
  deliveryAuthData: [{}, { booqable_company_slug: 'acme', booqable_access_token: 'fuzz-booqable-token' }],
};
