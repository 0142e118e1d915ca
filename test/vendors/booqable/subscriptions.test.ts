import nock from 'nock';
import { deadlines } from '../../../src/lib/deadline';
import { shortenTimeouts } from '../../support/faults';
import { failure, run } from '../../support/runtime';

/**
 * Turn-on and turn-off against a stateful fake Booqable: its webhook endpoints as Booqable's API
 * documents them (list with `filter[url][eq]` giving `created_at`, create → 201 with the id, delete →
 * 200, an unknown id → 404; booqable/boomerang-api-documentation, `_webhook_endpoints.md`). The order
 * of Zapier's subscribe and unsubscribe calls is not documented: a re-subscribe may come before the
 * old subscription's unsubscribe, and an off/on toggle's calls may overlap. However they come, the Zap
 * that is on keeps an endpoint.
 */

const API = 'https://acme.booqable.com';
const authData = { booqable_company_slug: 'acme', booqable_access_token: 'bq-sub-token-77' };
const TARGET = 'https://hooks.zapier.com/hooks/standard/9/turn-on';

shortenTimeouts();

/** A call the test lets through when it chooses (no real wait): `release` answers it. */
const gate = () => {
  let release = () => {};
  const passed = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { passed, release };
};

const fakeBooqable = () => {
  const endpoints = new Map<string, { id: string; url: string; events: string[]; created_at: string }>();
  let made = 0;
  let withoutId = false;
  let onCreate = () => {};
  const holds: Partial<Record<'list' | 'create' | 'delete', ReturnType<typeof gate>>> = {};
  const open: ReturnType<typeof gate>[] = [];
  const wait = async (call: 'list' | 'create' | 'delete') => {
    const held = holds[call];
    delete holds[call];
    if (held) await held.passed;
  };
  const api = nock(API).persist();
  api
    .get('/api/4/webhook_endpoints')
    .query(true)
    .reply(async (uri) => {
      await wait('list');
      const url = new URL(uri, API).searchParams.get('filter[url][eq]');
      return [200, { data: [...endpoints.values()].filter((e) => url === null || e.url === url) }];
    });
  api.delete(/\/api\/4\/webhook_endpoints\/.+/).reply(async (uri) => {
    await wait('delete');
    const id = decodeURIComponent(uri.split('/').pop()!);
    return endpoints.delete(id) ? [200, { data: { id, type: 'webhook_endpoints' } }] : [404, { errors: [{ status: '404', title: 'Not found' }] }];
  });
  // Created before it answers: a create whose answer comes too late has still made its endpoint.
  api.post('/api/4/webhook_endpoints').reply(async (_uri, body) => {
    made += 1;
    const { url, events } = (body as { data: { attributes: { url: string; events: string[] } } }).data.attributes;
    const endpoint = { id: `ep_${made}`, url, events, created_at: new Date(Date.UTC(2026, 11, 1, 9, 0, made)).toISOString() };
    endpoints.set(endpoint.id, endpoint);
    onCreate();
    await wait('create');
    if (withoutId) {
      withoutId = false;
      return [201, { data: { type: 'webhook_endpoints', attributes: { url, events } } }];
    }
    return [201, { data: { id: endpoint.id, type: 'webhook_endpoints', attributes: { url, events, created_at: endpoint.created_at } } }];
  });
  return {
    forUrl: () => [...endpoints.values()].filter((e) => e.url === TARGET).map((e) => e.id),
    /** The next call of this kind answers only when released (or never, for one that should time out). */
    hold: (call: 'list' | 'create' | 'delete') => {
      const held = gate();
      holds[call] = held;
      open.push(held);
      return held.release;
    },
    /** Settles once the next create has made its endpoint. */
    nextCreate: () =>
      new Promise<void>((resolve) => {
        onCreate = resolve;
      }),
    /** The next create answers 201 without the endpoint's id. */
    answerWithoutId: () => {
      withoutId = true;
    },
    releaseAll: () => {
      for (const held of open) held.release();
    },
  };
};

let booqable: ReturnType<typeof fakeBooqable>;
beforeEach(() => {
  booqable = fakeBooqable();
});
afterEach(() => {
  booqable.releaseAll();
  nock.cleanAll();
});

const turnOn = () => run<{ id: string }>('booqable_order_reserved', 'performSubscribe', { authData, targetUrl: TARGET });
const turnOff = (subscribeData: unknown) => run('booqable_order_reserved', 'performUnsubscribe', { authData, targetUrl: TARGET, subscribeData });

describe('Booqable turn-on and turn-off', () => {
  it('leave one endpoint for the URL however often turn-on is repeated, and none after turn-off', async () => {
    await turnOn();
    await turnOn();
    const last = await turnOn();
    expect(booqable.forUrl()).toEqual([last.id]);
    await turnOff(last);
    expect(booqable.forUrl()).toEqual([]);
  });

  it('a re-subscribe before the old subscription is removed: the Zap keeps the new endpoint', async () => {
    const old = await turnOn();
    const renewed = await turnOn();
    await turnOff(old);
    expect(booqable.forUrl()).toEqual([renewed.id]);
  });

  it.each(['before the new create', 'after the new create', 'after the turn-on has finished'] as const)(
    "an off/on toggle whose calls overlap (the turn-off's DELETE answered %s) leaves the Zap with one endpoint",
    async (when) => {
      const on = await turnOn();
      const release = booqable.hold('delete');
      const off = turnOff(on);
      const created = booqable.nextCreate();
      const again = turnOn();
      if (when === 'before the new create') release();
      await created;
      if (when === 'after the new create') release();
      const renewed = await again;
      if (when === 'after the turn-on has finished') release();
      await off;
      expect(booqable.forUrl()).toEqual([renewed.id]);
    },
  );

  it('two turn-ons that overlap leave one endpoint, never none', async () => {
    await Promise.all([turnOn(), turnOn()]);
    expect(booqable.forUrl()).toHaveLength(1);
  });

  it('a turn-on whose create answered too late, then turned on again, leaves one', async () => {
    booqable.hold('create');
    const timedOut = await failure(turnOn());
    expect(timedOut.message).toMatch(/Booqable is unavailable: no answer .*timeout/);
    const on = await turnOn();
    expect(booqable.forUrl()).toEqual([on.id]);
  });

  it('a 201 without an id fails turn-on, and the next turn-on removes what it made', async () => {
    booqable.answerWithoutId();
    const error = await failure(turnOn());
    expect(error.message).toMatch(/returned no webhook endpoint id/);
    const on = await turnOn();
    expect(booqable.forUrl()).toEqual([on.id]);
  });

  it('turn-off removes only its own endpoint; one whose id was lost stays until the next turn-on', async () => {
    const on = await turnOn();
    booqable.hold('create');
    await failure(turnOn());
    await turnOff({ id: on.id });
    expect(booqable.forUrl()).toHaveLength(1);
    const last = await turnOn();
    expect(booqable.forUrl()).toEqual([last.id]);
  });
});

describe("a slow Booqable at turn-on ends within the deadline, with the app's own words", () => {
  const original = deadlines.operationMs;
  beforeAll(() => {
    deadlines.operationMs = 200;
  });
  afterAll(() => {
    deadlines.operationMs = original;
  });

  it('a create that does not answer in time fails turn-on naming Booqable; the next turn-on leaves one', async () => {
    booqable.hold('create');
    const error = await failure(turnOn());
    expect(error.message).toMatch(/^Booqable did not answer in time: subscribing to order\.reserved took longer than/);
    booqable.releaseAll();
    const on = await turnOn();
    expect(booqable.forUrl()).toEqual([on.id]);
  });

  it('an endpoint made, then a slow listing of the older ones: turn-on keeps what it made and succeeds', async () => {
    const old = await turnOn();
    booqable.hold('list');
    const renewed = await turnOn();
    expect(booqable.forUrl()).toEqual([old.id, renewed.id]);
    booqable.releaseAll();
    await turnOn();
    expect(booqable.forUrl()).toHaveLength(1);
  });
});
