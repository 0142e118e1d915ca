import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { BOOM_ENTRIES } from '../../src/vendors/boom/events';
import { banner, startWorkbench } from '../../src/workbench/server';
import { deliveryBundle, resetCache, run, testAuth } from '../helpers';

/**
 * Every path, run with recognisable fake secrets; then everything printed, logged, thrown or
 * returned is searched for them. A vendor echoing a token back (in an error body, in a
 * connection error) is part of the test.
 */

const SECRETS = {
  booqable_company_slug: 'acme',
  booqable_access_token: 'LEAK-bq-9a8b7c6d',
  romify_api_token: 'LEAK-rm-1f2e3d4c',
  boom_webhook_secret: 'LEAK-boom-hook-5b6a',
  boom_access_key: 'LEAK-boom-access-7d8c',
  boom_secret_key: 'LEAK-boom-secret-9f0e',
  claimable_api_token: 'LEAK-cl-2b3c4d5e',
};
const BOOM_BEARER = 'LEAK-boom-bearer-3141';
const secrets = [...Object.entries(SECRETS).filter(([k]) => k !== 'booqable_company_slug').map(([, v]) => v), BOOM_BEARER];

const seen: string[] = [];
const record = (...args: unknown[]) => seen.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));

beforeEach(() => {
  resetCache();
  seen.length = 0;
  for (const method of ['log', 'error', 'warn', 'info'] as const) jest.spyOn(console, method).mockImplementation(record);
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => (record(String(chunk)), true));
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => (record(String(chunk)), true));
});
afterEach(() => jest.restoreAllMocks());

/** Runs a call; whatever it returns or throws is recorded as seen. */
const attempt = async (call: Promise<unknown>) => {
  try {
    record(await call);
  } catch (error) {
    const { name, message, stack } = error as Error;
    record(name, message, stack);
  }
};

const echo = (token: string) => ({ errors: [{ status: '422', detail: `token ${token} is not allowed here` }], message: `Bearer ${token}` });

const vendorScopes = () => ({
  bq: nock('https://acme.booqable.com').persist(),
  rm: nock('https://hub.romify.io').persist(),
  bm: nock('https://api.production.boompay.app').persist(),
  cl: nock('https://api.claimable.com').persist(),
});

/** Every call the app makes to a vendor: connection tests, subscribe, unsubscribe, samples. */
const everyVendorCall = (authData: Record<string, string>) => [
  () => testAuth(authData),
  () => testAuth({ booqable_company_slug: 'acme', booqable_access_token: authData.booqable_access_token! }),
  () => testAuth({ romify_api_token: authData.romify_api_token! }),
  () => testAuth({ boom_access_key: authData.boom_access_key!, boom_secret_key: authData.boom_secret_key! }),
  () => testAuth({ claimable_api_token: authData.claimable_api_token! }),
  () => run('booqable_invoice_finalized', 'performSubscribe', { authData, targetUrl: 'https://hooks.zapier.com/1' }),
  () => run('booqable_invoice_finalized', 'performUnsubscribe', { authData, subscribeData: { id: 'ep_1' } }),
  () => run('booqable_invoice_finalized', 'performList', { authData }),
  () => run('romify_event_starts', 'performSubscribe', { authData, targetUrl: 'https://hooks.zapier.com/1' }),
  () => run('romify_event_starts', 'performUnsubscribe', { authData, subscribeData: { id: 'hook_1' } }),
  () => run('boom_enrollment_approved', 'performList', { authData }),
  () => run('claimable_claim_created', 'performList', { authData }),
];

describe('secrets never appear in errors, logs, results or the workbench', () => {
  it('connection tests, subscribe, unsubscribe and samples, answered and failing', async () => {
    // Answered: the happy paths.
    const { bq, rm, bm, cl } = vendorScopes();
    bq.get(/webhook_endpoints/).reply(200, { data: [] });
    bq.post('/api/4/webhook_endpoints').reply(201, { data: { id: 'ep_1', type: 'webhook_endpoints' } });
    bq.delete('/api/4/webhook_endpoints/ep_1').reply(200, {});
    bq.get(/documents\.json/).reply(200, { data: [{ id: 'doc_1', number: 7 }] });
    rm.post('/api/v1/subscribewebhook').reply(200, { id: 'hook_1', hookUrl: 'x', webhookType: 'EVENT_STARTS' });
    rm.post('/api/v1/unsubscribewebhook').reply(200, {});
    bm.post('/partner/v1/authenticate').reply(200, { auth_token: BOOM_BEARER });
    bm.get(/partner\/v1\/enrollments/).reply(200, { items: [{ id: 'enr_1', customer_id: 'cus_1' }] });
    cl.get('/claims').reply(200, [{ id: 1, title: 'Leak test' }]);
    for (const call of everyVendorCall(SECRETS)) await attempt(call());
    nock.cleanAll();

    // Failing, with the vendor echoing the token back in its error and in a connection error.
    // Other Boom keys: Boom's token from the pass above is kept for the process and would skip the sign-in.
    const failingKeys = { ...SECRETS, boom_access_key: `${SECRETS.boom_access_key}-2`, boom_secret_key: `${SECRETS.boom_secret_key}-2` };
    const failing = vendorScopes();
    failing.bq.get(/./).reply(422, echo(SECRETS.booqable_access_token));
    failing.bq.post(/./).reply(401, echo(SECRETS.booqable_access_token));
    failing.bq.delete(/./).replyWithError(`connect ECONNRESET with Bearer ${SECRETS.booqable_access_token}`);
    failing.rm.post(/./).reply(500, echo(SECRETS.romify_api_token));
    failing.bm.post(/./).reply(403, echo(failingKeys.boom_secret_key));
    failing.cl.get(/./).replyWithError(`socket hang up, token=${SECRETS.claimable_api_token}`);
    for (const call of everyVendorCall(failingKeys)) await attempt(call());

    expect(seen.length).toBeGreaterThan(15);
    // The vendor's own words still come through, with the token cut out.
    expect(seen.join('\n')).toContain('token [redacted] is not allowed here');
    // Every vendor's failure was reached, Boom's sign-in included.
    for (const vendor of ['Booqable', 'Romify', 'Boom refused access', 'Claimable is unavailable']) expect(seen.join('\n')).toContain(vendor);
    for (const secret of secrets) expect(seen.filter((line) => line.includes(secret))).toEqual([]);
  });

  it('deliveries: the Boom x-api-key right, wrong, missing or repeated, and broken bodies', async () => {
    const { id: _id, ...body } = BOOM_ENTRIES.find((e) => e.key === 'boom_enrollment_approved')!.sample;
    const keys = [SECRETS.boom_webhook_secret, `${SECRETS.boom_webhook_secret}x`, '', `${SECRETS.boom_webhook_secret}, ${SECRETS.boom_webhook_secret}`];
    for (const key of keys) {
      const headers: Record<string, string> = key === '' ? {} : { 'x-api-key': key };
      await attempt(run('boom_enrollment_approved', 'perform', deliveryBundle(body, { headers, authData: SECRETS })));
      await attempt(run('boom_event', 'perform', deliveryBundle(body, { headers, authData: SECRETS })));
      await attempt(run('boom_enrollment_approved', 'perform', deliveryBundle(['not', 'an', 'object'], { headers, authData: SECRETS })));
      await attempt(run('boom_enrollment_approved', 'perform', deliveryBundle({ ...body, monthly_rent_amount: 'oops' }, { headers, authData: SECRETS })));
    }
    await attempt(run('booqable_order_updated', 'perform', deliveryBundle({ id: 'n1', event: 'order.updated', data: {} }, { authData: SECRETS })));
    await attempt(run('claimable_claim_created', 'perform', deliveryBundle({ event_name: 'claim.created', claim: { id: 1 } }, { authData: SECRETS })));

    expect(seen.some((line) => line.includes('Rejected'))).toBe(true);
    for (const secret of secrets) expect(seen.filter((line) => line.includes(secret))).toEqual([]);
  });

  it("the workbench's printout and answers, with the secrets in its connection", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leak-captures-'));
    const printed: string[] = [];
    const { server, url, engine } = await startWorkbench({ port: 0, capturesDir: dir, authData: SECRETS, print: (t) => printed.push(t) });
    try {
      printed.push(banner(url, engine));
      const { id: _id, ...body } = BOOM_ENTRIES.find((e) => e.key === 'boom_enrollment_approved')!.sample;
      for (const key of [SECRETS.boom_webhook_secret, 'wrong-key']) {
        const response = await fetch(`${url}/boom`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify(body) });
        printed.push(await response.text());
      }
      const response = await fetch(`${url}/booqable_order_updated`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"id":"n1","event":"order.updated","data":{}}' });
      printed.push(await response.text());
    } finally {
      await new Promise((resolve) => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    }
    const text = [...printed, ...seen].join('\n');
    expect(text).toContain('fired');
    expect(text).toContain('x-api-key header does not match');
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
