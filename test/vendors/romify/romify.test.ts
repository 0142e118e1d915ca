import nock from 'nock';
import { CONNECTION_CHECK_URL } from '../../../src/vendors/romify/adapter';
import { deliveryBundle, failure, resetCache, run, testAuth } from '../../support/runtime';

const TOKEN = 'romify-token-SECRET-9876';
const authData = { romify_api_token: TOKEN };
const HUB = 'https://hub.romify.io';
const TARGET = 'https://hooks.zapier.com/hooks/standard/42/romify';

// The APIv1Webhook shape from Romify's docs.
const hook = (webhookType: string) => ({ id: '2342342-232342-23423-2-42342', webhookURL: TARGET, enabled: true, webhookType, method: 'POST' });

beforeEach(resetCache);

describe('Romify subscribe', () => {
  it('posts hookUrl and the webhook type with the bearer token, and keeps the APIv1Webhook', async () => {
    const scope = nock(HUB, { reqheaders: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' } })
      .post('/api/v1/subscribewebhook', { hookUrl: TARGET, webhookType: 'EVENT_STARTS' })
      .reply(200, hook('EVENT_STARTS'));
    const result = await run('romify_event_starts', 'performSubscribe', { authData, targetUrl: TARGET });
    expect(result).toEqual({ ...hook('EVENT_STARTS'), requestedType: 'EVENT_STARTS' });
    expect(scope.isDone()).toBe(true);
  });

  it('401 names Romify and the token field', async () => {
    nock(HUB).post('/api/v1/subscribewebhook').reply(401, { message: 'Unauthorized' });
    const error = await failure(run('romify_event_starts', 'performSubscribe', { authData, targetUrl: TARGET }));
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toMatch(/Romify rejected the Romify API Token/);
    expect(error.message).not.toContain(TOKEN);
  });

  it('422 shows what Romify said', async () => {
    nock(HUB).post('/api/v1/subscribewebhook').reply(422, { message: 'hookUrl must be https' });
    const error = await failure(run('romify_event_ends', 'performSubscribe', { authData, targetUrl: TARGET }));
    expect(error.message).toContain('hookUrl must be https');
  });

  it('429 throttles with the retry time', async () => {
    nock(HUB).post('/api/v1/subscribewebhook').reply(429, '', { 'Retry-After': '12' });
    const error = await failure(run('romify_event_ends', 'performSubscribe', { authData, targetUrl: TARGET }));
    expect(error.name).toBe('ThrottledError');
    expect(error.details).toMatchObject({ delay: 12 });
  });

  it('503 says Romify is unavailable', async () => {
    nock(HUB).post('/api/v1/subscribewebhook').reply(503, '<html>down</html>');
    const error = await failure(run('romify_event_ends', 'performSubscribe', { authData, targetUrl: TARGET }));
    expect(error.message).toMatch(/Romify is unavailable \(HTTP 503\)/);
  });

  it('names the token field when the connection has none', async () => {
    const error = await failure(run('romify_event_ends', 'performSubscribe', { authData: {}, targetUrl: TARGET }));
    expect(error.message).toMatch(/needs Romify API Token/);
  });
});

describe('Romify unsubscribe', () => {
  it('posts both hookId and hookUrl as valid JSON', async () => {
    const scope = nock(HUB, { reqheaders: { authorization: `Bearer ${TOKEN}` } })
      .post('/api/v1/unsubscribewebhook', (body) => body.hookId === '2342342-232342-23423-2-42342' && body.hookUrl === TARGET)
      .reply(200, { ...hook('EVENT_ENDS'), enabled: false });
    const result = await run('romify_event_ends', 'performUnsubscribe', { authData, targetUrl: TARGET, subscribeData: hook('EVENT_ENDS') });
    expect(result).toMatchObject({ status: 200, enabled: false });
    expect(scope.isDone()).toBe(true);
  });

  it.each([404, 410])('succeeds when the hook is already gone (%i)', async (status) => {
    const scope = nock(HUB).post('/api/v1/unsubscribewebhook').reply(status, { message: 'not found' });
    await expect(run('romify_event_ends', 'performUnsubscribe', { authData, targetUrl: TARGET, subscribeData: hook('EVENT_ENDS') })).resolves.toMatchObject({
      status,
    });
    expect(scope.isDone()).toBe(true);
  });
});

describe('Romify deliveries', () => {
  const lead = { webhookType: 'COMPLETED_FLOW_ALL_CHANGES', leadId: 'lead_1', firstName: 'Ana', email: 'ana@x.example', boothNotes: { unknown: ['kept'] } };

  it('passes every field through, known or not, with a stable id', async () => {
    const first = await run('romify_completed_flow_all_changes', 'perform', deliveryBundle(lead, { subscribeData: hook('COMPLETED_FLOW_ALL_CHANGES') }));
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject(lead);
    expect(first[0]!.id).toMatch(/^[0-9a-f]{64}$/);
    resetCache();
    const again = await run('romify_completed_flow_all_changes', 'perform', deliveryBundle(lead, { subscribeData: hook('COMPLETED_FLOW_ALL_CHANGES') }));
    expect(again[0]!.id).toBe(first[0]!.id);
  });

  it('keeps a lead id Romify sends as `id` under source_id', async () => {
    const [item] = await run('romify_completed_flow_all_changes', 'perform', deliveryBundle({ id: 'lead-77', firstName: 'Bo' }));
    expect(item).toMatchObject({ source_id: 'lead-77', firstName: 'Bo' });
    expect(item!.id).not.toBe('lead-77');
  });

  it('runs the Zap once for a retried delivery, twice for a changed lead', async () => {
    const bundle = deliveryBundle(lead);
    await expect(run('romify_completed_flow_all_changes', 'perform', bundle)).resolves.toHaveLength(1);
    await expect(run('romify_completed_flow_all_changes', 'perform', bundle)).resolves.toEqual([]);
    await expect(run('romify_completed_flow_all_changes', 'perform', deliveryBundle({ ...lead, firstName: 'Anna' }))).resolves.toHaveLength(1);
  });

  it('drops a delivery whose body says another webhook type', async () => {
    await expect(run('romify_event_starts', 'perform', deliveryBundle({ webhookType: 'EVENT_ENDS', event: { id: 'e' } }))).resolves.toEqual([]);
  });

  it('filters by the registered type when Romify registered another type than asked for', async () => {
    const subscribeData = { ...hook('COMPLETED_FLOW_ALL_CHANGES'), requestedType: 'EVENT_STARTS' };
    await expect(run('romify_event_starts', 'perform', deliveryBundle({ event: { id: 'e' } }, { subscribeData }))).resolves.toEqual([]);
  });

  it('takes a delivery that names no type when the subscription is its own', async () => {
    await expect(
      run('romify_event_starts', 'perform', deliveryBundle({ event: { id: 'e', status: 'LIVE' } }, { subscribeData: hook('EVENT_STARTS') })),
    ).resolves.toHaveLength(1);
  });

  it('shows the illustrative sample for "Test trigger" (no read API)', async () => {
    const items = await run('romify_event_starts', 'performList', { authData });
    expect(items[0]).toMatchObject({ webhookType: 'EVENT_STARTS' });
  });
});

describe('the shared connection, Romify group', () => {
  it('checks the token by unsubscribing a URL no Zap has', async () => {
    const scope = nock(HUB, { reqheaders: { authorization: `Bearer ${TOKEN}` } })
      .post('/api/v1/unsubscribewebhook', { hookUrl: CONNECTION_CHECK_URL })
      .reply(404, { message: 'Webhook not found' });
    await expect(testAuth(authData)).resolves.toEqual({ connected_vendors: 'Romify' });
    expect(scope.isDone()).toBe(true);
  });

  it('fails naming Romify when the token is refused', async () => {
    nock(HUB).post('/api/v1/unsubscribewebhook').reply(401, {});
    const error = await failure(testAuth(authData));
    expect(error.message).toMatch(/Romify rejected the Romify API Token while testing the connection/);
  });
});
