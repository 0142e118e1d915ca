import type { OutputField } from '../src/lib/catalog';
import { deliveryBundle, entryOf, resetCache, run, vendorOf } from './support/runtime';

/** "New <Vendor> Event": its fields follow the events a person picks, and each item says its event in words. */

beforeEach(() => resetCache());

const fieldsFor = (key: string, events: string[]) => run<OutputField[]>(key, 'outputFields', { inputData: { events } });
const labels = (fields: OutputField[]) => fields.map((f) => f.label);

describe.each(['booqable_event', 'boom_event', 'claimable_event'])('%s', (key) => {
  it('offers the labelled fields of the events picked, beside the ones every event has', async () => {
    const none = await fieldsFor(key, []);
    expect(labels(none)).toContain('Event');
    const vendor = key.split('_')[0]!;
    const [first, second] = vendorOf(vendor).entries.filter((e) => !e.hidden && e.record.outputFields.length > none.length);
    const one = await fieldsFor(key, [first!.events[0]!]);
    expect(one.length).toBeGreaterThan(none.length);
    for (const field of first!.record.outputFields) expect(one.map((f) => f.key)).toContain(field.key);
    const picked = await fieldsFor(key, [first!.events[0]!, second!.events[0]!]);
    expect(new Set(picked.map((f) => f.key)).size).toBe(picked.length);
  });
});

describe('the fields of New Booqable Event', () => {
  it("are an invoice's when invoices are picked, an order's when orders are", async () => {
    expect(labels(await fieldsFor('booqable_event', ['invoice.finalized']))).toEqual(
      expect.arrayContaining(['Invoice Full Number', 'Invoice Total With Tax', 'Customer Email']),
    );
    const orders = labels(await fieldsFor('booqable_event', ['order.reserved']));
    expect(orders).toEqual(expect.arrayContaining(['Order Delivery Address', 'Order Total With Tax']));
    expect(orders).not.toContain('Invoice Full Number');
  });
});

describe('the event in words', () => {
  it('names a known event by its trigger label, beside the vendor code', async () => {
    const body = entryOf('booqable_invoice_finalized').delivery;
    const [item] = await run('booqable_event', 'perform', deliveryBundle(body, { inputData: { events: ['invoice.finalized'] } }));
    expect(item).toMatchObject({ event: 'invoice.finalized', event_title: 'Invoice Finalized' });
  });

  it('spells out an event this app does not know', async () => {
    const [item] = await run('boom_event', 'perform', deliveryBundle({ event: 'application_note_added', request_id: 'r1' }));
    expect(item).toMatchObject({ event: 'application_note_added', event_title: 'Application Note Added' });
  });

  it("never overwrites a vendor's own event_title", async () => {
    const [item] = await run('boom_event', 'perform', deliveryBundle({ event: 'enrollment_approved', request_id: 'r2', event_title: 'theirs' }));
    expect(item).toMatchObject({ event_title: 'theirs', event_title_2: 'Enrollment Approved' });
  });
});
