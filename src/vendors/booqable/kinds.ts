import type { JsonRecord, OutputField } from '../../lib/catalog';
import { lineItems, prefixed } from '../../lib/fields';
import { moneyOutputFields } from '../../lib/money';
import { defineKinds, type KindDefinition } from '../../lib/record-kind';
import { asRecord } from '../../lib/values';
import { envelope, isoCurrency, lineItemsOf, withDecimals, withNames } from './normalise';

// Each Booqable record kind: the record as its delivery carries it, right above its labelled fields
// and what the adapter needs of it. Adding a field: its value in the record, its label in the kind.

// Records as Booqable's version-4 deliveries carry them in `data`: plain nested JSON, money in
// cents, ISO-8601 times with zone, the relations Booqable lists for each resource. Field names
// follow Booqable's v4 resource pages (booqable/boomerang-api-documentation); values are invented.
// Each sample is the record as its event leaves it (see `recordAfter`), and carries ids but no
// relations, as Booqable's only v4 notification example does: what a relation adds is looked up
// (`LOOKED_UP`, the lookups in lookups.ts), and shown in the sample as the lookup gives it.

/** When the sample event happened: every record was last updated then, and created before. */
const EVENT_TIME = '2026-11-20T14:03:12.000000+00:00';

const customer: JsonRecord = {
  id: '3b1f6f0e-9a55-4f6e-8d8b-2f1a3c4d5e6f',
  created_at: '2026-03-02T09:15:42.000000+00:00',
  updated_at: '2026-11-18T16:40:05.000000+00:00',
  archived: false,
  archived_at: null,
  number: 214,
  name: 'Dana Whitfield',
  email: 'dana@harborevents.example',
  legal_type: 'person',
  email_marketing_consented: true,
  email_marketing_consent_updated_at: '2026-03-02T09:15:42.000000+00:00',
  order_count: 3,
  deposit_type: 'default',
  deposit_value: 0,
  discount_percentage: 0,
  // A hash of property identifiers and values in v4 (`phone` is Booqable's default phone property).
  properties: { phone: '+1 415 555 0142' },
  tag_list: ['wedding', 'repeat'],
  tax_region_id: null,
  barcode: null,
  tax_region: null,
};

const line: JsonRecord = {
  id: '8e2d7c61-1f0b-4c3a-a5e4-0b9f6d2c7a81',
  title: 'Folding chair, white',
  quantity: 100,
  price_each_in_cents: 250,
  price_in_cents: 25000,
  line_type: 'charge',
  position: 1,
  item_id: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
  tax_category_id: null,
};
const tent: JsonRecord = {
  id: '9c1e2d3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f',
  title: 'Tent 3×6 m',
  quantity: 1,
  price_each_in_cents: 5000,
  price_in_cents: 5000,
  line_type: 'charge',
  position: 2,
  item_id: '6e5d4c3b-2a1f-4e0d-9c8b-7a6f5e4d3c2b',
  tax_category_id: null,
};
// A bundle booking: the bundle's line, and a line for each of its parts naming it by `parent_line_id`.
const barSet: JsonRecord = {
  id: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
  title: 'Cocktail bar set',
  quantity: 1,
  price_each_in_cents: 12000,
  price_in_cents: 12000,
  line_type: 'charge',
  position: 3,
  item_id: '7f6e5d4c-3b2a-4f1e-8d0c-9b8a7f6e5d4c',
  tax_category_id: null,
};
const barPart = (id: string, title: string, quantity: number, position: number): JsonRecord => ({
  id,
  title,
  quantity,
  price_each_in_cents: 0,
  price_in_cents: 0,
  line_type: 'charge',
  position,
  parent_line_id: barSet.id,
  tax_category_id: null,
});
const barParts = [barPart('3c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f', 'Bar counter', 1, 4), barPart('4d5e6f7a-8b9c-4d0e-9f2a-3b4c5d6e7f8a', 'Bar stool', 4, 5)];
const taxValue: JsonRecord = { id: 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b', name: 'Sales tax', percentage: 8.75, value_in_cents: 2625 };
const location: JsonRecord = { id: '754c12e4-45d9-420e-8f44-22f3498076f3', name: 'Main warehouse', address_line_1: '40 Pier Road' };

const deliveryAddress = '123 Harbor Way\n94107 San Francisco\nUnited States';
const billingAddress = 'Dana Whitfield\n500 Market Street\n94105 San Francisco\nUnited States';

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

// The kinds' fields, shared where kinds share a shape.

/** An amount in cents and its twin in main units: Booqable's own decimal name (v1 sent it), the key without `_in_cents`. */
const cents = (decimal: string, label: string): OutputField[] => moneyOutputFields({ minor: `${decimal}_in_cents`, decimal }, label);

const customerFields = (prefix: string): OutputField[] => [
  { key: `${prefix}__id`, label: 'Customer ID' },
  { key: `${prefix}__number`, label: 'Customer Number', type: 'integer' },
  { key: `${prefix}__name`, label: 'Customer Name' },
  { key: `${prefix}__first_name`, label: 'Customer First Name' },
  { key: `${prefix}__last_name`, label: 'Customer Last Name' },
  { key: `${prefix}__email`, label: 'Customer Email' },
  // Booqable keeps the phone as a customer property: `properties.phone` in v4.
  { key: `${prefix}__properties__phone`, label: 'Customer Phone' },
  { key: `${prefix}__email_marketing_consented`, label: 'Customer Email Marketing Consented', type: 'boolean' },
  { key: `${prefix}__email_marketing_consent_updated_at`, label: 'Customer Email Marketing Consent Updated At', type: 'datetime' },
  { key: `${prefix}__legal_type`, label: 'Customer Type (person or commercial)' },
  { key: `${prefix}__tag_list`, label: 'Customer Tags' },
  { key: `${prefix}__order_count`, label: 'Customer Order Count', type: 'integer' },
];
/** A customer's address property (lookups.ts), under Booqable's own names. */
const customerAddressFields: OutputField[] = [
  { key: 'data__address__address1', label: 'Customer Address Line 1' },
  { key: 'data__address__address2', label: 'Customer Address Line 2' },
  { key: 'data__address__city', label: 'Customer City' },
  { key: 'data__address__region', label: 'Customer Region' },
  { key: 'data__address__zipcode', label: 'Customer Postcode' },
  { key: 'data__address__country', label: 'Customer Country' },
  { key: 'data__address__one_line', label: 'Customer Address (One Line)' },
];
/** The sample customer's address property, as Booqable's property list gives it (_properties.md fields). */
const addressParts = { address1: '500 Market Street', address2: 'Suite 210', city: 'San Francisco', region: 'CA', zipcode: '94105', country: 'United States' };
const addressProperty: JsonRecord = {
  id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  name: 'Address',
  identifier: 'address',
  property_type: 'address',
  position: 1,
  ...addressParts,
  owner_id: customer.id,
  owner_type: 'customers',
};
/** As the address lookup gives it (lookups.ts). */
const customerAddress: JsonRecord = { ...addressParts, one_line: '500 Market Street, Suite 210, 94105 San Francisco, CA, United States' };
const lineFields: OutputField[] = [
  { key: 'data__line_items__summary', label: 'Line Items Summary' },
  { key: 'data__line_items__count', label: 'Line Count', type: 'integer' },
  ...lineItems(
    'data__line_items__lines',
    [
      { key: 'title', label: 'Title' },
      { key: 'quantity', label: 'Quantity', type: 'integer' },
      ...cents('price_each', 'Price Each'),
      ...cents('price', 'Price'),
      // A bundle's lines (parent_line_id), as one line of text under it; other lines have none.
      { key: 'parts', label: 'Bundle Parts (Bundles Only)' },
    ],
    'Line',
  ),
  ...lineItems(
    'data__line_items__taxes',
    [{ key: 'name', label: 'Name' }, { key: 'percentage', label: 'Rate (%)', type: 'number' }, ...cents('value', 'Amount')],
    'Tax Line',
  ),
];
const CURRENCY: OutputField = { key: 'company__currency', label: 'Currency' };
const stamps: OutputField[] = [
  { key: 'created_at', label: 'Created At', type: 'datetime' },
  { key: 'updated_at', label: 'Updated At', type: 'datetime' },
];
const totals: OutputField[] = [
  ...cents('grand_total', 'Subtotal (Before Tax)'),
  ...cents('grand_total_with_tax', 'Total With Tax'),
  ...cents('tax', 'Tax'),
  ...cents('deposit', 'Deposit'),
  ...cents('paid', 'Paid'),
  ...cents('to_be_paid', 'To Be Paid'),
];

/** What a document's events change: its archived flag, and a contract's or quote's confirmation and signature or an invoice's revision. */
const documentStates = (noun: string): OutputField[] => [
  { key: 'archived', label: 'Archived', type: 'boolean' },
  ...(noun === 'Invoice'
    ? [{ key: 'revised', label: 'Revised', type: 'boolean' as const }]
    : [
        { key: 'confirmed', label: 'Confirmed', type: 'boolean' as const },
        { key: 'signed', label: 'Signed', type: 'boolean' as const },
      ]),
];

const documentFields = (noun: string): OutputField[] => [
  ...prefixed(
    'data',
    [
      { key: 'id', label: 'ID' },
      { key: 'number', label: 'Number', type: 'integer' },
      { key: 'prefix_with_number', label: 'Full Number' },
      { key: 'status', label: 'Status' },
      { key: 'finalized', label: 'Finalized', type: 'boolean' },
      ...documentStates(noun),
      // Booqable's document types: date and due date are dates (YYYY-MM-DD), as an accounting app takes them.
      { key: 'date', label: 'Date' },
      { key: 'due_date', label: 'Due Date' },
      // The document's own copy of who it is for (the customer's at the time, unless edited on the document).
      { key: 'name', label: 'Billed To Name' },
      { key: 'address', label: 'Billed To Address' },
      { key: 'reference', label: 'Reference' },
      // The rental period Booqable's document carries (its resource page lists starts_at and stops_at).
      { key: 'starts_at', label: 'Rental Start', type: 'datetime' },
      { key: 'stops_at', label: 'Rental End', type: 'datetime' },
      { key: 'tag_list', label: 'Tags' },
      { key: 'discount_percentage', label: 'Discount (%)', type: 'number' },
      ...totals,
      ...stamps,
    ],
    noun,
  ),
  { key: 'data__order_id', label: 'Order ID' },
  { key: 'data__order__number', label: 'Order Number', type: 'integer' },
  { key: 'data__customer_id', label: 'Customer ID' },
  CURRENCY,
  ...customerFields('data__customer').filter((f) => f.key !== 'data__customer__id'),
  ...lineFields,
];

/** What every notification has. */
export const envelopeFields: OutputField[] = [
  { key: 'id', label: 'Notification ID' },
  { key: 'event', label: 'Event Code' },
  { key: 'created_at', label: 'Event Time', type: 'datetime' },
  { key: 'resource_type', label: 'Resource Type' },
];

/** What the adapter needs of a Booqable record kind. */
export interface BooqableFacts {
  /** `resource_type` of a delivery (for invoices, contracts and quotes Booqable shows none: `documents`, their API name, is our guess). */
  resourceType: string;
  /**
   * The relations a version-4 delivery of this resource carries (Booqable's webhook endpoints page): what a
   * "Test trigger" list asks to include, so a real record maps like a delivery, and which a delivery that
   * lacks them gets through a lookup (lookups.ts).
   */
  relations: readonly string[];
  /** The `.json` endpoint of real records for "Test trigger", and the filter it needs; none where Booqable has no list. */
  list?: { path: string; filter?: Record<string, string> };
  /** Its amounts have no currency of their own: it is the company's, looked up. */
  priced?: boolean;
  /** Its address is one of its properties (type `address`), not an attribute: looked up, as no delivery carries it. */
  addressed?: boolean;
}

// ——— Orders ———

const order: JsonRecord = {
  id: 'f3b7c9a2-6d1e-4a8b-9c0d-2e4f6a8b0c1d',
  created_at: '2026-11-18T16:41:10.000000+00:00',
  updated_at: EVENT_TIME,
  number: 1042,
  status: 'reserved',
  statuses: ['reserved'],
  status_counts: { new: 0, draft: 0, reserved: 101, started: 0, stopped: 0 },
  starts_at: '2026-12-04T14:00:00.000000+00:00',
  stops_at: '2026-12-06T10:00:00.000000+00:00',
  entirely_started: false,
  entirely_stopped: false,
  payment_status: 'partially_paid',
  fulfillment_type: 'delivery',
  delivery_address: deliveryAddress,
  item_count: 101,
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
  start_location_id: location.id,
  stop_location_id: location.id,
};

// What the lookups give for the samples' relations (lookups.ts), as a delivery that carried them would have them.
const COMPANY = { company: { name: company.name, currency: isoCurrency(company.currency) } };
const CUSTOMER = withNames(asRecord(withDecimals({ data: customer }).data)!);
const LINE_ITEMS = asRecord(withDecimals({ data: lineItemsOf([line, tent, barSet, ...barParts], [taxValue]) }).data)!;
const ORDER = asRecord(withDecimals({ data: order }).data)!;
const LOOKED_UP = {
  order: { data: { customer: CUSTOMER, line_items: LINE_ITEMS, start_location: location, stop_location: location }, ...COMPANY },
  document: { data: { customer: CUSTOMER, line_items: LINE_ITEMS, order: ORDER }, ...COMPANY },
  payment: { data: { customer: CUSTOMER, order: ORDER } },
  cart: { data: { customer: CUSTOMER, order: ORDER }, ...COMPANY },
  priced: COMPANY,
};

const orderKind: KindDefinition<BooqableFacts> = {
  noun: 'Order',
  facts: {
    resourceType: 'orders',
    relations: ['barcode', 'coupon', 'customer', 'lines', 'notes', 'plannings', 'properties', 'start_location', 'stop_location', 'tax_values'],
    list: { path: 'orders' },
    priced: true,
  },
  record: order,
  outputFields: [
    ...prefixed(
      'data',
      [
        { key: 'id', label: 'ID' },
        { key: 'number', label: 'Number', type: 'integer' },
        { key: 'status', label: 'Status' },
        { key: 'payment_status', label: 'Payment Status' },
        // The rental period as booked: on "Order Picked Up" and "Order Returned" these are the planned times, not when it happened.
        { key: 'starts_at', label: 'Rental Start (Planned Pickup)', type: 'datetime' },
        { key: 'stops_at', label: 'Rental End (Planned Return)', type: 'datetime' },
        // Booqable's partial pickup and return: some items out, not all.
        { key: 'entirely_started', label: 'Entirely Picked Up', type: 'boolean' },
        { key: 'entirely_stopped', label: 'Entirely Returned', type: 'boolean' },
        { key: 'item_count', label: 'Item Count', type: 'integer' },
        { key: 'fulfillment_type', label: 'Fulfillment (Pickup or Delivery)' },
        { key: 'delivery_address', label: 'Delivery Address' },
        { key: 'properties__billing_address', label: 'Billing Address' },
        { key: 'start_location__name', label: 'Pickup Location' },
        { key: 'stop_location__name', label: 'Return Location' },
        { key: 'tag_list', label: 'Tags' },
        { key: 'discount_percentage', label: 'Discount (%)', type: 'number' },
        ...totals,
        ...stamps,
      ],
      'Order',
    ),
    { key: 'data__customer_id', label: 'Customer ID' },
    CURRENCY,
    ...customerFields('data__customer').filter((f) => f.key !== 'data__customer__id'),
    ...lineFields,
  ],
  lookedUp: LOOKED_UP.order,
};

// ——— Invoices, contracts and quotes: Booqable's documents ———

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
  reference: 'PO-7731',
  starts_at: order.starts_at,
  stops_at: order.stops_at,
  tag_list: [],
  discount_percentage: 0,
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
  address: billingAddress,
});

/** A document kind: its record, its fields, and its list (documents filtered by type). */
const documentKind = (noun: 'Invoice' | 'Contract' | 'Quote', id: string, number: number): KindDefinition<BooqableFacts> => {
  const type = noun === 'Invoice' ? 'invoice' : noun === 'Contract' ? 'contract' : 'quote';
  return {
    noun,
    facts: {
      resourceType: 'documents',
      relations: ['coupon', 'customer', 'lines', 'order', 'tax_values'],
      list: { path: 'documents', filter: { 'filter[document_type][eq]': type } },
      priced: true,
    },
    record: documentOf(type, id, number),
    outputFields: documentFields(noun),
    lookedUp: LOOKED_UP.document,
  };
};

// ——— Customers (the record is the customer above, which orders and documents name) ———

const customerKind: KindDefinition<BooqableFacts> = {
  noun: 'Customer',
  facts: { resourceType: 'customers', relations: ['barcode', 'tax_region'], list: { path: 'customers' }, addressed: true },
  record: { ...customer, updated_at: EVENT_TIME },
  outputFields: [
    ...customerFields('data'),
    ...customerAddressFields,
    ...prefixed('data', [{ key: 'archived', label: 'Archived', type: 'boolean' }, ...stamps], 'Customer'),
  ],
  lookedUp: { data: { address: customerAddress } },
};

// ——— Products and product groups ———

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

const productGroupKind: KindDefinition<BooqableFacts> = {
  noun: 'Product Group',
  facts: {
    resourceType: 'product_groups',
    relations: ['photo', 'price_ruleset', 'price_structure', 'tax_category'],
    list: { path: 'product_groups' },
    priced: true,
  },
  record: productGroup,
  outputFields: [
    ...prefixed(
      'data',
      [
        { key: 'id', label: 'ID' },
        { key: 'name', label: 'Name' },
        { key: 'sku', label: 'SKU' },
        { key: 'product_type', label: 'Product Type' },
        ...cents('base_price', 'Base Price'),
        { key: 'archived', label: 'Archived', type: 'boolean' },
        ...stamps,
      ],
      'Product Group',
    ),
    CURRENCY,
  ],
  lookedUp: LOOKED_UP.priced,
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

const productKind: KindDefinition<BooqableFacts> = {
  noun: 'Product',
  facts: { resourceType: 'products', relations: ['barcode'], list: { path: 'products' }, priced: true },
  record: product,
  outputFields: [
    ...prefixed(
      'data',
      [
        { key: 'id', label: 'ID' },
        { key: 'name', label: 'Name' },
        { key: 'sku', label: 'SKU' },
        ...cents('base_price', 'Base Price'),
        { key: 'product_group_id', label: 'Group ID' },
        ...stamps,
      ],
      'Product',
    ),
    CURRENCY,
  ],
  lookedUp: LOOKED_UP.priced,
};

// ——— Payments ———

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
  // The provider's own id for the payment (a Stripe payment intent), and what a failed or refunded payment adds.
  provider_id: 'pi_3QkLm2EXAMPLE0a1b2c3d4e',
  description: 'Deposit and rental for order #1042',
  failure_reason: null,
  failed_at: null,
  amount_refunded_in_cents: 0,
  total_refunded_in_cents: 0,
  order_id: order.id,
  customer_id: customer.id,
};

const paymentKind: KindDefinition<BooqableFacts> = {
  noun: 'Payment',
  // A payment names its order and customer by id only: its resource page lists no relation it embeds.
  facts: { resourceType: 'payments', relations: [], list: { path: 'payments' } },
  record: payment,
  outputFields: [
    ...prefixed(
      'data',
      [
        { key: 'id', label: 'ID' },
        { key: 'type', label: 'Type' },
        { key: 'status', label: 'Status' },
        { key: 'provider', label: 'Provider' },
        { key: 'provider_method', label: 'Method' },
        // Booqable's `mode`: manual, off_session, request (a payment request the customer paid), terminal or capture.
        { key: 'mode', label: 'Collected Via (manual, request, terminal…)' },
        ...cents('amount', 'Amount'),
        ...cents('deposit', 'Deposit'),
        ...cents('total', 'Total'),
        // The ISO code (normalise.ts) beside Booqable's lower-case `currency`.
        { key: 'currency_code', label: 'Currency' },
        { key: 'succeeded_at', label: 'Succeeded At', type: 'datetime' },
        { key: 'provider_id', label: 'Provider Payment ID' },
        { key: 'description', label: 'Description' },
        { key: 'failure_reason', label: 'Failure Reason (Failed Payments Only)' },
        { key: 'failed_at', label: 'Failed At', type: 'datetime' },
        ...cents('amount_refunded', 'Amount Refunded'),
        ...cents('total_refunded', 'Total Refunded'),
        ...stamps,
      ],
      'Payment',
    ),
    // Booqable's own payment examples name no order and no customer (both may be null): the labels say so.
    ...[
      { key: 'data__order_id', label: 'Order ID' },
      { key: 'data__order__number', label: 'Order Number', type: 'integer' } as const,
      ...cents('data__order__grand_total_with_tax', 'Order Total With Tax'),
      { key: 'data__customer_id', label: 'Customer ID' },
      ...customerFields('data__customer').filter((f) => f.key !== 'data__customer__id'),
    ].map((f) => ({ ...f, label: `${f.label} (If the Payment Has One)` })),
  ],
  lookedUp: LOOKED_UP.payment,
};

// ——— Carts, bundles, the company and apps: Booqable lists none of them for "Test trigger" ———

const cart: JsonRecord = {
  id: '9b8a7f6e-5d4c-4b3a-a291-8f7e6d5c4b3a',
  created_at: '2026-11-20T13:58:00.000000+00:00',
  updated_at: EVENT_TIME,
  item_count: 101,
  grand_total_with_tax_in_cents: 32625,
  order_id: order.id,
  customer_id: customer.id,
};

const cartKind: KindDefinition<BooqableFacts> = {
  noun: 'Cart',
  // Booqable has no carts API: a cart's lines cannot be looked up; its customer and order can, by their ids.
  facts: { resourceType: 'carts', relations: ['customer', 'lines', 'order'], priced: true },
  record: cart,
  outputFields: [
    ...prefixed('data', [{ key: 'id', label: 'ID' }, ...cents('grand_total_with_tax', 'Total With Tax')], 'Cart'),
    { key: 'data__order__number', label: 'Order Number', type: 'integer' },
    CURRENCY,
    ...customerFields('data__customer'),
  ],
  lookedUp: LOOKED_UP.cart,
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

const bundleKind: KindDefinition<BooqableFacts> = {
  noun: 'Bundle',
  facts: { resourceType: 'bundles', relations: ['bundle_items'] },
  record: bundle,
  outputFields: prefixed(
    'data',
    [{ key: 'id', label: 'ID' }, { key: 'name', label: 'Name' }, { key: 'archived', label: 'Archived', type: 'boolean' }, ...stamps],
    'Bundle',
  ),
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

const bundleItemKind: KindDefinition<BooqableFacts> = {
  noun: 'Bundle Item',
  facts: { resourceType: 'bundle_items', relations: ['bundle', 'product', 'product_group'] },
  record: bundleItem,
  outputFields: prefixed(
    'data',
    [
      { key: 'id', label: 'ID' },
      { key: 'bundle_id', label: 'Bundle ID' },
      { key: 'bundle__name', label: 'Bundle Name' },
      { key: 'quantity', label: 'Quantity', type: 'integer' },
      { key: 'archived', label: 'Archived', type: 'boolean' },
    ],
    'Bundle Item',
  ),
};

const companyKind: KindDefinition<BooqableFacts> = {
  noun: 'Company',
  facts: { resourceType: 'companies', relations: [] },
  record: company,
  outputFields: prefixed(
    'data',
    [
      { key: 'id', label: 'ID' },
      { key: 'name', label: 'Name' },
      { key: 'email', label: 'Email' },
      { key: 'phone', label: 'Phone' },
    ],
    'Company',
  ),
};

// Booqable publishes no resource page for apps or carts: these carry only what the webhook page names.
const app: JsonRecord = { id: 'd4e5f6a7-b8c9-4d0e-9f1a-3b4c5d6e7f80', name: 'Zapier' };

const appKind: KindDefinition<BooqableFacts> = {
  noun: 'App',
  facts: { resourceType: 'apps', relations: [] },
  record: app,
  outputFields: prefixed(
    'data',
    [
      { key: 'id', label: 'ID' },
      { key: 'name', label: 'Name' },
    ],
    'App',
  ),
};

/** The samples' related records as Booqable's API answers them (for lookup answers in tests and the benchmark). */
export const SAMPLE_RELATIONS = {
  customer,
  addressProperty,
  lines: [line, tent, barSet, ...barParts],
  taxValues: [taxValue],
  location,
  order,
  company,
} as const;

/** The status an order is in after each order event (Booqable's order statuses): the samples show it. */
export const ORDER_STATUS: Record<string, string> = {
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
const recordAfter = (event: string, record: JsonRecord): JsonRecord => {
  const [resource, action = ''] = event.split('.');
  const out: JsonRecord = { ...record };
  if (action === 'created') out.created_at = EVENT_TIME;
  if (action === 'archived' && 'archived' in out) Object.assign(out, { archived: true, archived_at: EVENT_TIME });
  if (resource === 'order' && ORDER_STATUS[action]) {
    const status = ORDER_STATUS[action]!;
    Object.assign(out, { status, statuses: [status], status_counts: { new: 0, draft: 0, reserved: 0, started: 0, stopped: 0, [status]: 101 } });
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

const SAMPLE_NOTIFICATION_ID = '5f0c2a9e-7b3d-4e61-9a84-c2d1e0f3b5a7';

/** Booqable's kinds, named as the first part of their events (`order.reserved` → `order`). */
export const BOOQABLE_KINDS = defineKinds({
  // A notification around the record as its event leaves it.
  body: (event, record, facts: BooqableFacts) => envelope(event, facts.resourceType, recordAfter(event, record), SAMPLE_NOTIFICATION_ID, EVENT_TIME),
  sharedFields: envelopeFields,
  kinds: {
    order: orderKind,
    invoice: documentKind('Invoice', '0c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f', 2031),
    contract: documentKind('Contract', '1d0e9f8a-6a5b-4c3d-9e2f-1a0b9c8d7e6f', 877),
    quote: documentKind('Quote', '2e1f0a9b-6a5b-4c3d-9e2f-1a0b9c8d7e6f', 455),
    customer: customerKind,
    product_group: productGroupKind,
    product: productKind,
    payment: paymentKind,
    cart: cartKind,
    bundle: bundleKind,
    bundle_item: bundleItemKind,
    company: companyKind,
    app: appKind,
  },
});
