import nock from 'nock';
import type { VendorHarness } from '../../support/harness';

const HUB = 'https://hub.romify.io';
const TARGET = 'https://hooks.zapier.com/hooks/standard/1/harness';
const hook = { id: 'hook_1', webhookURL: TARGET, enabled: true, webhookType: 'EVENT_STARTS', method: 'POST' };

export const harness: VendorHarness = {
  authData: { romify_api_token: 'HARNESS-rm-token-8c2a' },
  calls: [
    {
      name: 'Romify connection test',
      role: 'connection test',
      credential: 'Romify API Token',
      answerUnused: true,
      floor: 1,
      request: () => nock(HUB).post('/api/v1/version'),
      success: { status: 200, body: { version: '1.0' } },
      call: (t, authData) => t.testAuth(authData),
    },
    {
      name: 'Romify recent leads (Test trigger)',
      role: 'Test trigger',
      credential: 'Romify API Token',
      floor: 1,
      request: () => nock(HUB).post('/api/v1/leads'),
      success: { status: 200, body: [{ id: 'lead_1', firstName: 'Harness' }] },
      call: (t, authData) => t.run('romify_completed_flow_all_changes', 'performList', { authData, inputData: {} }),
    },
    {
      name: 'Romify subscribe',
      role: 'subscribe',
      credential: 'Romify API Token',
      floor: 1,
      request: () => nock(HUB).post('/api/v1/subscribewebhook'),
      success: { status: 200, body: hook },
      call: (t, authData) => t.run('romify_event_starts', 'performSubscribe', { authData, targetUrl: TARGET }),
    },
    {
      name: 'Romify unsubscribe',
      role: 'unsubscribe',
      credential: 'Romify API Token',
      okOn: [404, 410],
      answerUnused: true,
      floor: 1,
      request: () => nock(HUB).post('/api/v1/unsubscribewebhook'),
      success: { status: 200, body: hook },
      call: (t, authData) => t.run('romify_event_starts', 'performUnsubscribe', { authData, targetUrl: TARGET, subscribeData: { id: 'hook_1' } }),
    },
  ],
  deliveryHeaders: () => ({}),
  deliveryAuthData: [{}],
  subscribeData: (event) => [undefined, { id: 'hook_1', webhookType: event }, { id: 'hook_2' }],
};
