import type { JsonRecord } from '../../lib/catalog';

// Records shaped as Booqable's version-4 deliveries carry them in `data`: plain nested JSON,
// money in cents, ISO-8601 times with zone. Values are invented; the shapes follow VENDORS.md.

const customer = {
  id: '3b1f6f0e-9a55-4f6e-8d8b-2f1a3c4d5e6f',
  number: 214,
  name: 'Harbor Events LLC',
  email: 'bookings@harborevents.example',
  archived: false,
  deposit_type: 'default',
  discount_percentage: 0,
  created_at: '2026-03-02T09:15:42.000000+00:00',
  updated_at: '2026-11-18T16:40:05.000000+00:00',
  properties: [{ id: 'c0a8f0d2-4c1e-4b7a-9d52-7b0e4d3f2a19', name: 'Phone', value: '+1 415 555 0142' }],
  tax_region: null,
  barcode: null,
};

const line = {
  id: '8e2d7c61-1f0b-4c3a-a5e4-0b9f6d2c7a81',
  title: 'Folding chair, white',
  quantity: 120,
  price_each_in_cents: 250,
  price_in_cents: 30000,
  display_price_in_cents: 30000,
  tax_category_id: null,
  product_id: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
};

export const order: JsonRecord = {
  id: 'f3b7c9a2-6d1e-4a8b-9c0d-2e4f6a8b0c1d',
  number: 1042,
  status: 'reserved',
  statuses: ['reserved'],
  starts_at: '2026-12-04T14:00:00.000000+00:00',
  stops_at: '2026-12-06T10:00:00.000000+00:00',
  customer_id: customer.id,
  item_count: 120,
  price_in_cents: 30000,
  tax_in_cents: 2625,
  grand_total_in_cents: 30000,
  grand_total_with_tax_in_cents: 32625,
  deposit_in_cents: 10000,
  paid_in_cents: 10000,
  to_be_paid_in_cents: 22625,
  created_at: '2026-11-18T16:41:10.000000+00:00',
  updated_at: '2026-11-20T14:03:11.000000+00:00',
  customer,
  lines: [line],
  notes: [],
  plannings: [],
  properties: [],
  start_location: null,
  stop_location: null,
  tax_values: [{ name: 'Sales tax 8.75%', value_in_cents: 2625 }],
  barcode: null,
  coupon: null,
};

/** Invoices, contracts and quotes are all Booqable "documents". */
const documentOf = (documentType: 'invoice' | 'contract' | 'quote', number: number): JsonRecord => ({
  id: `${documentType === 'invoice' ? '0c9d8e7f' : documentType === 'contract' ? '1d0e9f8a' : '2e1f0a9b'}-6a5b-4c3d-9e2f-1a0b9c8d7e6f`,
  document_type: documentType,
  number,
  prefix_number: `${documentType.toUpperCase().slice(0, 3)}-${number}`,
  status: documentType === 'invoice' ? 'finalized' : 'confirmed',
  date: '2026-11-20',
  due_date: '2026-12-04',
  order_id: order.id,
  customer_id: customer.id,
  price_in_cents: 30000,
  tax_in_cents: 2625,
  grand_total_in_cents: 30000,
  grand_total_with_tax_in_cents: 32625,
  paid_in_cents: 10000,
  to_be_paid_in_cents: 22625,
  archived: false,
  created_at: '2026-11-20T14:05:00.000000+00:00',
  updated_at: '2026-11-20T14:06:30.000000+00:00',
  customer,
  lines: [line],
  order: { id: order.id, number: order.number, status: order.status },
  coupon: null,
  tax_values: order.tax_values,
});

export const invoice = documentOf('invoice', 2031);
export const contract = documentOf('contract', 877);
export const quote = documentOf('quote', 455);

export { customer };

export const productGroup: JsonRecord = {
  id: '6f5e4d3c-2b1a-4098-8f7e-6d5c4b3a2918',
  name: 'Folding chair, white',
  sku: 'CHAIR-WHT',
  slug: 'folding-chair-white',
  trackable: false,
  base_price_in_cents: 250,
  stock_count: 400,
  archived: false,
  created_at: '2025-06-11T08:00:00.000000+00:00',
  updated_at: '2026-11-19T12:30:00.000000+00:00',
  photo: null,
  price_ruleset: null,
  price_structure: null,
  tax_category: null,
};

export const product: JsonRecord = {
  id: line.product_id,
  name: 'Folding chair, white',
  sku: 'CHAIR-WHT',
  product_group_id: productGroup.id,
  created_at: '2026-11-19T12:31:00.000000+00:00',
  updated_at: '2026-11-19T12:31:00.000000+00:00',
  barcode: null,
};

export const payment: JsonRecord = {
  id: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d',
  status: 'succeeded',
  mode: 'card',
  amount_in_cents: 10000,
  currency: 'usd',
  order_id: order.id,
  customer_id: customer.id,
  created_at: '2026-11-20T14:10:00.000000+00:00',
  updated_at: '2026-11-20T14:10:02.000000+00:00',
};

export const cart: JsonRecord = {
  id: '9b8a7f6e-5d4c-4b3a-a291-8f7e6d5c4b3a',
  item_count: 120,
  grand_total_with_tax_in_cents: 32625,
  order_id: order.id,
  customer_id: customer.id,
  created_at: '2026-11-20T13:58:00.000000+00:00',
  updated_at: '2026-11-20T14:03:00.000000+00:00',
  customer,
  lines: [line],
  order: { id: order.id, number: order.number, status: order.status },
};

export const bundle: JsonRecord = {
  id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  name: 'Wedding seating for 100',
  slug: 'wedding-seating-100',
  archived: false,
  created_at: '2026-10-01T10:00:00.000000+00:00',
  updated_at: '2026-11-15T10:00:00.000000+00:00',
  bundle_items: [{ id: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e', product_group_id: productGroup.id, quantity: 100 }],
};

export const bundleItem: JsonRecord = {
  id: 'b2c3d4e5-f6a7-4b8c-9d0e-1f2a3b4c5d6e',
  bundle_id: bundle.id,
  product_group_id: productGroup.id,
  quantity: 100,
  created_at: '2026-10-01T10:00:00.000000+00:00',
  updated_at: '2026-11-15T10:00:00.000000+00:00',
};

export const company: JsonRecord = {
  id: 'c3d4e5f6-a7b8-4c9d-8e0f-2a3b4c5d6e7f',
  name: 'Bay Party Rentals',
  slug: 'bayparty',
  email: 'hello@bayparty.example',
  currency: 'usd',
  created_at: '2024-02-01T09:00:00.000000+00:00',
  updated_at: '2026-11-01T09:00:00.000000+00:00',
};

export const app: JsonRecord = {
  id: 'd4e5f6a7-b8c9-4d0e-9f1a-3b4c5d6e7f80',
  name: 'Zapier',
  created_at: '2026-11-01T09:00:00.000000+00:00',
  updated_at: '2026-11-01T09:00:00.000000+00:00',
};
