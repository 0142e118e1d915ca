import { boomEnrollment, booqableOrder, deliveryOf } from '../../bench/deliveries';
import { CONTENT_HASH_TTL_SECONDS, cacheLimits, VENDOR_ID_TTL_SECONDS } from '../../src/lib/dedupe';
import { app, appOf, deliveryBundle, dropCache, failure, resetCache, run, tester, testerFor } from '../support/runtime';

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
  const body = deliveryOf('claimable_claim_assigned');
  return { ...body, claim: { ...(body.claim as object), assigned_to: { id: assignee } } };
};
const CLAIMABLE = { headers: { 'event-name': '"claim.assigned"' } };
/** The subscription a REST hook's Zap has: Booqable's endpoint, Romify's hook. */
const subscription = (id: string, events: string[]) => ({ id, requestedEvents: events });
const romifyZap = (id: string) => subscription(id, ['COMPLETED_FLOW_ALL_CHANGES']);

beforeEach(() => resetCache());

describe('a retry of the same delivery to the same Zap runs it once', () => {
  it('Booqable: the same notification id to one subscription', async () => {
    const bundle = deliveryBundle(booqable('notif_1'), { subscribeData: subscription('ep_1', ['order.updated']) });
    expect(count(await run('booqable_order_updated', 'perform', bundle))).toBe(1);
    expect(count(await run('booqable_order_updated', 'perform', bundle))).toBe(0);
  });

  it('Boom: the same request_id (one URL per environment: one Zap takes Boom)', async () => {
    const bundle = deliveryBundle(boomEnrollment('req_1'), { headers: { 'x-api-key': 'dd-secret' }, authData: { boom_webhook_secret: 'dd-secret' } });
    expect(count(await run('boom_enrollment_approved', 'perform', bundle))).toBe(1);
    expect(count(await run('boom_enrollment_approved', 'perform', bundle))).toBe(0);
  });

  it('Romify: the same body to one hook', async () => {
    const bundle = deliveryBundle(lead('a@example.com'), { subscribeData: romifyZap('hook_1') });
    expect(count(await run('romify_completed_flow_all_changes', 'perform', bundle))).toBe(1);
    expect(count(await run('romify_completed_flow_all_changes', 'perform', bundle))).toBe(0);
  });

  it('Claimable: the same body to a Zap the platform names', async () => {
    const bundle = { ...deliveryBundle(assigned(1), CLAIMABLE), meta: { zap: { id: 41 } } };
    expect(count(await run('claimable_claim_assigned', 'perform', bundle))).toBe(1);
    expect(count(await run('claimable_claim_assigned', 'perform', bundle))).toBe(0);
  });

  it('and two real events with equal bodies but their own ids run it twice', async () => {
    expect(count(await run('boom_enrollment_approved', 'perform', deliveryBundle(boomEnrollment('req_a'))))).toBe(1);
    expect(count(await run('boom_enrollment_approved', 'perform', deliveryBundle(boomEnrollment('req_b'))))).toBe(1);
  });
});

describe('two Zaps on the same trigger, without meta.zap, both run', () => {
  it('Booqable: two subscriptions that receive one notification id', async () => {
    // Whether Booqable gives each endpoint its own notification id is not documented: assume not.
    const body = booqable('notif_shared');
    for (const endpoint of ['ep_1', 'ep_2']) {
      const bundle = deliveryBundle(body, { subscribeData: subscription(endpoint, ['order.updated']) });
      expect(count(await run('booqable_order_updated', 'perform', bundle))).toBe(1);
    }
  });

  it('Romify: two hooks that receive one lead', async () => {
    for (const hook of ['hook_1', 'hook_2']) {
      expect(count(await run('romify_completed_flow_all_changes', 'perform', deliveryBundle(lead('a@example.com'), { subscribeData: romifyZap(hook) })))).toBe(
        1,
      );
    }
  });

  it('Claimable: two endpoints that receive one body (no per-Zap scope: a body hash suppresses nothing)', async () => {
    const bundle = deliveryBundle(assigned(1), CLAIMABLE);
    expect(count(await run('claimable_claim_assigned', 'perform', bundle))).toBe(1);
    expect(count(await run('claimable_claim_assigned', 'perform', bundle))).toBe(1);
  });
});

describe('a body hash is kept only for the retry window', () => {
  it('gives the cache a short TTL for a body hash, a day for a vendor id', async () => {
    await run('romify_completed_flow_all_changes', 'perform', deliveryBundle(lead('a@example.com'), { subscribeData: romifyZap('hook_1') }));
    await run('boom_enrollment_approved', 'perform', deliveryBundle(boomEnrollment('req_ttl')));
    const cache = await tester.cache();
    const ttls = Object.fromEntries(cache.keys().map((key) => [key.split(':')[1], cache.ttlOf(key)]));
    expect(ttls).toEqual({ romify_completed_flow_all_changes: CONTENT_HASH_TTL_SECONDS, boom_enrollment_approved: VENDOR_ID_TTL_SECONDS });
    expect(CONTENT_HASH_TTL_SECONDS).toBeLessThanOrEqual(10 * 60);
  });

  it('Romify: a lead edited A → B → A runs the Zap three times once the window has passed', async () => {
    const cache = await tester.cache();
    let runs = 0;
    for (const email of ['a@example.com', 'b@example.com', 'a@example.com']) {
      runs += count(await run('romify_completed_flow_all_changes', 'perform', deliveryBundle(lead(email), { subscribeData: romifyZap('hook_1') })));
      cache.age(CONTENT_HASH_TTL_SECONDS);
    }
    expect(runs).toBe(3);
  });

  it('Claimable: a claim assigned, unassigned and assigned again to the same person runs Claim Assigned twice', async () => {
    const cache = await tester.cache();
    const toZap = { meta: { zap: { id: 41 } } };
    let runs = count(await run('claimable_claim_assigned', 'perform', { ...deliveryBundle(assigned(7), CLAIMABLE), ...toZap }));
    cache.age(CONTENT_HASH_TTL_SECONDS);
    runs += count(await run('claimable_claim_assigned', 'perform', { ...deliveryBundle(assigned(7), CLAIMABLE), ...toZap }));
    expect(runs).toBe(2);
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
    const broken = testerFor(appOf({ boom_enrollment_approved: app.triggers.boom_enrollment_approved! }, {}));
    const authData = { boom_access_key: 'ak_1', boom_secret_key: 'sk_1' };
    const bundle = deliveryBundle(boomEnrollment('req_fails'), { authData });
    const first = await failure(broken.run('boom_enrollment_approved', 'perform', bundle));
    expect(first.message).toMatch(/could not find your function/);
    expect((await broken.cache()).keys().filter((key) => key.includes('req_fails'))).toEqual([]);
    // Replayed, it fails the same way: it is not skipped as a duplicate of a run that never reached the Zap.
    expect((await failure(broken.run('boom_enrollment_approved', 'perform', bundle))).message).toBe(first.message);
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
