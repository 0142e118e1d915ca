import nock from 'nock';
import type { JsonRecord } from '../../src/lib/catalog';
import { isRecord } from '../../src/lib/values';
import { SAMPLE_RELATIONS } from '../../src/vendors/booqable/kinds';
import { harnessOf } from './harness';
import { deliveryBundle, entryOf, isPointer, vendorOf } from './runtime';

/**
 * The vendors' APIs as nock stand-ins that answer every list and lookup the app makes, from the
 * samples' own records in each vendor's documented answer shape: "Test trigger" lists them, and a
 * later step's lookups fetch them. Each stand-in persists until `nock.cleanAll()` (test/setup.ts).
 */

export const CONNECTIONS = {
  booqable: { booqable_company_slug: 'acme', booqable_access_token: 'apis-bq-token' },
  boomKeys: { boom_access_key: 'apis-boom-ak', boom_secret_key: 'apis-boom-sk' },
  claimableToken: { claimable_api_token: 'apis-claimable-token' },
  romify: { romify_api_token: 'apis-romify-token' },
} as const;

const dataOf = (key: string) => entryOf(key).body.data as JsonRecord;

const { customer, addressProperty, lines, taxValues, location, order, company } = SAMPLE_RELATIONS;
/** The related records an `include=` adds, by the name it gives them. */
const INCLUDED: JsonRecord = { customer, lines, tax_values: taxValues, start_location: location, stop_location: location, order };

/** A Booqable record with the relations an `include=` names, as Booqable answers it (and a delivery that carries them has them). */
export const withIncluded = (record: JsonRecord, include: unknown): JsonRecord => {
  const named = typeof include === 'string' ? include.split(',') : [];
  return { ...record, ...Object.fromEntries(named.filter((name) => name in INCLUDED).map((name) => [name, INCLUDED[name]])) };
};

/** Booqable's `.json` endpoints: plain nested records, relations only as `include=` names them (docs/vendors.md). */
const booqableApi = () => {
  const lists: Record<string, string> = {
    orders: 'booqable_order_reserved',
    customers: 'booqable_customer_created',
    products: 'booqable_product_created',
    product_groups: 'booqable_product_group_created',
    payments: 'booqable_payment_completed',
  };
  const documents: Record<string, string> = { invoice: 'booqable_invoice_finalized', contract: 'booqable_contract_signed', quote: 'booqable_quote_signed' };
  const api = nock('https://acme.booqable.com').persist();
  api
    .get(/^\/api\/4\/[a-z_]+\.json/)
    .query(true)
    .reply((uri) => {
      const url = new URL(uri, 'https://acme.booqable.com');
      const path = url.pathname.replace(/^\/api\/4\/|\.json$/g, '');
      // A customer's properties (its address among them), filtered by their owner.
      if (path === 'properties') return [200, { data: url.searchParams.get('filter[owner_id][eq]') === customer.id ? [addressProperty] : [] }];
      const key = path === 'documents' ? documents[url.searchParams.get('filter[document_type][eq]') ?? ''] : lists[path];
      return key ? [200, { data: [withIncluded(dataOf(key), url.searchParams.get('include'))] }] : [404, { errors: [{ status: '404', title: 'Not found' }] }];
    });
  api
    .get(/^\/api\/4\/[a-z_]+\/[^/]+\.json/)
    .query(true)
    .reply((uri) => {
      const url = new URL(uri, 'https://acme.booqable.com');
      const [, path, id] = /^\/api\/4\/([a-z_]+)\/([^/]+)\.json$/.exec(url.pathname)!;
      const include = url.searchParams.get('include');
      const records: Record<string, JsonRecord | undefined> = {
        customers: customer,
        orders: order,
        documents: dataOf('booqable_invoice_finalized'),
        locations: location,
        companies: id === 'current' ? company : undefined,
      };
      const record = records[path!];
      return record ? [200, { data: withIncluded(record, include) }] : [404, { errors: [{ status: '404', title: 'Not found' }] }];
    });
};

/** Boom's partner API: a sign-in, then customers, enrollments and applications (its specs' record shapes). */
const boomApi = () => {
  const customer = {
    object: 'customer',
    id: 'cust_abc123',
    first_name: 'Jane',
    last_name: 'Doe',
    phone: '15551234567',
    email: 'jane@example.com',
    dob: '1990-01-01',
  };
  const enrollment = {
    object: 'enrollment',
    id: 'enr_def456',
    customer_id: 'cust_abc123',
    status: 'active',
    address: {
      object: 'address',
      address1: '123 Main St',
      city: 'San Francisco',
      postal_code: '94107',
      one_line_address: '123 Main St, San Francisco, CA 94107',
    },
    monthly_rent_amount: '1800.00',
    move_in_date: '2025-09-01',
    lease_end_date: '2026-08-31',
    rental_verifications: [],
  };
  const sample = entryOf('boom_application_approved').body;
  const application = {
    id: 'app_5521',
    status: 'approved',
    applicants: [{ id: 'apl_1', first_name: sample.first_name, last_name: sample.last_name, email: sample.email, phone: sample.phone }],
    desired_move_in_date: sample.desired_move_in_date,
    monthly_rent_amount: sample.monthly_rent_amount,
    created_at: sample.created_at,
    application_updated_at: sample.application_updated_at,
  };
  // BoomScreen's activity log: the application declined (an ActivityLog of its spec).
  const declined = {
    id: 777,
    application_id: application.id,
    event_type: 'decision_made',
    event_description: 'Decision Made',
    actor: { type: 'partner_user', name: 'Jane Smith', role: 'admin' },
    details: { status: 'rejected', decision_at: '2026-11-20T15:02:11Z' },
    occurred_at: '2026-11-20T15:02:11Z',
  };
  const api = nock('https://api.production.boompay.app').persist();
  api.post('/partner/v1/authenticate').reply(200, { auth_token: 'apis-boom-jwt' });
  api
    .get('/partner/v1/customers')
    .query(true)
    .reply(200, { items: [customer] });
  api
    .get('/partner/v1/enrollments')
    .query(true)
    .reply(200, { items: [enrollment] });
  api
    .get('/partner/v1/applications')
    .query(true)
    .reply(200, { items: [application] });
  api
    .get('/partner/v1/applications/activity_logs')
    .query(true)
    .reply(200, { total_count: 1, page_count: 1, current_page: 1, has_more: false, items: [declined] });
  api
    .get(`/partner/v1/applications/${application.id}`)
    .reply(200, { ...application, status: 'rejected', applicants: [{ ...application.applicants[0], role: 'applicant' }] });
  api.get(`/partner/v1/customers/${customer.id}`).reply(200, { ...customer, access_key: 'never-in-a-zap' });
  api.get(`/partner/v1/enrollments/${enrollment.id}`).reply(200, enrollment);
};

/** Claimable's API: claims and contacts lists, and the users resource the assignee is looked up on. */
const claimableApi = () => {
  const api = nock('https://api.claimable.com').persist();
  api
    .get('/claims')
    .query(true)
    .reply(200, [entryOf('claimable_claim_created').body.claim], { 'Total-Count': '1' });
  api
    .get('/contacts')
    .query(true)
    .reply(200, [entryOf('claimable_contact_created').body.contact], { 'Total-Count': '1' });
  // One claim by id, listing its damages: that Claimable's claim answer lists them is a guess (docs/vendors.md).
  const { claim, damage } = entryOf('claimable_claim_damage_created').body as { claim: JsonRecord; damage: JsonRecord };
  api.get(/^\/claims\/\d+$/).reply(200, { ...claim, damages: [damage] });
  // The users resource's shape is not published (docs/vendors.md): a user with a name and an email.
  api.get(/^\/users\/\d+$/).reply(200, { id: 2642, name: 'John Smith', email: 'john.smith@claims.example' });
};

/** Romify's hub: its leads list. */
const romifyApi = () => {
  nock('https://hub.romify.io')
    .persist()
    .post('/api/v1/leads')
    .reply(200, [entryOf('romify_completed_flow_all_changes').body]);
};

/** Every vendor's stand-in at once. */
export const vendorApis = () => {
  booqableApi();
  boomApi();
  claimableApi();
  romifyApi();
};

/** Is this a record with no pointer left in it (every lookup resolved)? */
export const isResolved = (value: unknown): boolean =>
  Array.isArray(value) ? value.every(isResolved) : isRecord(value) ? Object.values(value).every(isResolved) : !isPointer(value);

/** A delivery of the trigger's sample record, as the vendor posts it to this Zap. */
export const liveDelivery = (key: string, authData: Record<string, string>, body: JsonRecord = entryOf(key).body, inputData: JsonRecord = {}) => {
  const entry = entryOf(key);
  const vendorId = key.split('_')[0]!;
  const event = 'events' in entry ? entry.events[0]! : '';
  const rest = vendorOf(vendorId).hooks === 'rest';
  return deliveryBundle(body, {
    authData,
    inputData,
    headers: harnessOf(vendorId).deliveryHeaders(event),
    ...(rest ? { subscribeData: { id: 'hook_1', requestedEvents: [event] } } : {}),
  });
};
