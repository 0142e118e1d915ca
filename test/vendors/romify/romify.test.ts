import nock from 'nock';
import { app, deliveryBundle, failure, resetCache, run, testAuth } from '../../support/runtime';

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
    expect(result).toEqual({ ...hook('EVENT_STARTS'), requestedEvents: ['EVENT_STARTS'] });
    expect(scope.isDone()).toBe(true);
  });

  // Romify's page does not document webhookType as a subscribe parameter: what it registers is checked.
  it('fails turn-on, and removes the hook, when Romify registers another webhook type', async () => {
    const scope = nock(HUB)
      .post('/api/v1/subscribewebhook', { hookUrl: TARGET, webhookType: 'EVENT_STARTS' })
      .reply(200, hook('COMPLETED_FLOW_ALL_CHANGES'))
      .post('/api/v1/unsubscribewebhook', { hookId: hook('x').id })
      .reply(200, hook('COMPLETED_FLOW_ALL_CHANGES'));
    const error = await failure(run('romify_event_starts', 'performSubscribe', { authData, targetUrl: TARGET }));
    expect(error.message).toMatch(/registered this Zap's webhook as COMPLETED_FLOW_ALL_CHANGES, not EVENT_STARTS.*removed again/);
    expect(scope.isDone()).toBe(true);
  });

  it('401 names Romify and the token field', async () => {
    nock(HUB).post('/api/v1/subscribewebhook').reply(401, { message: 'Unauthorized' });
    const error = await failure(run('romify_event_starts', 'performSubscribe', { authData, targetUrl: TARGET }));
    // The combined app's connection holds every vendor: a rejected token fails the step, never expires the connection.
    expect(error.name).toBe('AppError');
    expect(error.message).toMatch(/other vendors, so it stays connected/);
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
  it('posts the hook id alone (by URL, Romify might also remove a newer hook of the same Zap)', async () => {
    const scope = nock(HUB, { reqheaders: { authorization: `Bearer ${TOKEN}` } })
      .post('/api/v1/unsubscribewebhook', { hookId: '2342342-232342-23423-2-42342' })
      .reply(200, { ...hook('EVENT_ENDS'), enabled: false });
    const result = await run('romify_event_ends', 'performUnsubscribe', { authData, targetUrl: TARGET, subscribeData: hook('EVENT_ENDS') });
    expect(result).toMatchObject({ status: 200, enabled: false });
    expect(scope.isDone()).toBe(true);
  });

  it('posts the hook URL only where the Zap has no hook id', async () => {
    const scope = nock(HUB)
      .post('/api/v1/unsubscribewebhook', { hookUrl: TARGET })
      .reply(200, { ...hook('EVENT_ENDS'), enabled: false });
    await run('romify_event_ends', 'performUnsubscribe', { authData, targetUrl: TARGET, subscribeData: {} });
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

describe('Romify deliveries: the body is the lead or event itself', () => {
  // Shaped as Romify's help page says (an APIv1Lead / APIv1Event as the body); field names beyond `id` are illustrative.
  const lead = { id: 'lead_1', firstName: 'Ana', email: 'ana@x.example', boothNotes: { unknown: ['kept'] } };
  const event = { id: 'evt_1', name: 'Expo', status: 'LIVE', startDate: '2026-12-02T09:00:00Z' };
  const leadHook = hook('COMPLETED_FLOW_ALL_CHANGES');

  it("keeps the lead's own id as the item id and passes every field through", async () => {
    const [item] = await run('romify_completed_flow_all_changes', 'perform', deliveryBundle(lead, { subscribeData: leadHook }));
    expect(item).toEqual(lead);
  });

  it('falls back to a content hash when the object has no id', async () => {
    const [item] = await run('romify_event_starts', 'perform', deliveryBundle({ name: 'Expo', status: 'LIVE' }, { subscribeData: hook('EVENT_STARTS') }));
    expect(item!.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('runs the Zap for every delivery (Romify documents no retries, and a lead changed back is a new event)', async () => {
    const bundle = deliveryBundle(lead, { subscribeData: leadHook });
    await expect(run('romify_completed_flow_all_changes', 'perform', bundle)).resolves.toHaveLength(1);
    await expect(run('romify_completed_flow_all_changes', 'perform', bundle)).resolves.toHaveLength(1);
    const changed = await run('romify_completed_flow_all_changes', 'perform', deliveryBundle({ ...lead, firstName: 'Anna' }, { subscribeData: leadHook }));
    expect(changed).toEqual([{ ...lead, firstName: 'Anna' }]);
  });

  it('takes the type from its own subscription, not from the body', async () => {
    await expect(run('romify_event_starts', 'perform', deliveryBundle(event, { subscribeData: hook('EVENT_STARTS') }))).resolves.toEqual([event]);
    // Romify registered another type than the one asked for: this trigger does not fire.
    const subscribeData = { ...hook('EVENT_ENDS'), requestedEvents: ['EVENT_STARTS'] };
    await expect(run('romify_event_starts', 'perform', deliveryBundle(event, { subscribeData }))).resolves.toEqual([]);
  });

  it('reads the type asked for when Romify registered none, in subscriptions of this and of earlier versions', async () => {
    const { webhookType: _registered, ...unnamed } = hook('EVENT_STARTS');
    for (const asked of [{ requestedEvents: ['EVENT_ENDS'] }, { requestedType: 'EVENT_ENDS' }]) {
      resetCache();
      const subscribeData = { ...unnamed, ...asked };
      await expect(run('romify_event_starts', 'perform', deliveryBundle(event, { subscribeData }))).resolves.toEqual([]);
      await expect(run('romify_event_ends', 'perform', deliveryBundle(event, { subscribeData }))).resolves.toEqual([event]);
    }
  });

  // Romify's lead and event field names are unpublished: plausible shapes of either, whatever keys they use.
  const shapes: [string, Record<string, unknown>][] = [
    ['a lead with contact keys', { id: 'l1', email: 'ana@x.example', firstName: 'Ana', company: 'Northwind' }],
    ['a lead with an event date on it', { id: 'l2', email: 'bo@x.example', startDate: '2026-12-02', status: 'LIVE' }],
    ['a lead with snake_case keys', { id: 'l3', first_name: 'Cy', last_name: 'Ng', scanned_at: '2026-12-02T10:00:00Z' }],
    ['an event with a contact email', { id: 'e1', name: 'Expo', email: 'org@expo.example', startsAt: '2026-12-02T09:00:00Z' }],
    ['an event with nested dates', { id: 'e2', title: 'Expo', schedule: { start: '2026-12-02', end: '2026-12-04' }, status: 'COMPLETED' }],
  ];
  it.each(shapes)('passes %s to the trigger its subscription is for, whatever the shape', async (_what, body) => {
    for (const [key, type] of [
      ['romify_completed_flow_all_changes', 'COMPLETED_FLOW_ALL_CHANGES'],
      ['romify_event_starts', 'EVENT_STARTS'],
      ['romify_event_ends', 'EVENT_ENDS'],
    ] as const) {
      await expect(run(key, 'perform', deliveryBundle(body, { subscribeData: hook(type) }))).resolves.toEqual([body]);
    }
  });

  it('passes a body of unknown shape on (Romify has not published the field names)', async () => {
    await expect(run('romify_event_ends', 'perform', deliveryBundle({ id: 'x', title: 'Expo' }, { subscribeData: hook('EVENT_ENDS') }))).resolves.toHaveLength(
      1,
    );
  });
});

describe('Romify samples for "Test trigger"', () => {
  it('loads real recent leads with the documented call', async () => {
    const scope = nock(HUB, { reqheaders: { authorization: `Bearer ${TOKEN}` } })
      .post('/api/v1/leads', {})
      .reply(200, [{ id: 'lead_a', firstName: 'Kim' }]);
    await expect(run('romify_completed_flow_all_changes', 'performList', { authData })).resolves.toEqual([{ id: 'lead_a', firstName: 'Kim' }]);
    expect(scope.isDone()).toBe(true);
  });

  it("asks for Romify's example leads when the account has none yet", async () => {
    const scope = nock(HUB)
      .post('/api/v1/leads')
      .reply(200, [])
      .post('/api/v1/exampleleads', {})
      .reply(200, [{ id: 'example_1', firstName: 'Random' }]);
    await expect(run('romify_completed_flow_all_changes', 'performList', { authData })).resolves.toEqual([{ id: 'example_1', firstName: 'Random' }]);
    expect(scope.isDone()).toBe(true);
  });

  it('returns nothing for event triggers, calling nothing (Romify has no events list): the editor offers its sample', async () => {
    await expect(run('romify_event_starts', 'performList', { authData })).resolves.toEqual([]);
  });
});

// A custom connection cannot store a token Romify renews, so no refresh token is asked for or sent.
describe('the Romify refresh token', () => {
  it('is not a connection field', () => {
    expect((app.authentication.fields ?? []).map((f) => f.key)).not.toContain('romify_refresh_token');
  });

  it('is never sent, even from a connection made when the field existed', async () => {
    const scope = nock(HUB, { badheaders: ['x-refresh-token'] })
      .post('/api/v1/version')
      .reply(200, {});
    await testAuth({ ...authData, romify_refresh_token: 'romify-refresh-SECRET-1' });
    expect(scope.isDone()).toBe(true);
  });
});

describe('the shared connection, Romify group', () => {
  it("checks the token with Romify's version call", async () => {
    const scope = nock(HUB, { reqheaders: { authorization: `Bearer ${TOKEN}` } })
      .post('/api/v1/version')
      .reply(200, { version: '1.4.2' });
    await expect(testAuth(authData)).resolves.toEqual({ connected_vendors: 'Romify', account: 'Romify (token …9876)' });
    expect(scope.isDone()).toBe(true);
  });

  it('fails naming Romify when the token is refused', async () => {
    nock(HUB).post('/api/v1/version').reply(401, {});
    const error = await failure(testAuth(authData));
    expect(error.message).toMatch(/Romify rejected the Romify API Token while testing the connection/);
  });
});

describe('Romify turn-on and turn-off against a stateful fake that removes by URL when given one (either identifies a hook, says its page)', () => {
  const fakeRomify = () => {
    const hooks = new Map<string, { id: string; url: string }>();
    let made = 0;
    let held: Promise<void> | undefined;
    const api = nock(HUB).persist();
    api.post('/api/v1/subscribewebhook').reply((_uri, body) => {
      made += 1;
      const { hookUrl, webhookType } = body as { hookUrl: string; webhookType: string };
      const id = `hook_${made}`;
      hooks.set(id, { id, url: hookUrl });
      return [200, { id, webhookURL: hookUrl, enabled: true, webhookType, method: 'POST' }];
    });
    api.post('/api/v1/unsubscribewebhook').reply(async (_uri, body) => {
      const wait = held;
      held = undefined;
      if (wait) await wait;
      const { hookUrl, hookId } = body as { hookUrl?: string; hookId?: string };
      for (const h of [...hooks.values()]) if ((hookUrl && h.url === hookUrl) || h.id === hookId) hooks.delete(h.id);
      return [200, { id: hookId ?? 'unknown', enabled: false }];
    });
    return {
      ids: () => [...hooks.values()].filter((h) => h.url === TARGET).map((h) => h.id),
      holdNextUnsubscribe: () => {
        let release = () => {};
        held = new Promise<void>((resolve) => {
          release = resolve;
        });
        return release;
      },
    };
  };
  const turnOn = () => run<{ id: string }>('romify_completed_flow_all_changes', 'performSubscribe', { authData, targetUrl: TARGET });
  const turnOff = (subscribeData: unknown) => run('romify_completed_flow_all_changes', 'performUnsubscribe', { authData, targetUrl: TARGET, subscribeData });
  afterEach(() => nock.cleanAll());

  it('a re-subscribe before the old subscription is removed: the Zap keeps its new hook', async () => {
    const romify = fakeRomify();
    const old = await turnOn();
    const renewed = await turnOn();
    await turnOff(old);
    expect(romify.ids()).toEqual([renewed.id]);
  });

  it('an off/on toggle whose calls overlap (the turn-off answered after the new hook exists): the Zap keeps its new hook', async () => {
    const romify = fakeRomify();
    const on = await turnOn();
    const release = romify.holdNextUnsubscribe();
    const off = turnOff(on);
    const renewed = await turnOn();
    release();
    await off;
    expect(romify.ids()).toEqual([renewed.id]);
  });
});
