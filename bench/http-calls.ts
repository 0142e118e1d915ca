import type { Scope } from 'nock';
import type appDefinition from '../src/index';

/** Vendor calls per operation, counted by nock; every answer is a documented success. */
export const countVendorCalls = async (app: typeof appDefinition): Promise<string[]> => {
  // Loaded here, not at the top: nock intercepts every request of the process once loaded.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const nock = require('nock') as typeof import('nock');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createAppTester } = require('zapier-platform-core') as typeof import('zapier-platform-core');
  nock.disableNetConnect();
  const tester = createAppTester(app);
  let calls = 0;
  const counted = (scope: Scope) => scope.persist().on('request', () => (calls += 1));
  counted(nock('https://acme.booqable.com'))
    .get(/webhook_endpoints/).reply(200, { data: [] })
    .post('/api/4/webhook_endpoints').reply(201, { data: { id: 'ep_1' } })
    .delete('/api/4/webhook_endpoints/ep_1').reply(204, '')
    .get(/documents\.json/).reply(200, { data: [{ id: 'doc_1' }] });
  counted(nock('https://hub.romify.io'))
    .post('/api/v1/subscribewebhook').reply(200, { id: 'hook_1', webhookType: 'EVENT_STARTS' })
    .post('/api/v1/unsubscribewebhook').reply(200, {});
  counted(nock('https://api.production.boompay.app'))
    .post('/partner/v1/authenticate').reply(200, { auth_token: 'bench-token' })
    .get(/partner\/v1\/enrollments/).reply(200, { items: [{ id: 'enr_1', customer_id: 'cus_1' }] });
  counted(nock('https://api.claimable.com')).get('/claims').reply(200, [{ id: 1 }]);

  const booqable = { booqable_company_slug: 'acme', booqable_access_token: 'bench' };
  const boom = { boom_access_key: 'bench-ak', boom_secret_key: 'bench-sk' };
  const trigger = (key: string, method: string) => (app.triggers as unknown as Record<string, { operation: Record<string, unknown> }>)[key]!.operation[method] as never;
  const cases: [string, () => Promise<unknown>, string][] = [
    ['Booqable connection test', () => tester(app.authentication.test as never, { authData: booqable } as never), '1'],
    ['Booqable subscribe', () => tester(trigger('booqable_invoice_finalized', 'performSubscribe'), { authData: booqable, targetUrl: 'https://hooks.example/1' } as never), '1'],
    ['Booqable unsubscribe', () => tester(trigger('booqable_invoice_finalized', 'performUnsubscribe'), { authData: booqable, subscribeData: { id: 'ep_1' } } as never), '1'],
    ['Booqable performList', () => tester(trigger('booqable_invoice_finalized', 'performList'), { authData: booqable } as never), '1'],
    ['Romify connection test', () => tester(app.authentication.test as never, { authData: { romify_api_token: 'bench' } } as never), '1'],
    ['Romify subscribe', () => tester(trigger('romify_event_starts', 'performSubscribe'), { authData: { romify_api_token: 'bench' }, targetUrl: 'https://hooks.example/1' } as never), '1'],
    ['Romify unsubscribe', () => tester(trigger('romify_event_starts', 'performUnsubscribe'), { authData: { romify_api_token: 'bench' }, subscribeData: { id: 'hook_1' } } as never), '1'],
    ['Romify performList (no read API: the sample)', () => tester(trigger('romify_event_starts', 'performList'), { authData: { romify_api_token: 'bench' } } as never), '0'],
    ['Boom connection test (token exchange)', () => tester(app.authentication.test as never, { authData: boom } as never), '1'],
    ['Boom performList after it (token reused)', () => tester(trigger('boom_enrollment_approved', 'performList'), { authData: boom } as never), '1'],
    ['Boom performList, new keys (token + list)', () => tester(trigger('boom_enrollment_approved', 'performList'), { authData: { ...boom, boom_access_key: 'bench-ak-2' } } as never), '2'],
    ['Claimable connection test', () => tester(app.authentication.test as never, { authData: { claimable_api_token: 'bench' } } as never), '1'],
    ['Claimable performList', () => tester(trigger('claimable_claim_created', 'performList'), { authData: { claimable_api_token: 'bench' } } as never), '1'],
  ];
  const lines: string[] = [];
  for (const [label, call, floor] of cases) {
    calls = 0;
    await call();
    lines.push(`${label}: ${calls} (floor ${floor})`);
  }
  nock.cleanAll();
  nock.restore();
  return lines;
};
