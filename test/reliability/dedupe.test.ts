import { boomEnrollment, booqableOrder, deliveryOf } from '../../bench/deliveries';
import { deliveryBundle, dropCache, resetCache, run, tester } from '../support/runtime';

/** A retried delivery runs the Zap once; two real deliveries run it twice, even with equal bodies. */

const booqableDelivery = (id: string) => booqableOrder(1024, id);

const items = (results: unknown) => (results as unknown[]).length;

beforeEach(() => resetCache());

describe('de-duplication of retried deliveries', () => {
  it('Booqable: a redelivery of the same notification id runs the Zap once', async () => {
    const bundle = deliveryBundle(booqableDelivery('notif_1'));
    expect(items(await run('booqable_order_updated', 'perform', bundle))).toBe(1);
    expect(items(await run('booqable_order_updated', 'perform', bundle))).toBe(0);
  });

  it('Booqable: two notifications with equal data but different ids run it twice', async () => {
    expect(items(await run('booqable_order_updated', 'perform', deliveryBundle(booqableDelivery('notif_1'))))).toBe(1);
    expect(items(await run('booqable_order_updated', 'perform', deliveryBundle(booqableDelivery('notif_2'))))).toBe(1);
  });

  it('Boom: a retry with the same request_id runs the Zap once, even with the secret checked', async () => {
    const bundle = deliveryBundle(boomEnrollment(), { headers: { 'x-api-key': 'dd-secret' }, authData: { boom_webhook_secret: 'dd-secret' } });
    expect(items(await run('boom_enrollment_approved', 'perform', bundle))).toBe(1);
    expect(items(await run('boom_enrollment_approved', 'perform', bundle))).toBe(0);
  });

  it('Boom: equal bodies with different request_ids run it twice', async () => {
    expect(items(await run('boom_enrollment_approved', 'perform', deliveryBundle(boomEnrollment('req_a'))))).toBe(1);
    expect(items(await run('boom_enrollment_approved', 'perform', deliveryBundle(boomEnrollment('req_b'))))).toBe(1);
  });

  it('Claimable: a retry (same event, same body) runs the Zap once; a new assignment of the same claim runs it again', async () => {
    const body = deliveryOf('claimable_claim_assigned');
    const retry = deliveryBundle(body, { headers: { 'event-name': '"claim.assigned"' } });
    expect(items(await run('claimable_claim_assigned', 'perform', retry))).toBe(1);
    expect(items(await run('claimable_claim_assigned', 'perform', retry))).toBe(0);
    const changedAgain = { ...body, claim: { ...(body.claim as object), assignee: { id: 77, name: 'Another Handler' } } };
    expect(items(await run('claimable_claim_assigned', 'perform', deliveryBundle(changedAgain, { headers: { 'event-name': '"claim.assigned"' } })))).toBe(1);
  });

  it('Romify: the same body posted twice runs the Zap once', async () => {
    const body = { leadId: 'lead_1', firstName: 'Priya', webhookType: 'COMPLETED_FLOW_ALL_CHANGES' };
    expect(items(await run('romify_completed_flow_all_changes', 'perform', deliveryBundle(body)))).toBe(1);
    expect(items(await run('romify_completed_flow_all_changes', 'perform', deliveryBundle(body)))).toBe(0);
  });

  it('keeps Zaps apart: the same delivery reaches two Zaps of the same trigger', async () => {
    const body = booqableDelivery('notif_9');
    const zap = (id: number) => ({ ...deliveryBundle(body), meta: { zap: { id } } });
    expect(items(await run('booqable_order_updated', 'perform', zap(1)))).toBe(1);
    expect(items(await run('booqable_order_updated', 'perform', zap(2)))).toBe(1);
    expect(items(await run('booqable_order_updated', 'perform', zap(1)))).toBe(0);
  });
});

describe('without a delivery cache (local runs)', () => {
  afterEach(() => resetCache());

  it('passes every delivery on and logs that de-duplication is off', async () => {
    // With no cache stand-in, core's z.cache has no backend and throws, as it does outside Zapier.
    dropCache();
    (console.log as jest.Mock).mockClear();
    const bundle = deliveryBundle(booqableDelivery('notif_1'));
    expect(items(await run('booqable_order_updated', 'perform', bundle))).toBe(1);
    expect(items(await run('booqable_order_updated', 'perform', bundle))).toBe(1);
    const logged = (console.log as jest.Mock).mock.calls.map((args) => args.join(' '));
    expect(logged.some((line) => line.includes('De-duplication is off'))).toBe(true);
  });
});

describe('the cost of de-duplication', () => {
  it('is one cache round trip per delivery, new or repeated (set with nx, no get)', async () => {
    const bundle = deliveryBundle(booqableDelivery('notif_round_trip'));
    const before = tester.cacheCalls();
    expect(items(await run('booqable_order_updated', 'perform', bundle))).toBe(1);
    expect(tester.cacheCalls() - before).toBe(1);
    expect(items(await run('booqable_order_updated', 'perform', bundle))).toBe(0);
    expect(tester.cacheCalls() - before).toBe(2);
  });
});
