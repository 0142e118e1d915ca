import { booqableOrder } from '../../bench/deliveries';
import { deliveryBundle, resetCache, run } from '../support/runtime';

/** What a perform reads as the vendor's body, from what Zapier hands it (Zapier's REST-hook example app: `cleanedRequest` carries a `querystring`). */

beforeEach(() => resetCache());

const order = booqableOrder(1024, 'notif_read');
const subscribeData = { id: 'ep_1', requestedEvents: ['order.updated'] };

describe('the body a delivery carries', () => {
  it('is the raw JSON where Zapier parsed none (a byte-order mark, JSON sent as text/plain)', async () => {
    const content = `\uFEFF${JSON.stringify(order)}`;
    const bundle = { ...deliveryBundle(undefined, { content, subscribeData }), cleanedRequest: {} };
    const [item] = await run('booqable_order_updated', 'perform', bundle);
    expect(item!.id).toBe('notif_read');
    expect((item!.data as { number: number }).number).toBe((order.data as { number: number }).number);
  });

  it('leaves out the querystring Zapier adds to its parsed body, but keeps one the vendor sent', async () => {
    const [item] = await run('booqable_order_updated', 'perform', deliveryBundle(order, { subscribeData }));
    expect(item).not.toHaveProperty('querystring');
    const own = { ...order, id: 'notif_own_qs', querystring: 'sent by the vendor' };
    const [kept] = await run('booqable_order_updated', 'perform', deliveryBundle(own, { subscribeData }));
    expect(kept!.querystring).toBe('sent by the vendor');
  });
});

describe('a Booqable delivery that names no event', () => {
  const nameless = { ...order, id: 'notif_nameless', event: undefined };

  it('fires no specific trigger, and the log says why', async () => {
    (console.log as jest.Mock).mockClear();
    expect(await run('booqable_order_updated', 'perform', deliveryBundle(nameless, { subscribeData }))).toEqual([]);
    const logged = (console.log as jest.Mock).mock.calls.map((args) => args.join(' '));
    expect(logged.some((line) => /Skipped: .*names no event \(Booqable names the event in each delivery/.test(line))).toBe(true);
  });

  it('fires no "New Booqable Event" with events picked', async () => {
    const bundle = deliveryBundle(nameless, { subscribeData, inputData: { events: ['order.updated'] } });
    expect(await run('booqable_event', 'perform', bundle)).toEqual([]);
  });
});
