import type { OutputField } from '../src/lib/catalog';
import { VENDORS } from '../src/vendors';
import { createEngine } from '../src/workbench/engine';
import { app, deliveryBundle, entryOf, resetCache, run, vendorOf } from './support/runtime';

/** "New <Vendor> Event": its fields follow the events a person picks, and each item says its event in words. */

beforeEach(() => resetCache());

const fieldsFor = (key: string, events: string[]) => run<OutputField[]>(key, 'outputFields', { inputData: { events } });
const labels = (fields: OutputField[]) => fields.map((f) => f.label);

describe.each(['booqable_event', 'boom_event', 'claimable_event'])('%s', (key) => {
  it('offers the labelled fields of the events picked, beside the ones every event has', async () => {
    const none = await fieldsFor(key, []);
    expect(labels(none)).toContain('Event');
    const vendor = key.split('_')[0]!;
    const [first, second] = vendorOf(vendor).entries.filter((e) => !e.hidden && e.kind.outputFields.length > none.length);
    const one = await fieldsFor(key, [first!.events[0]!]);
    expect(one.length).toBeGreaterThan(none.length);
    for (const field of first!.kind.outputFields) expect(one.map((f) => f.key)).toContain(field.key);
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

describe('New Booqable Event with orders and invoices picked', () => {
  const picked = ['order.reserved', 'invoice.finalized'];

  it('labels no invoice field with an order word that the invoice itself does not have', async () => {
    const fields = await fieldsFor('booqable_event', picked);
    const shown = new Map(fields.map((f) => [f.key, f.label]));
    const invoiceLabelled = entryOf('booqable_invoice_finalized').kind.outputFields;
    const wrong = invoiceLabelled.filter((f) => /\bOrder\b/.test(shown.get(f.key) ?? '') && !/\bOrder\b/.test(f.label));
    expect(wrong.map((f) => `${f.key}: ${shown.get(f.key)}`)).toEqual([]);
    // A key both kinds have takes the label without either noun; one only invoices have keeps its own.
    expect(shown.get('data__grand_total_with_tax')).toBe('Total With Tax');
    expect(shown.get('data__prefix_with_number')).toBe('Invoice Full Number');
    // Both have a rental period now: the shared key drops the noun and keeps the fuller label.
    expect(shown.get('data__starts_at')).toBe('Rental Start (Planned Pickup)');
    expect(shown.get('data__fulfillment_type')).toBe('Order Fulfillment (Pickup or Delivery)');
  });

  it('shows in the workbench the labelled fields the editor shows, for a delivery of each picked event', async () => {
    const engine = createEngine(app, VENDORS, {});
    const editor = await fieldsFor('booqable_event', picked);
    expect(await engine.outputFields('booqable_event', { events: picked })).toEqual(editor);
    for (const key of ['booqable_order_reserved', 'booqable_invoice_finalized']) {
      const capture = { method: 'POST', headers: { 'content-type': 'application/json' }, content: JSON.stringify(entryOf(key).body) };
      const [anyEvent] = (await engine.run('booqable_event', capture, { inputData: { events: picked }, resend: true }))!;
      const [specific] = (await engine.run(key, capture, { resend: true }))!;
      expect(anyEvent!.outcome).toBe('fired');
      const labelled = anyEvent!.fields![0]!.labelled.map((f) => f.key);
      // Every field the specific trigger labels is labelled here too.
      expect(specific!.fields![0]!.labelled.map((f) => f.key).filter((k) => !labelled.includes(k))).toEqual([]);
      expect(labelled.every((k) => editor.some((f) => f.key === k))).toBe(true);
    }
  });
});

describe('the event in words', () => {
  it('names a known event by its trigger label, beside the vendor code', async () => {
    const body = entryOf('booqable_invoice_finalized').body;
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
