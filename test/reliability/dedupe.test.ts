import { bodyOf, boomEnrollment, booqableOrder } from '../../bench/deliveries';
import type { JsonRecord } from '../../src/lib/catalog';
import { cacheLimits, VENDOR_ID_TTL_SECONDS } from '../../src/lib/dedupe';
import { appOf, deliveryBundle, dropCache, failure, hookTriggerOf, resetCache, run, tester, testerFor, vendorOf } from '../support/runtime';

const boomVendor = vendorOf('boom');

/**
 * Each vendor event runs each Zap once, through core's Lambda handler and a cache stand-in that
 * answers `nx` as Zapier's does (src/workbench/zcache.ts). Platform facts: `bundle.meta.zap` is
 * deprecated in core 19's types (`types/custom.d.ts`), a REST hook has its own `bundle.subscribeData`;
 * `zcache_set` answers false when over the app's cache rate limit (core's `test/tools/cache.js`).
 */

const count = (results: unknown) => (results as unknown[]).length;
const booqable = (id: string) => booqableOrder(1024, id);
const lead = (email: string) => ({ id: 'lead_1', firstName: 'Priya', email });
const assigned = (assignee: number) => {
  const body = bodyOf('claimable_claim_assigned');
  return { ...body, claim: { ...(body.claim as object), assigned_to: { id: assignee } } };
};
const CLAIMABLE = { headers: { 'event-name': '"claim.assigned"' } };
/** The subscription a REST hook's Zap has: Booqable's endpoint, Romify's hook. */
const subscription = (id: string, events: string[]) => ({ id, requestedEvents: events });
const romifyZap = (id: string) => subscription(id, ['COMPLETED_FLOW_ALL_CHANGES']);

beforeEach(() => resetCache());

/** A Zap the platform names (`meta.zap`, deprecated in core 19 and absent from the documented bundle). */
const ofZap = (bundle: JsonRecord, id = 41) => ({ ...bundle, meta: { zap: { id } } });
const boomSecret = { headers: { 'x-api-key': 'dd-secret' }, authData: { boom_webhook_secret: 'dd-secret' } };

describe('a retry of the same delivery to the same Zap runs it once', () => {
  it('Booqable: the same notification id to one subscription', async () => {
    const bundle = deliveryBundle(booqable('notif_1'), { subscribeData: subscription('ep_1', ['order.updated']) });
    expect(count(await run('booqable_order_updated', 'perform', bundle))).toBe(1);
    expect(count(await run('booqable_order_updated', 'perform', bundle))).toBe(0);
  });

  it('Boom: the same request_id to a Zap the platform names', async () => {
    const bundle = ofZap(deliveryBundle(boomEnrollment('req_1'), boomSecret));
    expect(count(await run('boom_enrollment_approved', 'perform', bundle))).toBe(1);
    expect(count(await run('boom_enrollment_approved', 'perform', bundle))).toBe(0);
  });

  it("Boom: the same body without a request_id, within Boom's documented retries (two, a minute apart), and not after", async () => {
    const { request_id: _none, ...body } = boomEnrollment('unused');
    const bundle = ofZap(deliveryBundle(body, boomSecret));
    const cache = await tester.cache();
    expect(count(await run('boom_enrollment_approved', 'perform', bundle))).toBe(1);
    cache.age(60);
    expect(count(await run('boom_enrollment_approved', 'perform', bundle))).toBe(0);
    cache.age(60);
    expect(count(await run('boom_enrollment_approved', 'perform', bundle))).toBe(0);
    cache.age(boomVendor.adapter.retryWindowSeconds!);
    expect(count(await run('boom_enrollment_approved', 'perform', bundle))).toBe(1);
  });

  it('and two real events with equal bodies but their own ids run it twice', async () => {
    expect(count(await run('boom_enrollment_approved', 'perform', ofZap(deliveryBundle(boomEnrollment('req_a')))))).toBe(1);
    expect(count(await run('boom_enrollment_approved', 'perform', ofZap(deliveryBundle(boomEnrollment('req_b')))))).toBe(1);
  });
});

describe('a vendor that documents no retries gets no suppression by content: a record changed back runs the Zap', () => {
  it('Romify: a lead edited Northwind → Contoso → Northwind within a minute runs the Zap three times', async () => {
    let runs = 0;
    for (const company of ['Northwind', 'Contoso', 'Northwind'])
      runs += count(
        await run(
          'romify_completed_flow_all_changes',
          'perform',
          deliveryBundle({ ...lead('a@example.com'), company }, { subscribeData: romifyZap('hook_1') }),
        ),
      );
    expect(runs).toBe(3);
  });

  it('Booqable: a notification without an id, reserved → concept → reserved, runs the Zap three times', async () => {
    const order = (status: string) => {
      const { id: _none, ...body } = booqable('unused');
      return { ...body, data: { ...(body.data as JsonRecord), status } };
    };
    let runs = 0;
    for (const status of ['reserved', 'concept', 'reserved'])
      runs += count(await run('booqable_order_updated', 'perform', deliveryBundle(order(status), { subscribeData: subscription('ep_1', ['order.updated']) })));
    expect(runs).toBe(3);
  });

  it('Claimable: the same body to a Zap the platform names (assigned, unassigned, assigned again)', async () => {
    const bundle = ofZap(deliveryBundle(assigned(1), CLAIMABLE));
    expect(count(await run('claimable_claim_assigned', 'perform', bundle))).toBe(1);
    expect(count(await run('claimable_claim_assigned', 'perform', bundle))).toBe(1);
  });

  it('stores no key for them', async () => {
    await run('romify_completed_flow_all_changes', 'perform', deliveryBundle(lead('a@example.com'), { subscribeData: romifyZap('hook_1') }));
    await run('claimable_claim_assigned', 'perform', ofZap(deliveryBundle(assigned(1), CLAIMABLE)));
    expect((await tester.cache()).keys()).toEqual([]);
  });
});

describe('with no Zap known, nothing is suppressed: two Zaps on the same trigger both run', () => {
  it("Boom: one event (one request_id) posted to two Zaps' URLs, without meta.zap", async () => {
    const bundle = deliveryBundle(boomEnrollment('req_two_urls'), boomSecret);
    expect(count(await run('boom_enrollment_approved', 'perform', bundle))).toBe(1);
    expect(count(await run('boom_enrollment_approved', 'perform', bundle))).toBe(1);
  });

  it('Booqable: two subscriptions that receive one notification id', async () => {
    // Whether Booqable gives each endpoint its own notification id is not documented: assume not.
    const body = booqable('notif_shared');
    for (const endpoint of ['ep_1', 'ep_2']) {
      const bundle = deliveryBundle(body, { subscribeData: subscription(endpoint, ['order.updated']) });
      expect(count(await run('booqable_order_updated', 'perform', bundle))).toBe(1);
    }
  });

  it('Claimable: two endpoints that receive one body', async () => {
    const bundle = deliveryBundle(assigned(1), CLAIMABLE);
    expect(count(await run('claimable_claim_assigned', 'perform', bundle))).toBe(1);
    expect(count(await run('claimable_claim_assigned', 'perform', bundle))).toBe(1);
  });
});

describe('how long a key is kept', () => {
  it("a vendor id a day; a body hash Boom's retry window", async () => {
    await run('boom_enrollment_approved', 'perform', ofZap(deliveryBundle(boomEnrollment('req_ttl'))));
    const { request_id: _none, ...body } = boomEnrollment('unused');
    await run('boom_event', 'perform', ofZap(deliveryBundle(body)));
    const cache = await tester.cache();
    const ttls = Object.fromEntries(cache.keys().map((key) => [key.split(':')[1], cache.ttlOf(key)]));
    expect(ttls).toEqual({ boom_enrollment_approved: VENDOR_ID_TTL_SECONDS, boom_event: boomVendor.adapter.retryWindowSeconds });
    expect(boomVendor.adapter.retryWindowSeconds).toBeGreaterThanOrEqual(2 * 60);
    expect(boomVendor.adapter.retryWindowSeconds).toBeLessThan(5 * 60);
  });
});

describe('a cache that cannot answer for sure lets the delivery pass, and says so', () => {
  const original = cacheLimits.timeoutMs;
  beforeAll(() => {
    cacheLimits.timeoutMs = 300;
  });
  afterAll(() => {
    cacheLimits.timeoutMs = original;
  });

  const twice = async () => {
    (console.log as jest.Mock).mockClear();
    const bundle = deliveryBundle(booqable('notif_cache'), { subscribeData: subscription('ep_1', ['order.updated']) });
    const results = [count(await run('booqable_order_updated', 'perform', bundle)), count(await run('booqable_order_updated', 'perform', bundle))];
    const logged = (console.log as jest.Mock).mock.calls.map((args) => args.join(' '));
    return { results, noted: logged.filter((line) => line.startsWith('Note: not checked for a repeat')) };
  };

  it.each(['error', 'hang', 'null', 'throttled'] as const)('a cache that answers %s', async (mode) => {
    (await tester.cache()).misbehave(mode);
    const { results, noted } = await twice();
    expect(results).toEqual([1, 1]);
    expect(noted).toHaveLength(2);
  });

  it('no cache at all (outside Zapier)', async () => {
    dropCache();
    const { results, noted } = await twice();
    expect(results).toEqual([1, 1]);
    expect(noted[0]).toMatch(/no delivery cache here/);
  });
});

describe('a delivery is recorded only once its item is complete', () => {
  it('one that fails while its item is completed (a lookup pointer to a hydrator the app lacks) is not swallowed on replay', async () => {
    // With API keys, an id-only Boom delivery gets lookup pointers; in an app without the hydrator they name, z.dehydrate throws.
    const broken = testerFor(appOf({ boom_enrollment_approved: hookTriggerOf('boom_enrollment_approved') }, {}));
    const authData = { boom_access_key: 'ak_1', boom_secret_key: 'sk_1' };
    const bundle = ofZap(deliveryBundle(boomEnrollment('req_fails'), { authData }));
    const first = await failure(broken.run('boom_enrollment_approved', 'perform', bundle));
    expect(first.message).toMatch(/could not find your function/);
    expect((await broken.cache()).keys().filter((key) => key.includes('req_fails'))).toEqual([]);
    // Replayed, it fails the same way: it is not skipped as a duplicate of a run that never reached the Zap.
    expect((await failure(broken.run('boom_enrollment_approved', 'perform', bundle))).message).toBe(first.message);
  });
});

describe("a delivery is recorded only once core's own last steps have passed", () => {
  it('one whose result is too large for core to hand back fails, and its replay runs the Zap (once)', async () => {
    const big = { ...boomEnrollment('req_large'), memo: 'x'.repeat(7 * 1024 * 1024) };
    const bundle = ofZap(deliveryBundle(big, boomSecret));
    // Zapier's runtime passes the most it takes (`autostashPayloadOutputLimit`); core fails a larger result after perform.
    const tooLarge = await failure(tester.runWithEvent('boom_enrollment_approved', 'perform', bundle, { autostashPayloadOutputLimit: 6 * 1024 * 1024 + 1 }));
    expect(tooLarge.message).toMatch(/exceeds maximum allowed size/);
    expect(count(await run('boom_enrollment_approved', 'perform', bundle))).toBe(1);
    expect(count(await run('boom_enrollment_approved', 'perform', bundle))).toBe(0);
  });
});

describe('the cost of de-duplication', () => {
  it('is one cache round trip for a new delivery; a repeat reads the key back to be sure', async () => {
    const bundle = deliveryBundle(booqable('notif_round_trip'), { subscribeData: subscription('ep_1', ['order.updated']) });
    const before = tester.cacheCalls();
    expect(count(await run('booqable_order_updated', 'perform', bundle))).toBe(1);
    expect(tester.cacheCalls() - before).toBe(1);
    expect(count(await run('booqable_order_updated', 'perform', bundle))).toBe(0);
    expect(tester.cacheCalls() - before).toBe(3);
  });
});
