import type { EventRow, JsonRecord, OutputField, RecordKind } from '../../lib/catalog';
import { lineItems, prefixed } from '../../lib/fields';
import { type MoneyRule, moneyOutputFields } from '../../lib/money';
import type { EventsOf } from '../../lib/vendor';
import { EVENT_TIME, RECORDS, recordAfter } from './samples';

/** What the adapter needs of a Booqable record kind. */
export interface BooqableApi {
  /** `resource_type` of a delivery (for invoices, contracts and quotes Booqable shows none: `documents`, their API name, is our guess). */
  resourceType: string;
  /** `.json` list endpoint for real samples; none for app, company, cart, bundle records. */
  list?: { path: string; params?: Record<string, string> };
}

/** An amount in cents and its twin in main units: Booqable's own decimal name (v1 sent it), the key without `_in_cents`. */
const cents = (decimal: string, label: string): OutputField[] => moneyOutputFields({ minor: `${decimal}_in_cents`, decimal }, label);

/** Every Booqable amount ends in `_in_cents`: each gets its twin, in the record and in every relation it carries. */
export const BOOQABLE_MONEY: MoneyRule[] = [{ at: 'data', suffix: '_in_cents', nested: true }];

const customerFields = (prefix: string, phoneKey: string): OutputField[] => [
  { key: `${prefix}__id`, label: 'Customer ID' },
  { key: `${prefix}__number`, label: 'Customer Number', type: 'integer' },
  { key: `${prefix}__name`, label: 'Customer Name' },
  { key: `${prefix}__email`, label: 'Customer Email' },
  // Booqable keeps the phone as a customer property: `properties.phone` in v4.
  { key: `${prefix}__${phoneKey}`, label: 'Customer Phone' },
];
const lineFields = lineItems(
  'data__lines',
  [{ key: 'title', label: 'Title' }, { key: 'quantity', label: 'Quantity', type: 'integer' }, ...cents('price_each', 'Price Each'), ...cents('price', 'Price')],
  'Line',
);
const stamps: OutputField[] = [
  { key: 'created_at', label: 'Created At', type: 'datetime' },
  { key: 'updated_at', label: 'Updated At', type: 'datetime' },
];
const totals: OutputField[] = [
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
      { key: 'date', label: 'Date' },
      { key: 'due_date', label: 'Due Date' },
      ...totals,
      { key: 'order__number', label: 'Order Number', type: 'integer' },
      ...stamps,
    ],
    noun,
  ),
  ...customerFields('data__customer', 'properties__phone'),
  ...lineFields,
];

const envelopeFields: OutputField[] = [
  { key: 'id', label: 'Notification ID' },
  { key: 'event', label: 'Event Code' },
  { key: 'created_at', label: 'Event Time', type: 'datetime' },
  { key: 'resource_type', label: 'Resource Type' },
];

/** A delivery as Booqable version 4 posts it: the notification around the record. */
export const envelope = (event: string, resourceType: string, data: JsonRecord, id: string, createdAt: string): JsonRecord => ({
  id,
  created_at: createdAt,
  event,
  resource_type: resourceType,
  data,
});

const SAMPLE_NOTIFICATION_ID = '5f0c2a9e-7b3d-4e61-9a84-c2d1e0f3b5a7';

/** A kind of Booqable record: its record arrives in a notification's `data`, as its event leaves it. */
const kind = (noun: string, resourceType: string, record: JsonRecord, fields: readonly OutputField[], list?: BooqableApi['list']): RecordKind<BooqableApi> => ({
  noun,
  delivery: (event) => envelope(event, resourceType, recordAfter(event, record), SAMPLE_NOTIFICATION_ID, EVENT_TIME),
  outputFields: [...envelopeFields, ...fields],
  api: { resourceType, ...(list ? { list } : {}) },
});

// "Test trigger" lists ask for the relations a delivery of the resource carries (Booqable's
// webhook endpoints page), so that a real record maps like a live delivery.
const DOCUMENT_RELATIONS = 'coupon,customer,lines,order,tax_values';
const documents = (type: 'invoice' | 'contract' | 'quote') => ({
  path: 'documents',
  params: { 'filter[document_type][eq]': type, include: DOCUMENT_RELATIONS },
});

export const BOOQABLE_KINDS = {
  order: kind(
    'Order',
    'orders',
    RECORDS.order,
    [
      ...prefixed(
        'data',
        [
          { key: 'id', label: 'ID' },
          { key: 'number', label: 'Number', type: 'integer' },
          { key: 'status', label: 'Status' },
          { key: 'payment_status', label: 'Payment Status' },
          { key: 'starts_at', label: 'Starts At', type: 'datetime' },
          { key: 'stops_at', label: 'Stops At', type: 'datetime' },
          { key: 'item_count', label: 'Item Count', type: 'integer' },
          { key: 'fulfillment_type', label: 'Fulfillment (Pickup or Delivery)' },
          { key: 'delivery_address', label: 'Delivery Address' },
          { key: 'properties__billing_address', label: 'Billing Address' },
          ...totals,
          ...stamps,
        ],
        'Order',
      ),
      ...customerFields('data__customer', 'properties__phone'),
      ...lineFields,
    ],
    { path: 'orders', params: { include: 'barcode,coupon,customer,lines,notes,plannings,properties,start_location,stop_location,tax_values' } },
  ),
  invoice: kind('Invoice', 'documents', RECORDS.invoice, documentFields('Invoice'), documents('invoice')),
  contract: kind('Contract', 'documents', RECORDS.contract, documentFields('Contract'), documents('contract')),
  quote: kind('Quote', 'documents', RECORDS.quote, documentFields('Quote'), documents('quote')),
  customer: kind(
    'Customer',
    'customers',
    RECORDS.customer,
    customerFields('data', 'properties__phone').concat(prefixed('data', [{ key: 'archived', label: 'Archived', type: 'boolean' }, ...stamps], 'Customer')),
    { path: 'customers', params: { include: 'barcode,tax_region' } },
  ),
  product_group: kind(
    'Product Group',
    'product_groups',
    RECORDS.product_group,
    prefixed(
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
    { path: 'product_groups', params: { include: 'photo,price_ruleset,price_structure,tax_category' } },
  ),
  product: kind(
    'Product',
    'products',
    RECORDS.product,
    prefixed(
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
    { path: 'products', params: { include: 'barcode' } },
  ),
  payment: kind(
    'Payment',
    'payments',
    RECORDS.payment,
    prefixed(
      'data',
      [
        { key: 'id', label: 'ID' },
        { key: 'type', label: 'Type' },
        { key: 'status', label: 'Status' },
        { key: 'provider', label: 'Provider' },
        { key: 'provider_method', label: 'Method' },
        { key: 'mode', label: 'Collected By' },
        ...cents('amount', 'Amount'),
        ...cents('deposit', 'Deposit'),
        ...cents('total', 'Total'),
        { key: 'currency', label: 'Currency' },
        { key: 'order_id', label: 'Order ID' },
        { key: 'succeeded_at', label: 'Succeeded At', type: 'datetime' },
        ...stamps,
      ],
      'Payment',
    ),
    { path: 'payments' },
  ),
  cart: kind('Cart', 'carts', RECORDS.cart, [
    ...prefixed(
      'data',
      [{ key: 'id', label: 'ID' }, ...cents('grand_total_with_tax', 'Total With Tax'), { key: 'order__number', label: 'Order Number', type: 'integer' }],
      'Cart',
    ),
    ...customerFields('data__customer', 'properties__phone'),
  ]),
  bundle: kind(
    'Bundle',
    'bundles',
    RECORDS.bundle,
    prefixed(
      'data',
      [{ key: 'id', label: 'ID' }, { key: 'name', label: 'Name' }, { key: 'archived', label: 'Archived', type: 'boolean' }, ...stamps],
      'Bundle',
    ),
  ),
  bundle_item: kind(
    'Bundle Item',
    'bundle_items',
    RECORDS.bundle_item,
    prefixed(
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
  ),
  company: kind(
    'Company',
    'companies',
    RECORDS.company,
    prefixed(
      'data',
      [
        { key: 'id', label: 'ID' },
        { key: 'name', label: 'Name' },
        { key: 'email', label: 'Email' },
        { key: 'phone', label: 'Phone' },
      ],
      'Company',
    ),
  ),
  app: kind(
    'App',
    'apps',
    RECORDS.app,
    prefixed(
      'data',
      [
        { key: 'id', label: 'ID' },
        { key: 'name', label: 'Name' },
      ],
      'App',
    ),
  ),
};

type KindName = keyof typeof BOOQABLE_KINDS;

/** One row per trigger; keys are permanent. Booqable's current event list, plus the seed's older `order.saved_as_concept`. */
export const BOOQABLE_ROWS = [
  { key: 'booqable_app_configured', events: ['app.configured'], label: 'App Configured', when: 'an app is configured in Booqable', kind: 'app', hidden: true },
  { key: 'booqable_app_installed', events: ['app.installed'], label: 'App Installed', when: 'an app is installed in Booqable', kind: 'app', hidden: true },
  {
    key: 'booqable_app_plan_changed',
    events: ['app.plan_changed'],
    label: 'App Plan Changed',
    when: 'the plan of an installed app changes in Booqable',
    kind: 'app',
    hidden: true,
  },
  {
    key: 'booqable_app_uninstalled',
    events: ['app.uninstalled'],
    label: 'App Uninstalled',
    when: 'an app is uninstalled in Booqable',
    kind: 'app',
    hidden: true,
  },
  {
    key: 'booqable_bundle_item_archived',
    events: ['bundle_item.archived'],
    label: 'Bundle Item Archived',
    when: 'a bundle item is archived in Booqable',
    kind: 'bundle_item',
    hidden: true,
  },
  {
    key: 'booqable_bundle_item_created',
    events: ['bundle_item.created'],
    label: 'Bundle Item Created',
    when: 'a bundle item is created in Booqable',
    kind: 'bundle_item',
    hidden: true,
  },
  {
    key: 'booqable_bundle_item_updated',
    events: ['bundle_item.updated'],
    label: 'Bundle Item Updated',
    when: 'a bundle item is updated in Booqable',
    kind: 'bundle_item',
    hidden: true,
  },
  { key: 'booqable_bundle_archived', events: ['bundle.archived'], label: 'Bundle Archived', when: 'a bundle is archived in Booqable', kind: 'bundle' },
  { key: 'booqable_bundle_created', events: ['bundle.created'], label: 'Bundle Created', when: 'a bundle is created in Booqable', kind: 'bundle' },
  { key: 'booqable_bundle_updated', events: ['bundle.updated'], label: 'Bundle Updated', when: 'a bundle is updated in Booqable', kind: 'bundle' },
  {
    key: 'booqable_cart_completed_checkout',
    events: ['cart.completed_checkout'],
    label: 'Cart Checkout Completed',
    when: 'a customer completes checkout of an online cart in Booqable',
    kind: 'cart',
  },
  {
    key: 'booqable_company_destroyed',
    events: ['company.destroyed'],
    label: 'Company Deleted',
    when: 'the company account is deleted in Booqable',
    kind: 'company',
    hidden: true,
  },
  {
    key: 'booqable_company_updated',
    events: ['company.updated'],
    label: 'Company Updated',
    when: 'the company settings are updated in Booqable',
    kind: 'company',
    hidden: true,
  },
  {
    key: 'booqable_contract_archived',
    events: ['contract.archived'],
    label: 'Contract Archived',
    when: 'a contract is archived in Booqable',
    kind: 'contract',
  },
  {
    key: 'booqable_contract_confirmed',
    events: ['contract.confirmed'],
    label: 'Contract Confirmed',
    when: 'a contract is confirmed in Booqable',
    kind: 'contract',
  },
  { key: 'booqable_contract_created', events: ['contract.created'], label: 'Contract Created', when: 'a contract is created in Booqable', kind: 'contract' },
  { key: 'booqable_contract_signed', events: ['contract.signed'], label: 'Contract Signed', when: 'a contract is signed in Booqable', kind: 'contract' },
  { key: 'booqable_contract_updated', events: ['contract.updated'], label: 'Contract Updated', when: 'a contract is updated in Booqable', kind: 'contract' },
  {
    key: 'booqable_customer_archived',
    events: ['customer.archived'],
    label: 'Customer Archived',
    when: 'a customer is archived in Booqable',
    kind: 'customer',
  },
  { key: 'booqable_customer_created', events: ['customer.created'], label: 'Customer Created', when: 'a customer is created in Booqable', kind: 'customer' },
  { key: 'booqable_customer_updated', events: ['customer.updated'], label: 'Customer Updated', when: 'a customer is updated in Booqable', kind: 'customer' },
  { key: 'booqable_invoice_archived', events: ['invoice.archived'], label: 'Invoice Archived', when: 'an invoice is archived in Booqable', kind: 'invoice' },
  { key: 'booqable_invoice_created', events: ['invoice.created'], label: 'Invoice Created', when: 'an invoice is created in Booqable', kind: 'invoice' },
  {
    key: 'booqable_invoice_finalized',
    events: ['invoice.finalized'],
    label: 'Invoice Finalized',
    when: 'an invoice is finalized in Booqable',
    kind: 'invoice',
  },
  { key: 'booqable_invoice_revised', events: ['invoice.revised'], label: 'Invoice Revised', when: 'an invoice is revised in Booqable', kind: 'invoice' },
  { key: 'booqable_invoice_updated', events: ['invoice.updated'], label: 'Invoice Updated', when: 'an invoice is updated in Booqable', kind: 'invoice' },
  { key: 'booqable_order_archived', events: ['order.archived'], label: 'Order Archived', when: 'an order is archived in Booqable', kind: 'order' },
  { key: 'booqable_order_canceled', events: ['order.canceled'], label: 'Order Canceled', when: 'an order is canceled in Booqable', kind: 'order' },
  { key: 'booqable_order_reserved', events: ['order.reserved'], label: 'Order Reserved', when: 'an order is reserved in Booqable', kind: 'order' },
  {
    key: 'booqable_order_reverted',
    events: ['order.reverted'],
    label: 'Order Reverted',
    when: 'an order is reverted to an earlier status in Booqable',
    kind: 'order',
  },
  {
    key: 'booqable_order_saved_as_draft',
    events: ['order.saved_as_draft'],
    label: 'Order Saved as Draft',
    when: 'an order is saved as a draft in Booqable',
    kind: 'order',
  },
  {
    key: 'booqable_order_started',
    events: ['order.started'],
    // Booqable's screens say "Picked up" where its API says started.
    label: 'Order Picked Up',
    when: 'an order is picked up or delivered (started) in Booqable',
    kind: 'order',
  },
  // Booqable's screens say "Returned" where its API says stopped.
  {
    key: 'booqable_order_stopped',
    events: ['order.stopped'],
    label: 'Order Returned',
    when: 'the items of an order are returned (the order is stopped) in Booqable',
    kind: 'order',
  },
  { key: 'booqable_order_updated', events: ['order.updated'], label: 'Order Updated', when: 'an order is updated in Booqable', kind: 'order' },
  { key: 'booqable_payment_completed', events: ['payment.completed'], label: 'Payment Completed', when: 'a payment is completed in Booqable', kind: 'payment' },
  {
    key: 'booqable_product_group_archived',
    events: ['product_group.archived'],
    label: 'Product Group Archived',
    when: 'a product group is archived in Booqable',
    kind: 'product_group',
  },
  {
    key: 'booqable_product_group_created',
    events: ['product_group.created'],
    label: 'Product Group Created',
    when: 'a product group is created in Booqable',
    kind: 'product_group',
  },
  {
    key: 'booqable_product_group_updated',
    events: ['product_group.updated'],
    label: 'Product Group Updated',
    when: 'a product group is updated in Booqable',
    kind: 'product_group',
  },
  { key: 'booqable_product_created', events: ['product.created'], label: 'Product Created', when: 'a product is created in Booqable', kind: 'product' },
  { key: 'booqable_quote_archived', events: ['quote.archived'], label: 'Quote Archived', when: 'a quote is archived in Booqable', kind: 'quote' },
  { key: 'booqable_quote_confirmed', events: ['quote.confirmed'], label: 'Quote Confirmed', when: 'a quote is confirmed in Booqable', kind: 'quote' },
  { key: 'booqable_quote_created', events: ['quote.created'], label: 'Quote Created', when: 'a quote is created in Booqable', kind: 'quote' },
  { key: 'booqable_quote_signed', events: ['quote.signed'], label: 'Quote Signed', when: 'a quote is signed in Booqable', kind: 'quote' },
  { key: 'booqable_quote_updated', events: ['quote.updated'], label: 'Quote Updated', when: 'a quote is updated in Booqable', kind: 'quote' },
  // The older name of saved_as_draft: Booqable still accepts it in a subscription, but it is not among
  // the events a notification carries, so this retired trigger subscribes to and fires on saved_as_draft too.
  {
    key: 'booqable_order_saved_as_concept',
    events: ['order.saved_as_draft', 'order.saved_as_concept'],
    label: 'Order Saved as Concept',
    when: 'an order is saved as a concept (the older name of saved as draft) in Booqable',
    kind: 'order',
    retired: true,
  },
] as const satisfies readonly EventRow<string, KindName>[];

export type BooqableEvent = EventsOf<typeof BOOQABLE_ROWS>;

export const BOOQABLE_ANY_EVENT = {
  key: 'booqable_event',
  label: 'New Booqable Event',
  when: 'any of the Booqable events you pick occurs, in one Zap',
  sampleOf: 'booqable_order_updated',
  outputFields: envelopeFields,
};
