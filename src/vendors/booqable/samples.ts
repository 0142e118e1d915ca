import type { JsonRecord } from '../../lib/catalog';

// Records as Booqable's version-4 deliveries carry them in `data`: plain nested JSON, money in
// cents, ISO-8601 times with zone, the relations Booqable lists for each resource. Field names
// follow Booqable's v4 resource pages (booqable/boomerang-api-documentation); values are invented.
// Each sample is the record as its event leaves it (see `recordAfter`).

/** When the sample event happened: every record was last updated then, and created before. */
export const EVENT_TIME = '2026-11-20T14:03:12.000000+00:00';

const customer: JsonRecord = {
  id: '3b1f6f0e-9a55-4f6e-8d8b-2f1a3c4d5e6f',
  created_at: '2026-03-02T09:15:42.000000+00:00',
  updated_at: '2026-11-18T16:40:05.000000+00:00',
  archived: false,
  archived_at: null,
  number: 214,
  name: 'Harbor Events LLC',
  email: 'bookings@harborevents.example',
  legal_type: 'commercial',
  deposit_type: 'default',
  deposit_value: 0,
  discount_percentage: 0,
  // A hash of property identifiers and values in v4 (`phone` is Booqable's default phone property).
  properties: { phone: '+1 415 555 0142' },
  tag_list: [],
  tax_region_id: null,
  barcode: null,
  tax_region: null,
};

const line: JsonRecord = {
  id: '8e2d7c61-1f0b-4c3a-a5e4-0b9f6d2c7a81',
  title: 'Folding chair, white',
  quantity: 120,
  price_each_in_cents: 250,
  price_in_cents: 30000,
  line_type: 'charge',
  position: 1,
  item_id: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
  tax_category_id: null,
};

const deliveryAddress = '123 Harbor Way\n94107 San Francisco\nUnited States';
const billingAddress = 'Harbor Events LLC\n500 Market Street\n94105 San Francisco\nUnited States';

const order: JsonRecord = {
  id: 'f3b7c9a2-6d1e-4a8b-9c0d-2e4f6a8b0c1d',
  created_at: '2026-11-18T16:41:10.000000+00:00',
  updated_at: EVENT_TIME,
  number: 1042,
  status: 'reserved',
  statuses: ['reserved'],
  status_counts: { new: 0, draft: 0, reserved: 120, started: 0, stopped: 0 },
  starts_at: '2026-12-04T14:00:00.000000+00:00',
  stops_at: '2026-12-06T10:00:00.000000+00:00',
  entirely_started: false,
  entirely_stopped: false,
  payment_status: 'partially_paid',
  fulfillment_type: 'delivery',
  delivery_address: deliveryAddress,
  item_count: 120,
  tag_list: [],
  // The order's property hash: its address properties by identifier (values shaped as the formatted address: Booqable's example shows them empty).
  properties: { delivery_address: deliveryAddress, billing_address: billingAddress },
  price_in_cents: 30000,
  grand_total_in_cents: 30000,
  grand_total_with_tax_in_cents: 32625,
  tax_in_cents: 2625,
  deposit_in_cents: 10000,
  paid_in_cents: 10000,
  to_be_paid_in_cents: 32625,
  discount_type: 'percentage',
  discount_percentage: 0,
  customer_id: customer.id,
  tax_region_id: null,
  coupon_id: null,
  start_location_id: '754c12e4-45d9-420e-8f44-22f3498076f3',
  stop_location_id: '754c12e4-45d9-420e-8f44-22f3498076f3',
  customer,
  lines: [line],
  notes: [],
  plannings: [],
  start_location: null,
  stop_location: null,
  tax_values: [{ name: 'Sales tax 8.75%', value_in_cents: 2625 }],
  barcode: null,
  coupon: null,
};

const PREFIXES = { invoice: 'INV-', contract: 'CON-', quote: 'QUO-' } as const;

/** Invoices, contracts and quotes are all Booqable "documents". */
const documentOf = (documentType: keyof typeof PREFIXES, id: string, number: number): JsonRecord => ({
  id,
  created_at: '2026-11-19T10:05:00.000000+00:00',
  updated_at: EVENT_TIME,
  archived: false,
  archived_at: null,
  document_type: documentType,
  number,
  prefix: PREFIXES[documentType],
  prefix_with_number: `${PREFIXES[documentType]}${number}`,
  date: '2026-11-20',
  due_date: documentType === 'invoice' ? '2026-12-04' : null,
  name: customer.name,
  reference: null,
  // Quotes and contracts are always finalized (Booqable's documents page).
  finalized: true,
  revised: false,
  confirmed: false,
  signed: false,
  status: documentType === 'invoice' ? 'partially_paid' : 'unconfirmed',
  price_in_cents: 30000,
  grand_total_in_cents: 30000,
  grand_total_with_tax_in_cents: 32625,
  tax_in_cents: 2625,
  deposit_in_cents: 10000,
  paid_in_cents: 10000,
  to_be_paid_in_cents: 32625,
  order_id: order.id,
  customer_id: customer.id,
  coupon_id: null,
  customer,
  lines: [line],
  order: { id: order.id, number: order.number, status: order.status },
  coupon: null,
  tax_values: order.tax_values,
});

const productGroup: JsonRecord = {
  id: '6f5e4d3c-2b1a-4098-8f7e-6d5c4b3a2918',
  created_at: '2025-06-11T08:00:00.000000+00:00',
  updated_at: EVENT_TIME,
  archived: false,
  archived_at: null,
  name: 'Folding chair, white',
  slug: 'folding-chair-white',
  sku: 'CHAIR-WHT',
  product_type: 'rental',
  tracking_type: 'bulk',
  trackable: false,
  has_variations: false,
  base_price_in_cents: 250,
  deposit_in_cents: 0,
  price_type: 'simple',
  price_period: 'day',
  tag_list: [],
  photo: null,
  price_ruleset: null,
  price_structure: null,
  tax_category: null,
};

const product: JsonRecord = {
  id: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
  created_at: EVENT_TIME,
  updated_at: EVENT_TIME,
  archived: false,
  archived_at: null,
  name: 'Folding chair, white',
  slug: 'folding-chair-white',
  sku: 'CHAIR-WHT',
  product_type: 'rental',
  base_price_in_cents: 250,
  product_group_id: productGroup.id,
  barcode: null,
};

const payment: JsonRecord = {
  id: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d',
  created_at: '2026-11-20T14:02:40.000000+00:00',
  updated_at: EVENT_TIME,
  type: 'payment_charges',
  status: 'succeeded',
  // How the payment was collected (a payment request the customer paid), and the method used.
  mode: 'request',
  provider: 'stripe',
  provider_method: 'card',
  amount_in_cents: 10000,
  deposit_in_cents: 0,
  total_in_cents: 10000,
  currency: 'usd',
  succeeded_at: EVENT_TIME,
  order_id: order.id,
  customer_id: customer.id,
};

const bundle: JsonRecord = {
  id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  created_at: '2026-10-01T10:00:00.000000+00:00',
  updated_at: EVENT_TIME,
  archived: false,
  archived_at: null,
  name: 'Wedding seating for 100',
  slug: 'wedding-seating-100',
  product_type: 'bundle',
  bundle_items: [
    {
      id: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e',
      quantity: 100,
      product_group_id: productGroup.id,
      product_id: null,
      product: null,
      product_group: productGroup,
    },
  ],
};

const bundleItem: JsonRecord = {
  id: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e',
  created_at: '2026-10-01T10:00:00.000000+00:00',
  updated_at: EVENT_TIME,
  archived: false,
  archived_at: null,
  quantity: 100,
  discount_percentage: 0,
  bundle_id: bundle.id,
  product_group_id: productGroup.id,
  product_id: null,
  bundle: { id: bundle.id, name: bundle.name },
  product: null,
  product_group: { id: productGroup.id, name: productGroup.name },
};

const company: JsonRecord = {
  id: 'c3d4e5f6-a7b8-4c9d-8e0f-2a3b4c5d6e7f',
  created_at: '2024-02-01T09:00:00.000000+00:00',
  updated_at: EVENT_TIME,
  name: 'Bay Party Rentals',
  slug: 'bayparty',
  email: 'hello@bayparty.example',
  phone: '+1 415 555 0100',
  currency: 'usd',
  default_timezone: 'America/Los_Angeles',
};

// Booqable publishes no resource page for apps or carts: these carry only what the webhook page names.
const app: JsonRecord = { id: 'd4e5f6a7-b8c9-4d0e-9f1a-3b4c5d6e7f80', name: 'Zapier' };

const cart: JsonRecord = {
  id: '9b8a7f6e-5d4c-4b3a-a291-8f7e6d5c4b3a',
  created_at: '2026-11-20T13:58:00.000000+00:00',
  updated_at: EVENT_TIME,
  item_count: 120,
  grand_total_with_tax_in_cents: 32625,
  order_id: order.id,
  customer_id: customer.id,
  customer,
  lines: [line],
  order: { id: order.id, number: order.number, status: order.status },
};

export const RECORDS = {
  order,
  invoice: documentOf('invoice', '0c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f', 2031),
  contract: documentOf('contract', '1d0e9f8a-6a5b-4c3d-9e2f-1a0b9c8d7e6f', 877),
  quote: documentOf('quote', '2e1f0a9b-6a5b-4c3d-9e2f-1a0b9c8d7e6f', 455),
  customer: { ...customer, updated_at: EVENT_TIME },
  product_group: productGroup,
  product,
  payment,
  cart,
  bundle,
  bundle_item: bundleItem,
  company,
  app,
};

const ORDER_STATUS: Record<string, string> = {
  reserved: 'reserved',
  started: 'started',
  stopped: 'stopped',
  canceled: 'canceled',
  archived: 'archived',
  saved_as_draft: 'draft',
  saved_as_concept: 'draft',
  // Reverted to an earlier status: a reserved order back to draft.
  reverted: 'draft',
};

/** The record as its event leaves it: an archived one archived, a created one just created, an order in the status its event names. */
export const recordAfter = (event: string, record: JsonRecord): JsonRecord => {
  const [resource, action = ''] = event.split('.');
  const out: JsonRecord = { ...record };
  if (action === 'created') out.created_at = EVENT_TIME;
  if (action === 'archived' && 'archived' in out) Object.assign(out, { archived: true, archived_at: EVENT_TIME });
  if (resource === 'order' && ORDER_STATUS[action]) {
    const status = ORDER_STATUS[action]!;
    Object.assign(out, { status, statuses: [status], status_counts: { new: 0, draft: 0, reserved: 0, started: 0, stopped: 0, [status]: 120 } });
    if (status === 'started') out.entirely_started = true;
    if (status === 'stopped') Object.assign(out, { entirely_started: true, entirely_stopped: true });
  }
  if (resource === 'invoice') {
    // A new invoice is a draft: no number until it is finalized.
    if (action === 'created') Object.assign(out, { finalized: false, number: null, prefix_with_number: null, date: null, status: 'payment_due' });
    if (action === 'revised') Object.assign(out, { revised: true, status: 'revised' });
  }
  if ((resource === 'contract' || resource === 'quote') && (action === 'confirmed' || action === 'signed')) {
    Object.assign(out, { confirmed: true, status: 'confirmed', ...(action === 'signed' ? { signed: true } : {}) });
  }
  return out;
};
