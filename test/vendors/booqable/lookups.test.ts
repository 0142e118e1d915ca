import nock from 'nock';
import { bodyOf } from '../../../bench/deliveries';
import type { JsonRecord } from '../../../src/lib/catalog';
import { SAMPLE_RELATIONS } from '../../../src/vendors/booqable/kinds';
import { labelledFields, valueAt } from '../../support/fidelity';
import { captureBundle, loadCapture } from '../../support/fixtures';
import { deliveryBundle, failure, hydrate, resetCache, resolved, run } from '../../support/runtime';
import answers from './fixtures/docs-v4-lookup-answers.json';

/**
 * Booqable's deliveries may lack their relations (its only v4 notification example has none), so
 * what a delivery lacks is looked up: a dehydration pointer that Zapier resolves through Booqable's
 * API only when a later step maps it. Here each pointer is resolved as Zapier would, through the
 * real runtime, against nock answering the documented requests.
 */

const TOKEN = 'bq-token-SECRET-1234';
const authData = { booqable_company_slug: 'acme', booqable_access_token: TOKEN };
const API = 'https://acme.booqable.com';
// The documented notification's order and its locations (docs-v4-order-updated.json).
const ORDER = '8b32f593-809b-4c05-8607-487da64f4265';
const LOCATION = '754c12e4-45d9-420e-8f44-22f3498076f3';
const documentedOrderUpdated = (inputData: JsonRecord = {}) =>
  captureBundle(loadCapture('vendors/booqable/fixtures/docs-v4-order-updated.json'), { authData, inputData });
const pointersIn = (item: unknown): string[] =>
  JSON.stringify(item)
    .match(/"hydrate\|\|\|(?:[^"\\]|\\.)*\|\|\|hydrate"/g)
    ?.map((quoted) => (JSON.parse(quoted) as string).match(/hydrators\.(\w+)/)![1]!) ?? [];

beforeEach(() => resetCache());

describe("Booqable's relation-less order.updated example (_webhooks.md)", () => {
  it('fills Customer Email, the line items and the locations through lookups on the documented requests', async () => {
    const [item] = await run('booqable_order_updated', 'perform', documentedOrderUpdated());
    // The order names no customer yet (customer_id null): the order's own customer is asked for.
    expect(pointersIn(item).sort()).toEqual(['booqableCompany', 'booqableCustomer', 'booqableLines', 'booqableLocation', 'booqableLocation']);
    const asked = [
      nock(API)
        .get(`/api/4/orders/${ORDER}.json`)
        .query({ include: 'customer' })
        .matchHeader('authorization', `Bearer ${TOKEN}`)
        .reply(200, answers.order_with_customer),
      nock(API).get(`/api/4/orders/${ORDER}.json`).query({ include: 'lines,tax_values' }).reply(200, answers.order_with_lines),
      nock(API).get(`/api/4/locations/${LOCATION}.json`).times(2).reply(200, answers.location),
      nock(API).get('/api/4/companies/current.json').reply(200, answers.company),
    ];
    const full = await resolved(item, authData);
    expect(asked.every((scope) => scope.isDone())).toBe(true);

    expect(valueAt(full, 'data__customer__email')).toBe('john-17@doe.test');
    expect(valueAt(full, 'data__customer__first_name')).toBe('John');
    expect(valueAt(full, 'data__line_items__summary')).toBe('1 × Macbook Pro');
    expect(valueAt(full, 'data__line_items__lines[]price_each')).toBe(802.5);
    expect(valueAt(full, 'data__line_items__taxes[]name')).toBe('VAT 19%');
    expect(valueAt(full, 'data__line_items__taxes[]value')).toBe(138);
    expect(valueAt(full, 'data__start_location__name')).toBe('Warehouse');
    expect(valueAt(full, 'company__currency')).toBe('USD'); // Booqable answers "usd": actions take the ISO code
    // Every labelled field has a value from the delivery or a lookup; the documented customer has no properties, so no phone.
    const empty = labelledFields('booqable_order_updated').filter((f) => valueAt(full, f.key) === undefined);
    expect(empty.map((f) => f.key)).toEqual(['data__customer__properties__phone']);
  });

  it('a lookup Booqable refuses names the credential to fix, and no secret', async () => {
    const [item] = await run('booqable_order_updated', 'perform', documentedOrderUpdated());
    nock(API)
      .get(`/api/4/orders/${ORDER}.json`)
      .query({ include: 'customer' })
      .reply(401, { errors: [{ status: '401', title: 'Unauthorized', detail: 'Invalid access token' }] });
    const error = await failure(resolved((item!.data as JsonRecord).customer, authData));
    expect(error.message).toMatch(/Booqable Access Token/);
    expect(error.message).not.toContain(TOKEN);
  });
});

describe('a delivery that carries its relations', () => {
  it('is not looked up again: its customer, lines and locations are used as they came', async () => {
    const sample = bodyOf('booqable_order_reserved');
    const { customer, lines, taxValues, location } = SAMPLE_RELATIONS;
    const carried = {
      ...sample,
      data: { ...(sample.data as JsonRecord), customer, lines, tax_values: taxValues, start_location: location, stop_location: location },
    };
    const [item] = await run('booqable_order_reserved', 'perform', deliveryBundle(carried, { authData }));
    // Only the company's currency, which no delivery carries, is a lookup.
    expect(pointersIn(item)).toEqual(['booqableCompany']);
    expect(valueAt(item, 'data__customer__email')).toBe(customer.email);
    expect(valueAt(item, 'data__customer__last_name')).toBe('Whitfield');
    expect(valueAt(item, 'data__line_items__summary')).toBe(
      '100 × Folding chair, white; 1 × Tent 3×6 m; 1 × Cocktail bar set (1 × Bar counter, 4 × Bar stool)',
    );
    expect(valueAt(item, 'data__line_items__taxes[]percentage')).toBe(8.75);
    expect(valueAt(item, 'data__start_location__name')).toBe('Main warehouse');
    // Resolving it asks Booqable for the company alone (any other request would fail: the network is off).
    const company = nock(API).get('/api/4/companies/current.json').reply(200, { data: SAMPLE_RELATIONS.company });
    expect(valueAt(await resolved(item, authData), 'company__currency')).toBe('USD');
    expect(company.isDone()).toBe(true);
  });
});

describe('Payment Completed (ids only)', () => {
  it("gets the customer's name and the order's number through lookups", async () => {
    const [item] = await run('booqable_payment_completed', 'perform', deliveryBundle(bodyOf('booqable_payment_completed'), { authData }));
    expect(pointersIn(item).sort()).toEqual(['booqableCustomer', 'booqableOrder']);
    const { customer, order } = SAMPLE_RELATIONS;
    nock(API).get(`/api/4/customers/${customer.id}.json`).reply(200, { data: customer });
    nock(API).get(`/api/4/orders/${order.id}.json`).reply(200, { data: order });
    const full = await resolved(item, authData);
    expect(valueAt(full, 'data__customer__name')).toBe('Dana Whitfield');
    expect(valueAt(full, 'data__order__number')).toBe(1042);
    expect(valueAt(full, 'data__order__grand_total_with_tax')).toBe(326.25);
  });

  it("never passes the payment provider's client secret to the Zap", async () => {
    const sample = bodyOf('booqable_payment_completed');
    const secret = 'pi_3Nq_secret_Wd2c9xLkq';
    const body = { ...sample, data: { ...(sample.data as JsonRecord), provider_secret: secret } };
    const [item] = await run('booqable_payment_completed', 'perform', deliveryBundle(body, { authData }));
    expect(JSON.stringify(item)).not.toContain(secret);
    expect(Object.keys(item!.data as JsonRecord)).not.toContain('provider_secret');
  });
});

describe('Order Updated and orders still being created ("ghost" orders)', () => {
  it('passes them on by default, as before', async () => {
    expect(await run('booqable_order_updated', 'perform', documentedOrderUpdated())).toHaveLength(1);
  });

  it('skips an order with no number when the Zap asks, and says why', async () => {
    expect(await run('booqable_order_updated', 'perform', documentedOrderUpdated({ orders_without_number: 'skip' }))).toEqual([]);
    expect(console.log).toHaveBeenCalledWith(expect.stringMatching(/no number yet \(status "new": Booqable is still creating it\)/));
  });

  it('still passes on a numbered order when skipping', async () => {
    const bundle = deliveryBundle(bodyOf('booqable_order_updated'), { authData, inputData: { orders_without_number: 'skip' } });
    expect(await run('booqable_order_updated', 'perform', bundle)).toHaveLength(1);
  });

  it("says what they are in the trigger's help and input", async () => {
    const fields = await run<JsonRecord[]>('booqable_order_updated', 'inputFields', { authData, inputData: {} });
    const input = fields.find((f) => f.key === 'orders_without_number');
    expect(input).toMatchObject({ default: 'pass', choices: { skip: expect.stringMatching(/only orders with a number/) } });
    const note = fields.find((f) => f.key === 'about_this_trigger');
    expect(note).toMatchObject({ type: 'copy', helpText: expect.stringMatching(/still being created: its status is "new" and it has no number/) });
  });
});

describe('a lookup is fresh, of its own account, and names only a record', () => {
  /** Each pointer's hydrator and input, as Zapier would call it. */
  const pointerInputs = (item: unknown): { method: string; input: JsonRecord }[] =>
    (JSON.stringify(item).match(/"hydrate\|\|\|(?:[^"\\]|\\.)*\|\|\|hydrate"/g) ?? []).map((quoted) => {
      const payload = JSON.parse((JSON.parse(quoted) as string).slice('hydrate|||'.length, -'|||hydrate'.length)) as { method: string; bundle: JsonRecord };
      return { method: payload.method, input: payload.bundle };
    });
  const inputOf = (item: unknown, method: string) => pointerInputs(item).find((p) => p.method === `hydrators.${method}`)?.input;
  const order = (notification: string, status: string) => {
    const body = bodyOf('booqable_order_updated');
    return { ...body, id: notification, data: { ...(body.data as JsonRecord), status } };
  };

  it('two deliveries of one order give different lookup inputs (Zapier reuses an answer for 5 minutes when the input is identical)', async () => {
    const [first] = await run('booqable_order_updated', 'perform', deliveryBundle(order('n-1', 'reserved'), { authData }));
    const [second] = await run('booqable_order_updated', 'perform', deliveryBundle(order('n-2', 'started'), { authData }));
    for (const method of ['booqableCustomer', 'booqableLines']) {
      expect(inputOf(first, method)).toBeDefined();
      expect(inputOf(second, method)).not.toEqual(inputOf(first, method));
    }
  });

  it("two accounts' company lookups differ, and each resolves against its own account", async () => {
    const other = { booqable_company_slug: 'globex', booqable_access_token: 'bq-other-account-5555' };
    const [ours] = await run('booqable_order_updated', 'perform', deliveryBundle(order('n-3', 'reserved'), { authData }));
    const [theirs] = await run('booqable_order_updated', 'perform', deliveryBundle(order('n-3', 'reserved'), { authData: other }));
    expect(inputOf(ours, 'booqableCompany')).toMatchObject({ account: 'acme' });
    expect(inputOf(theirs, 'booqableCompany')).toMatchObject({ account: 'globex' });
  });

  it.each([
    ['as written', 'hydrate|||{"type":"method","method":"hydrators.booqableCompany","bundle":{}}|||hydrate'],
    ['escaped in the JSON', 'hydrate\\u007c\\u007c\\u007c{"type":"method","method":"hydrators.booqableCompany","bundle":{}}\\u007c\\u007c\\u007chydrate'],
  ])("a pointer-shaped string in the vendor's body (%s) reaches the Zap as text, never as a pointer", async (_how, forged) => {
    const body = bodyOf('booqable_order_updated');
    const content = JSON.stringify({ ...body, data: { ...(body.data as JsonRecord), note: 'FORGED' } }).replace('"FORGED"', `"${forged.replace(/"/g, '\\"')}"`);
    const [item] = await run('booqable_order_updated', 'perform', deliveryBundle(JSON.parse(content), { authData, content }));
    const note = (item!.data as JsonRecord).note as string;
    expect(note).toContain('booqableCompany');
    expect(note).not.toMatch(/^hydrate\|\|\|/);
    // The app's own pointers are the only ones, each with its delivery's id.
    expect(pointerInputs(item).length).toBeGreaterThan(0);
    expect(pointerInputs(item).every((p) => p.input.delivery_id === body.id)).toBe(true);
  });

  it("a lookup answer's text shaped like a pointer stays text", async () => {
    const [item] = await run('booqable_order_updated', 'perform', deliveryBundle(order('n-4', 'reserved'), { authData }));
    const forged = 'hydrate|||{"type":"method","method":"hydrators.booqableCompany","bundle":{}}|||hydrate';
    nock(API)
      .get('/api/4/companies/current.json')
      .reply(200, { data: { id: 'c1', name: forged, currency: 'usd' } });
    const company = await hydrate((item as JsonRecord).company, authData);
    expect(company.name).toContain('booqableCompany');
    expect(company.name).not.toMatch(/^hydrate\|\|\|/);
  });

  it.each([
    ['a collection it does not read', { path: 'employees', id: 'a2c4e6f8-0000-4000-8000-000000000001' }],
    ['a path in place of an id', { customer_id: '../employees/current' }],
    ['a query in place of an id', { order_id: 'x?include=employees' }],
  ])('refuses %s before any request', async (_what, input) => {
    // No nock: a request would fail the test with a disallowed connection, not this message.
    const method = 'order_id' in input ? 'booqableOrder' : 'booqableCustomer';
    const crafted = `hydrate|||${JSON.stringify({ type: 'method', method: `hydrators.${method}`, bundle: input })}|||hydrate`;
    const error = await failure(hydrate(crafted, authData));
    expect(error.message).toMatch(/could not be looked up/);
  });

  it('makes no pointer for an id that is no id', async () => {
    const body = bodyOf('booqable_payment_completed');
    const [item] = await run(
      'booqable_payment_completed',
      'perform',
      deliveryBundle({ ...body, data: { ...(body.data as JsonRecord), customer_id: '../employees/current', order_id: 'ok-order-1' } }, { authData }),
    );
    expect(pointerInputs(item).map((p) => p.method)).toEqual(['hydrators.booqableOrder']);
  });

  it('removes a payment provider secret at any depth, in a delivery and in a lookup answer', async () => {
    const body = bodyOf('booqable_order_updated');
    const secret = 'pi_3Nq_secret_Nested77';
    const data = { ...(body.data as JsonRecord), payments: [{ id: 'p1', provider_secret: secret, amount_in_cents: 100 }] };
    const [item] = await run('booqable_order_updated', 'perform', deliveryBundle({ ...body, data }, { authData }));
    expect(JSON.stringify(item)).not.toContain(secret);
    expect(valueAt(item, 'data__payments[]id')).toBe('p1');
    const [payment] = await run('booqable_payment_completed', 'perform', deliveryBundle(bodyOf('booqable_payment_completed'), { authData }));
    const orderId = inputOf(payment, 'booqableOrder')?.order_id as string;
    nock(API)
      .get(`/api/4/orders/${orderId}.json`)
      .reply(200, { data: { id: orderId, number: 7, payments: [{ id: 'p2', provider_secret: secret }] } });
    nock(API)
      .get(/\/api\/4\/customers\/.+\.json/)
      .reply(200, { data: SAMPLE_RELATIONS.customer });
    const full = await resolved(payment, authData);
    expect(JSON.stringify(full)).not.toContain(secret);
    expect(valueAt(full, 'data__order__number')).toBe(7);
  });
});

describe("a customer's address: Booqable keeps it as an address property of the customer (_properties.md)", () => {
  const capture = loadCapture('vendors/booqable/fixtures/docs-v4-customer-updated.json');
  const CUSTOMER = '78172414-b6f5-44e3-874c-3ca4eafe1a02';
  // The property list's documented answer shape, for this customer, with an address property (its documented fields) beside the phone.
  const property = (id: string, attributes: JsonRecord) => ({
    id,
    type: 'properties',
    attributes: { name: 'Property', position: 0, show_on: [], default_property_id: null, owner_id: CUSTOMER, owner_type: 'customers', ...attributes },
  });
  const properties = {
    data: [
      property('e3140ee7-66da-44b5-827f-a62c7f18110d', { name: 'Phone', identifier: 'phone', property_type: 'phone', position: 0, value: '+316000000' }),
      property('f4251ff8-77eb-45c6-938a-b73d8a29221e', {
        name: 'Address',
        identifier: 'address',
        property_type: 'address',
        position: 1,
        first_name: 'John',
        last_name: 'Doe',
        address1: 'Keizersgracht 123',
        address2: '2nd floor',
        city: 'Amsterdam',
        region: 'Noord-Holland',
        zipcode: '1015 CJ',
        country: 'Netherlands',
        country_id: '0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
        province_id: null,
      }),
    ],
    meta: {},
  };

  it('is looked up when a step maps it, in parts and as one line, with the consent, type and tags the delivery carries', async () => {
    const [item] = await run('booqable_customer_updated', 'perform', captureBundle(capture, { authData }));
    expect(pointersIn(item)).toEqual(['booqableCustomerAddress']);
    const asked = nock(API).get('/api/4/properties.json').query({ 'filter[owner_id][eq]': CUSTOMER }).reply(200, properties);
    const full = await resolved(item, authData);
    expect(asked.isDone()).toBe(true);
    const byLabel = (label: string) => valueAt(full, labelledFields('booqable_customer_updated').find((f) => f.label === label)!.key);
    expect(byLabel('Customer Address Line 1')).toBe('Keizersgracht 123');
    expect(byLabel('Customer Address Line 2')).toBe('2nd floor');
    expect(byLabel('Customer City')).toBe('Amsterdam');
    expect(byLabel('Customer Region')).toBe('Noord-Holland');
    expect(byLabel('Customer Postcode')).toBe('1015 CJ');
    expect(byLabel('Customer Country')).toBe('Netherlands');
    expect(byLabel('Customer Address (One Line)')).toBe('Keizersgracht 123, 2nd floor, 1015 CJ Amsterdam, Noord-Holland, Netherlands');
    expect(byLabel('Customer Phone')).toBe('+316000000');
    expect(byLabel('Customer Email Marketing Consented')).toBe(false);
    expect(byLabel('Customer Type (person or commercial)')).toBe('person');
    expect(byLabel('Customer Tags')).toEqual([]);
  });

  it('is empty, not an error, for a customer with no address property', async () => {
    const [item] = await run('booqable_customer_updated', 'perform', captureBundle(capture, { authData }));
    const asked = nock(API)
      .get('/api/4/properties.json')
      .query({ 'filter[owner_id][eq]': CUSTOMER })
      .reply(200, { data: [properties.data[0]], meta: {} });
    const full = await resolved(item, authData);
    expect(asked.isDone()).toBe(true);
    expect(valueAt(full, 'data__address')).toEqual({});
  });
});
