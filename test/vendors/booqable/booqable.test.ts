import nock from 'nock';
import { normaliseSlug } from '../../../src/vendors/booqable/client';
import { ORDER_STATUS } from '../../../src/vendors/booqable/kinds';
import { captureBundle, loadCapture } from '../../support/fixtures';
import { app, deliveryBundle, entryOf, failure, resetCache, run, testAuth, vendorOf } from '../../support/runtime';

const TOKEN = 'bq-token-SECRET-1234';
const authData = { booqable_company_slug: 'acme', booqable_access_token: TOKEN };
const API = 'https://acme.booqable.com';
const TARGET = 'https://hooks.zapier.com/hooks/standard/123/abc';
/** Booqable has no endpoint for the Zap URL yet (a first turn-on), or none left (after a turn-off). */
const noEndpoints = () => nock(API).get('/api/4/webhook_endpoints').query({ 'filter[url][eq]': TARGET }).reply(200, { data: [] });

beforeEach(() => {
  resetCache();
});

describe('Booqable catalog', () => {
  // Every documented event has a trigger: test/documented-events.test.ts, against the documented list.
  it('hides the trigger of the older order.saved_as_concept, which Booqable no longer delivers', () => {
    expect(entryOf('booqable_order_saved_as_concept').hidden).toBe(true);
  });
});

describe('Booqable company slug', () => {
  it.each([
    ['acme', 'acme'],
    ['acme.booqable.com', 'acme'],
    ['https://acme.booqable.com', 'acme'],
    [' HTTPS://Acme.booqable.com/orders?x=1 ', 'acme'],
    ['not a slug!', undefined],
    ['longer-than-a-host-name-may-be-'.repeat(3), undefined],
    ['k3j4h5g6f7d8s9a0q1w2e3r4t5y6u7i8o9', undefined],
    ['', undefined],
  ])('reads %j as %j', (input, slug) => {
    expect(normaliseSlug(input)).toBe(slug);
  });
});

describe('Booqable subscribe', () => {
  it('posts a version-4 JSON:API webhook endpoint with the Zap URL and keeps its id', async () => {
    const none = noEndpoints();
    const scope = nock(API, { reqheaders: { authorization: `Bearer ${TOKEN}` } })
      .post('/api/4/webhook_endpoints', {
        data: { type: 'webhook_endpoints', attributes: { url: TARGET, events: ['invoice.finalized'], version: 4 } },
      })
      .reply(201, {
        data: { id: 'f4855386-6094-4340-8096-0c6911a116cb', type: 'webhook_endpoints', attributes: { url: TARGET, events: ['invoice.finalized'] } },
        meta: {},
      });
    const result = await run('booqable_invoice_finalized', 'performSubscribe', {
      authData: { ...authData, booqable_company_slug: 'https://acme.booqable.com' },
      targetUrl: TARGET,
    });
    expect(result).toEqual({ id: 'f4855386-6094-4340-8096-0c6911a116cb', url: TARGET, events: ['invoice.finalized'], requestedEvents: ['invoice.finalized'] });
    expect(scope.isDone() && none.isDone()).toBe(true);
  });

  it('subscribes "New Booqable Event" to every picked event', async () => {
    noEndpoints();
    const scope = nock(API)
      .post('/api/4/webhook_endpoints', (body) => JSON.stringify(body.data.attributes.events) === JSON.stringify(['order.reserved', 'payment.completed']))
      .reply(201, { data: { id: 'e1', type: 'webhook_endpoints', attributes: {} } });
    await run('booqable_event', 'performSubscribe', { authData, targetUrl: TARGET, inputData: { events: ['order.reserved', 'payment.completed'] } });
    expect(scope.isDone()).toBe(true);
  });

  it('refuses "New Booqable Event" with no event picked, before calling Booqable', async () => {
    const error = await failure(run('booqable_event', 'performSubscribe', { authData, targetUrl: TARGET, inputData: {} }));
    expect(error.message).toMatch(/Pick at least one Booqable event/);
  });

  it('names the fields to fill when the connection has no Booqable credentials', async () => {
    const error = await failure(run('booqable_order_reserved', 'performSubscribe', { authData: {}, targetUrl: TARGET }));
    expect(error.message).toMatch(/Booqable Subdomain and Booqable Access Token/);
  });

  it('says the slug is not a Booqable address when it cannot be read', async () => {
    const error = await failure(
      run('booqable_order_reserved', 'performSubscribe', { authData: { ...authData, booqable_company_slug: 'my shop' }, targetUrl: TARGET }),
    );
    expect(error.message).toMatch(/Booqable Subdomain in the connection is not a Booqable subdomain/);
    // What was typed may be a token pasted into the wrong field: it is never repeated.
    expect(error.message).not.toContain('my shop');
  });

  it.each([
    ['the token itself', TOKEN],
    ['the token inside an address', `https://${TOKEN}.booqable.com`],
    ['a random credential', 'k3j4h5g6f7d8s9a0q1w2e3r4t5y6u7i8o9'],
  ])('refuses %s in the Subdomain before any request, without repeating it, in turn-on, the connection test and its label', async (_what, slug) => {
    const credential = slug.replace(/^https:\/\/|\.booqable\.com$/g, '');
    const pasted = { ...authData, booqable_company_slug: slug };
    // No nock: a request would fail with "Disallowed net connect", naming the host.
    for (const error of [
      await failure(run('booqable_order_reserved', 'performSubscribe', { authData: pasted, targetUrl: TARGET })),
      await failure(testAuth(pasted)),
    ]) {
      expect(error.message).toMatch(/not a Booqable subdomain/);
      expect(error.message.toLowerCase()).not.toContain(credential.slice(0, 8).toLowerCase());
      expect(error.message).not.toMatch(/Disallowed net connect|booqable\.com\/api/);
    }
    expect(vendorOf('booqable').adapter.accountOf?.(pasted)).toBeUndefined();
  });
});

describe('Booqable unsubscribe', () => {
  it('deletes the endpoint it subscribed', async () => {
    noEndpoints();
    const scope = nock(API, { reqheaders: { authorization: `Bearer ${TOKEN}` } })
      .delete('/api/4/webhook_endpoints/fd2f4709-67d8-441e-8206-213a900ef683')
      .reply(200, { data: { id: 'fd2f4709-67d8-441e-8206-213a900ef683', type: 'webhook_endpoints', attributes: { events: [] } }, meta: {} });
    const result = await run('booqable_invoice_finalized', 'performUnsubscribe', {
      authData,
      targetUrl: TARGET,
      subscribeData: { id: 'fd2f4709-67d8-441e-8206-213a900ef683' },
    });
    expect(result).toEqual({ removed: ['fd2f4709-67d8-441e-8206-213a900ef683'] });
    expect(scope.isDone()).toBe(true);
  });

  it.each([404, 410])('succeeds when the endpoint is already gone (%i)', async (status) => {
    noEndpoints();
    const scope = nock(API)
      .delete('/api/4/webhook_endpoints/gone-id')
      .reply(status, { errors: [{ status: String(status), title: 'Not found' }] });
    await expect(run('booqable_invoice_finalized', 'performUnsubscribe', { authData, targetUrl: TARGET, subscribeData: { id: 'gone-id' } })).resolves.toEqual({
      removed: ['gone-id'],
    });
    expect(scope.isDone()).toBe(true);
  });

  it('removes nothing when its subscription id was lost (an endpoint of the URL may be a newer subscription of the same Zap)', async () => {
    // No nock: a call to Booqable would fail the test.
    const result = await run('booqable_invoice_finalized', 'performUnsubscribe', { authData, targetUrl: TARGET, subscribeData: {} });
    expect(result).toEqual({ removed: [] });
  });
});

describe('Booqable errors, mapped in one place', () => {
  const subscribe = () => run('booqable_invoice_finalized', 'performSubscribe', { authData, targetUrl: TARGET });
  const post = () => {
    noEndpoints();
    return nock(API).post('/api/4/webhook_endpoints');
  };

  it('401 says which credential to fix and asks to reconnect', async () => {
    post().reply(401, { errors: [{ status: '401', title: 'Unauthorized', detail: 'Invalid token' }] });
    const error = await failure(subscribe());
    // The combined app's connection holds every vendor: a rejected token fails the step, never expires the connection.
    expect(error.name).toBe('AppError');
    expect(error.message).toMatch(/other vendors, so it stays connected/);
    expect(error.message).toMatch(/Booqable rejected the Booqable Access Token/);
    expect(error.message).not.toContain(TOKEN);
  });

  it('403 names the credential lacking permission', async () => {
    post().reply(403, { errors: [{ status: '403', title: 'Forbidden' }] });
    const error = await failure(subscribe());
    expect(error.message).toMatch(/Booqable Access Token in the connection lacks the permission/);
  });

  it('404 on subscribe points at the company slug', async () => {
    post().reply(404, '<html>Not found</html>');
    const error = await failure(subscribe());
    expect(error.message).toMatch(/Check the Booqable Subdomain in the connection/);
  });

  it("422 shows Booqable's own detail", async () => {
    post().reply(422, { errors: [{ code: 'invalid', status: '422', title: 'Invalid', detail: 'url is not a valid URL' }] });
    const error = await failure(subscribe());
    expect(error.message).toContain('url is not a valid URL');
  });

  it('429 becomes a throttle with the Retry-After delay', async () => {
    post().reply(429, { errors: [{ status: '429', title: 'Too many requests' }] }, { 'Retry-After': '37' });
    const error = await failure(subscribe());
    expect(error.name).toBe('ThrottledError');
    expect(error.message).toMatch(/retry in 37 seconds/);
    expect(error.details).toMatchObject({ delay: 37 });
  });

  it('429 without Retry-After still throttles, for a minute', async () => {
    post().reply(429, '');
    const error = await failure(subscribe());
    expect(error.name).toBe('ThrottledError');
    expect(error.details).toMatchObject({ delay: 60 });
  });

  it('500 says Booqable is unavailable', async () => {
    post().reply(500, 'oops');
    const error = await failure(subscribe());
    expect(error.message).toMatch(/Booqable is unavailable \(HTTP 500\)/);
  });

  it('a network failure says Booqable is unavailable, without the token', async () => {
    post().replyWithError(`socket hang up ${TOKEN}`);
    const error = await failure(subscribe());
    expect(error.message).toMatch(/Booqable is unavailable: no answer/);
    expect(error.message).not.toContain(TOKEN);
  });
});

describe('Booqable deliveries', () => {
  // Booqable's own documented v4 notification.
  const capture = loadCapture('vendors/booqable/fixtures/docs-v4-order-updated.json');

  it('emits one item for a version-4 order.updated with the notification id and every field', async () => {
    const items = await run('booqable_order_updated', 'perform', captureBundle(capture));
    expect(items).toHaveLength(1);
    const sent = JSON.parse(capture.content);
    // Every field as sent, and each amount in cents with its twin in main units beside it.
    expect(items[0]).toMatchObject(sent);
    expect(items[0]!.data).toMatchObject({ grand_total_with_tax_in_cents: 0, grand_total_with_tax: 0, deposit_in_cents: 0, deposit: 0 });
    expect(items[0]).toMatchObject({ id: 'eaa10d09-1e59-4ba6-8dfb-528b5574fcd6', event: 'order.updated', created_at: '2018-06-25T17:38:00.000000+00:00' });
  });

  it('skips a delivery of another event', async () => {
    await expect(run('booqable_order_reserved', 'perform', captureBundle(capture))).resolves.toEqual([]);
  });

  it('"New Booqable Event" passes on the picked events only', async () => {
    await expect(run('booqable_event', 'perform', captureBundle(capture, { inputData: { events: ['order.updated'] } }))).resolves.toHaveLength(1);
    resetCache();
    await expect(run('booqable_event', 'perform', captureBundle(capture, { inputData: { events: ['invoice.finalized'] } }))).resolves.toEqual([]);
  });

  it('passes a redelivered notification to the Zap once', async () => {
    const toZap = { subscribeData: { id: 'ep_redelivered' } };
    await expect(run('booqable_order_updated', 'perform', captureBundle(capture, toZap))).resolves.toHaveLength(1);
    await expect(run('booqable_order_updated', 'perform', captureBundle(capture, toZap))).resolves.toEqual([]);
  });

  it('halts, with a clear reason, on a body that is not a JSON object', async () => {
    const error = await failure(run('booqable_order_updated', 'perform', deliveryBundle(undefined, { content: '[1,2]' })));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toMatch(/Booqable sent a JSON array where a JSON object was expected/);
  });
});

describe('Booqable line items, as a person counts them', () => {
  // The shape a live account's notes record: a removed add-on stays a line with quantity 0, and a
  // bundle is a parent line with child lines naming it by parent_line_id, all charge lines.
  const line = (id: string, title: string, quantity: number, parent?: string) => ({
    id,
    title,
    quantity,
    line_type: 'charge',
    price_each_in_cents: 1000,
    price_in_cents: 1000 * quantity,
    ...(parent ? { parent_line_id: parent } : {}),
  });
  const pickedUp = {
    id: 'n-picked-up-1',
    event: 'order.started',
    resource_type: 'orders',
    created_at: '2026-11-20T14:00:00.000000+00:00',
    data: {
      id: 'o-1',
      number: 42,
      status: 'started',
      lines: [
        line('l-bundle', 'Road bike bundle', 1),
        line('l-bike', 'Focus Izalco', 1, 'l-bundle'),
        line('l-helmet', 'Helmet', 1, 'l-bundle'),
        line('l-mount', 'Computer mount', 0, 'l-bundle'),
        line('l-lock', 'Bike lock', 0),
        line('l-bottle', 'Water bottle', 2),
      ],
    },
  };

  it('leaves out removed lines and lists a bundle once, with its parts under it', async () => {
    const [item] = await run('booqable_order_started', 'perform', deliveryBundle(pickedUp));
    const lineItems = (item!.data as Record<string, unknown>).line_items as Record<string, unknown>;
    expect(lineItems.summary).toBe('1 × Road bike bundle (1 × Focus Izalco, 1 × Helmet); 2 × Water bottle');
    expect(lineItems.count).toBe(2);
    expect(lineItems.lines).toEqual([
      expect.objectContaining({ title: 'Road bike bundle', quantity: 1, parts: '1 × Focus Izalco, 1 × Helmet' }),
      expect.objectContaining({ title: 'Water bottle', quantity: 2 }),
    ]);
  });

  it('keeps a child line whose bundle line is missing, rather than losing it', async () => {
    const orphan = { ...pickedUp, data: { ...pickedUp.data, lines: [line('l-bike', 'Focus Izalco', 1, 'l-gone')] } };
    const [item] = await run('booqable_order_started', 'perform', deliveryBundle(orphan));
    expect(((item!.data as Record<string, unknown>).line_items as Record<string, unknown>).summary).toBe('1 × Focus Izalco');
  });
});

describe('Booqable currency, as the ISO code actions take', () => {
  const capture = loadCapture('vendors/booqable/fixtures/docs-v4-payment-completed.json');

  it('gives a payment\'s currency in capitals (Booqable sends "usd")', async () => {
    const sent = JSON.parse(capture.content);
    const [item] = await run('booqable_payment_completed', 'perform', captureBundle(capture));
    expect(typeof sent.data.currency).toBe('string');
    // Beside Booqable's own value, which stays as sent.
    expect(item!.data).toMatchObject({ currency: sent.data.currency, currency_code: String(sent.data.currency).toUpperCase() });
  });
});

describe('Booqable samples for "Test trigger"', () => {
  it('loads the newest real invoices, each the item a delivery of it gives', async () => {
    const record = { id: 'doc-1', document_type: 'invoice', number: 7, updated_at: '2026-11-20T10:00:00+00:00', customer: { name: 'A' } };
    const scope = nock(API, { reqheaders: { authorization: `Bearer ${TOKEN}` } })
      .get('/api/4/documents.json')
      // The relations a live invoice delivery carries, so the record maps the same way.
      .query({ sort: '-created_at', 'page[size]': '3', 'filter[document_type][eq]': 'invoice', include: 'coupon,customer,lines,order,tax_values' })
      .reply(200, { documents: [record], meta: {} });
    const items = await run('booqable_invoice_finalized', 'performList', { authData });
    expect(scope.isDone()).toBe(true);
    // The same pipeline as a live delivery of that record: normalised, with the lookups of what it lacks.
    const notification = { id: 'doc-1', created_at: '2026-11-20T10:00:00+00:00', event: 'invoice.finalized', resource_type: 'documents', data: record };
    expect(items).toEqual(await run('booqable_invoice_finalized', 'perform', deliveryBundle(notification, { authData })));
    expect(items[0]).toMatchObject({ data: { customer: { name: 'A', first_name: 'A' }, line_items: expect.stringMatching(/^hydrate\|\|\|/) } });
  });

  it.each([
    ['booqable_order_reserved', 'orders', 'barcode,coupon,customer,lines,notes,plannings,properties,start_location,stop_location,tax_values'],
    ['booqable_customer_created', 'customers', 'barcode,tax_region'],
    ['booqable_product_group_created', 'product_groups', 'photo,price_ruleset,price_structure,tax_category'],
  ])('%s lists %s with the relations its deliveries carry', async (key, path, include) => {
    const scope = nock(API)
      .get(`/api/4/${path}.json`)
      .query({ sort: '-created_at', 'page[size]': '3', include })
      .reply(200, { data: [{ id: 'r1' }] });
    await expect(run(key, 'performList', { authData })).resolves.toHaveLength(1);
    expect(scope.isDone()).toBe(true);
  });

  it('returns nothing where Booqable has no list (app events): the editor then offers its sample, labelled as one', async () => {
    await expect(run('booqable_app_installed', 'performList', { authData })).resolves.toEqual([]);
  });

  it('returns nothing when Booqable has no records yet, rather than an invented one', async () => {
    const scope = nock(API).get('/api/4/orders.json').query(true).reply(200, { data: [] });
    await expect(run('booqable_order_reserved', 'performList', { authData })).resolves.toEqual([]);
    expect(scope.isDone()).toBe(true);
  });
});

describe('the shared connection, Booqable group', () => {
  it('checks the token with one listing call and labels the connection', async () => {
    const scope = nock(API, { reqheaders: { authorization: `Bearer ${TOKEN}` } })
      .get('/api/4/webhook_endpoints')
      .query({ 'page[size]': '1' })
      .reply(200, { data: [] });
    await expect(testAuth(authData)).resolves.toEqual({ connected_vendors: 'Booqable', account: 'Booqable (acme)' });
    expect(scope.isDone()).toBe(true);
  });

  it('is labelled with the account: the Booqable subdomain, and the Boom environment beside it', async () => {
    nock(API).get('/api/4/webhook_endpoints').query(true).reply(200, { data: [] });
    const result = await testAuth({
      ...authData,
      booqable_company_slug: 'https://acme.booqable.com/orders',
      boom_webhook_secret: 's',
      boom_environment: 'sandbox',
    });
    expect(result.account).toBe('Booqable (acme), Boom (sandbox, webhooks only)');
    expect(app.authentication.connectionLabel).toBe('{{account}}');
  });

  it('shows the subdomain inside the Booqable address as it is typed', () => {
    const field = app.authentication.fields?.find((f) => f.key === 'booqable_company_slug');
    expect(field).toMatchObject({ label: 'Booqable Subdomain', inputFormat: 'https://{{input}}.booqable.com' });
  });

  it('refuses a connection with no vendor filled', async () => {
    const error = await failure(testAuth({}));
    expect(error.message).toMatch(/Fill in the fields of at least one vendor/);
  });

  it('says which vendor and field failed', async () => {
    nock(API).get('/api/4/webhook_endpoints').query(true).reply(401, {});
    const error = await failure(testAuth(authData));
    expect(error.message).toMatch(/Booqable rejected the Booqable Access Token while testing the connection/);
  });
});

describe('Booqable samples agree with their event', () => {
  const entries = vendorOf('booqable').entries.map((e) => [e.key, e] as const);

  it.each(entries)('%s: the record is not created or updated after the event that announced it', (_key, entry) => {
    const { created_at: eventTime, data } = entry.sample as { created_at: string; data: { created_at?: string; updated_at?: string } };
    if (data.created_at) expect(Date.parse(data.created_at)).toBeLessThanOrEqual(Date.parse(eventTime));
    if (data.updated_at) expect(Date.parse(data.updated_at)).toBeLessThanOrEqual(Date.parse(eventTime));
  });

  it.each(entries)('%s: the record is in the state its event names', (_key, entry) => {
    const event = entry.events[0]!;
    const data = entry.sample.data as Record<string, unknown>;
    const [resource, action] = event.split('.');
    expect(entry.sample.event).toBe(event);
    // An order says it in its status (orders have no archived attribute); every other record in its flag.
    if (action === 'archived' && resource !== 'order') expect(data.archived).toBe(true);
    else if ('archived' in data) expect(data.archived).toBe(false);
    // Every order event but an update leaves the order in a status of its own.
    if (resource === 'order' && action !== 'updated') expect(data.status).toBe(ORDER_STATUS[action!]);
    if (event === 'invoice.finalized') expect(data).toMatchObject({ finalized: true, prefix_with_number: 'INV-2031' });
    if (event === 'invoice.created') expect(data).toMatchObject({ finalized: false, prefix_with_number: null });
    if (event === 'invoice.revised') expect(data).toMatchObject({ revised: true, status: 'revised' });
    if (action === 'signed') expect(data).toMatchObject({ signed: true });
    if (action === 'confirmed') expect(data).toMatchObject({ confirmed: true, status: 'confirmed' });
    if (resource === 'payment') expect(data).toMatchObject({ status: 'succeeded' });
  });
});

describe('the retired "Order Saved As Concept" trigger', () => {
  it('subscribes to saved_as_draft as well, the name Booqable delivers', async () => {
    noEndpoints();
    const scope = nock(API)
      .post(
        '/api/4/webhook_endpoints',
        (body) => JSON.stringify(body.data.attributes.events) === JSON.stringify(['order.saved_as_draft', 'order.saved_as_concept']),
      )
      .reply(201, { data: { id: 'e9', type: 'webhook_endpoints', attributes: {} } });
    await run('booqable_order_saved_as_concept', 'performSubscribe', { authData, targetUrl: TARGET });
    expect(scope.isDone()).toBe(true);
  });

  it('fires on the saved_as_draft deliveries Booqable sends', async () => {
    const body = entryOf('booqable_order_saved_as_draft').body;
    await expect(run('booqable_order_saved_as_concept', 'perform', deliveryBundle(body))).resolves.toHaveLength(1);
  });

  it('is not what "New Booqable Event" adds when saved_as_draft is picked', async () => {
    noEndpoints();
    const scope = nock(API)
      .post('/api/4/webhook_endpoints', (body) => JSON.stringify(body.data.attributes.events) === JSON.stringify(['order.saved_as_draft']))
      .reply(201, { data: { id: 'e10', type: 'webhook_endpoints', attributes: {} } });
    await run('booqable_event', 'performSubscribe', { authData, targetUrl: TARGET, inputData: { events: ['order.saved_as_draft'] } });
    expect(scope.isDone()).toBe(true);
  });
});
