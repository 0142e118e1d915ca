import nock from 'nock';
import { shortenTimeouts } from '../../support/faults';
import { failure, run } from '../../support/runtime';

/**
 * Turn-on and turn-off against a stateful fake Booqable: its webhook endpoints as Booqable's API
 * documents them (list with `filter[url][eq]`, create → 201 with the id, delete → 200, an unknown id
 * → 404; booqable/boomerang-api-documentation, `_webhook_endpoints.md`). However turn-on goes, one
 * endpoint is left for the Zap URL, and none after turn-off: a second would run the Zap twice.
 */

const API = 'https://acme.booqable.com';
const authData = { booqable_company_slug: 'acme', booqable_access_token: 'bq-sub-token-77' };
const TARGET = 'https://hooks.zapier.com/hooks/standard/9/turn-on';

shortenTimeouts();

type Mode = 'normal' | 'times-out' | 'no-id';

const fakeBooqable = () => {
  const endpoints = new Map<string, { id: string; url: string; events: string[] }>();
  let next = 1;
  let mode: Mode = 'normal';
  const create = (body: { data: { attributes: { url: string; events: string[] } } }) => {
    const id = `ep_${next++}`;
    endpoints.set(id, { id, url: body.data.attributes.url, events: body.data.attributes.events });
    return id;
  };
  const api = nock(API).persist();
  api
    .get('/api/4/webhook_endpoints')
    .query(true)
    .reply((uri) => {
      const url = new URL(uri, API).searchParams.get('filter[url][eq]');
      return [200, { data: [...endpoints.values()].filter((e) => url === null || e.url === url) }];
    });
  api.delete(/\/api\/4\/webhook_endpoints\/.+/).reply((uri) => {
    const id = decodeURIComponent(uri.split('/').pop()!);
    return endpoints.delete(id) ? [200, { data: { id, type: 'webhook_endpoints' } }] : [404, { errors: [{ status: '404', title: 'Not found' }] }];
  });
  // Created before it answers: a create that times out has still made its endpoint.
  api.post('/api/4/webhook_endpoints').reply(async (_uri, body) => {
    const id = create(body as Parameters<typeof create>[0]);
    const now = mode;
    if (now === 'times-out') {
      mode = 'normal';
      await new Promise((resolve) => setTimeout(resolve, 2_000).unref());
    }
    return [201, { data: { ...(now === 'no-id' ? {} : { id }), type: 'webhook_endpoints', attributes: {} } }];
  });
  return {
    forUrl: () => [...endpoints.values()].filter((e) => e.url === TARGET),
    setMode: (m: Mode) => {
      mode = m;
    },
    /** The next create answers only after the request has given up. */
    slowCreates: () => {
      mode = 'times-out';
    },
  };
};

const turnOn = () => run<{ id: string }>('booqable_order_reserved', 'performSubscribe', { authData, targetUrl: TARGET });
const turnOff = (subscribeData: unknown) => run('booqable_order_reserved', 'performUnsubscribe', { authData, targetUrl: TARGET, subscribeData });

afterEach(() => nock.cleanAll());

describe('Booqable turn-on and turn-off', () => {
  it('leave one endpoint for the URL however often turn-on is repeated, and none after turn-off', async () => {
    const booqable = fakeBooqable();
    await turnOn();
    await turnOn();
    const last = await turnOn();
    expect(booqable.forUrl().map((e) => e.id)).toEqual([last.id]);
    await turnOff(last);
    expect(booqable.forUrl()).toEqual([]);
  });

  it('a turn-on that timed out after Booqable created the endpoint, then turned on again, leaves one', async () => {
    const booqable = fakeBooqable();
    booqable.slowCreates();
    const timedOut = await failure(turnOn());
    expect(timedOut.message).toMatch(/Booqable is unavailable: no answer .*timeout/);
    expect(booqable.forUrl().length).toBeLessThanOrEqual(1);
    const on = await turnOn();
    expect(booqable.forUrl().map((e) => e.id)).toEqual([on.id]);
  });

  it('a 201 without an id is an error that removes what it created', async () => {
    const booqable = fakeBooqable();
    booqable.setMode('no-id');
    const error = await failure(turnOn());
    expect(error.message).toMatch(/returned no webhook endpoint id, so the endpoint was removed again/);
    expect(booqable.forUrl()).toEqual([]);
  });

  it('turn-off removes every endpoint for the URL, its own first, even when its id was lost', async () => {
    const booqable = fakeBooqable();
    const on = await turnOn();
    booqable.slowCreates();
    await failure(turnOn());
    // An endpoint its stored id does not name (made by a timed-out turn-on) goes too.
    await turnOff({ id: on.id });
    expect(booqable.forUrl()).toEqual([]);
    await turnOn();
    await turnOff({});
    expect(booqable.forUrl()).toEqual([]);
  });
});
