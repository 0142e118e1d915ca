import { DELIVERY_SCHEMAS } from '../../lib/delivery-schemas';
import type { AnyEventEntry, CatalogEntry, JsonRecord, OutputField } from '../../lib/catalog';
import { lineItems, prefixed } from '../../lib/fields';
import * as samples from './samples';

/** Booqable's current event list, plus the seed's older `order.saved_as_concept`. */
export const BOOQABLE_EVENTS = [
  'app.configured', 'app.installed', 'app.plan_changed', 'app.uninstalled',
  'bundle_item.archived', 'bundle_item.created', 'bundle_item.updated',
  'bundle.archived', 'bundle.created', 'bundle.updated',
  'cart.completed_checkout',
  'company.destroyed', 'company.updated',
  'contract.archived', 'contract.confirmed', 'contract.created', 'contract.signed', 'contract.updated',
  'customer.archived', 'customer.created', 'customer.updated',
  'invoice.archived', 'invoice.created', 'invoice.finalized', 'invoice.revised', 'invoice.updated',
  'order.archived', 'order.canceled', 'order.reserved', 'order.reverted', 'order.saved_as_draft',
  'order.started', 'order.stopped', 'order.updated',
  'payment.completed',
  'product_group.archived', 'product_group.created', 'product_group.updated',
  'product.created',
  'quote.archived', 'quote.confirmed', 'quote.created', 'quote.signed', 'quote.updated',
  'order.saved_as_concept',
] as const;

export type BooqableEvent = (typeof BOOQABLE_EVENTS)[number];

/** How one kind of Booqable record is shown, sampled, and listed for "Test trigger". */
interface Resource {
  noun: string;
  /** `resource_type` of a delivery. */
  type: string;
  sample: JsonRecord;
  fields: OutputField[];
  /** `.json` list endpoint for real samples; none for app, company, cart, bundle records. */
  list?: { path: string; params?: Record<string, string> };
}

// Output fields carry no help text in Zapier's schema, so the label says the unit.
const money = (key: string, label: string): OutputField => ({ key, label, type: 'integer' });
const customerFields = (prefix: string): OutputField[] => [
  { key: `${prefix}__id`, label: 'Customer ID' },
  { key: `${prefix}__number`, label: 'Customer Number', type: 'integer' },
  { key: `${prefix}__name`, label: 'Customer Name' },
  { key: `${prefix}__email`, label: 'Customer Email' },
];
const lineFields = lineItems('data__lines', [
  { key: 'title', label: 'Title' },
  { key: 'quantity', label: 'Quantity', type: 'integer' },
  money('price_in_cents', 'Price (Cents)'),
], 'Line');
const stamps: OutputField[] = [
  { key: 'created_at', label: 'Created At', type: 'datetime' },
  { key: 'updated_at', label: 'Updated At', type: 'datetime' },
];

const documentFields = (noun: string): OutputField[] => [
  ...prefixed('data', [
    { key: 'id', label: 'ID' },
    { key: 'number', label: 'Number', type: 'integer' },
    { key: 'prefix_number', label: 'Full Number' },
    { key: 'status', label: 'Status' },
    { key: 'date', label: 'Date' },
    { key: 'due_date', label: 'Due Date' },
    money('grand_total_with_tax_in_cents', 'Total With Tax (Cents)'),
    money('tax_in_cents', 'Tax (Cents)'),
    money('to_be_paid_in_cents', 'To Be Paid (Cents)'),
    { key: 'order__number', label: 'Order Number', type: 'integer' },
    ...stamps,
  ], noun),
  ...customerFields('data__customer'),
  ...lineFields,
];

const RESOURCES = {
  order: {
    noun: 'Order', type: 'orders', sample: samples.order, list: { path: 'orders' },
    fields: [
      ...prefixed('data', [
        { key: 'id', label: 'ID' },
        { key: 'number', label: 'Number', type: 'integer' },
        { key: 'status', label: 'Status' },
        { key: 'starts_at', label: 'Starts At', type: 'datetime' },
        { key: 'stops_at', label: 'Stops At', type: 'datetime' },
        { key: 'item_count', label: 'Item Count', type: 'integer' },
        money('grand_total_with_tax_in_cents', 'Total With Tax (Cents)'),
        money('deposit_in_cents', 'Deposit (Cents)'),
        money('paid_in_cents', 'Paid (Cents)'),
        money('to_be_paid_in_cents', 'To Be Paid (Cents)'),
        ...stamps,
      ], 'Order'),
      ...customerFields('data__customer'),
      ...lineFields,
    ],
  },
  invoice: { noun: 'Invoice', type: 'documents', sample: samples.invoice, list: { path: 'documents', params: { 'filter[document_type][eq]': 'invoice' } }, fields: documentFields('Invoice') },
  contract: { noun: 'Contract', type: 'documents', sample: samples.contract, list: { path: 'documents', params: { 'filter[document_type][eq]': 'contract' } }, fields: documentFields('Contract') },
  quote: { noun: 'Quote', type: 'documents', sample: samples.quote, list: { path: 'documents', params: { 'filter[document_type][eq]': 'quote' } }, fields: documentFields('Quote') },
  customer: {
    noun: 'Customer', type: 'customers', sample: samples.customer, list: { path: 'customers' },
    fields: customerFields('data').concat(prefixed('data', [{ key: 'archived', label: 'Archived', type: 'boolean' }, ...stamps], 'Customer')),
  },
  product_group: {
    noun: 'Product Group', type: 'product_groups', sample: samples.productGroup, list: { path: 'product_groups' },
    fields: prefixed('data', [
      { key: 'id', label: 'ID' }, { key: 'name', label: 'Name' }, { key: 'sku', label: 'SKU' },
      money('base_price_in_cents', 'Base Price (Cents)'), { key: 'stock_count', label: 'Stock Count', type: 'integer' }, ...stamps,
    ], 'Product Group'),
  },
  product: {
    noun: 'Product', type: 'products', sample: samples.product, list: { path: 'products' },
    fields: prefixed('data', [{ key: 'id', label: 'ID' }, { key: 'name', label: 'Name' }, { key: 'sku', label: 'SKU' }, { key: 'product_group_id', label: 'Group ID' }, ...stamps], 'Product'),
  },
  payment: {
    noun: 'Payment', type: 'payments', sample: samples.payment, list: { path: 'payments' },
    fields: prefixed('data', [
      { key: 'id', label: 'ID' }, { key: 'status', label: 'Status' }, { key: 'mode', label: 'Method' },
      money('amount_in_cents', 'Amount (Cents)'), { key: 'currency', label: 'Currency' }, { key: 'order_id', label: 'Order ID' }, ...stamps,
    ], 'Payment'),
  },
  cart: {
    noun: 'Cart', type: 'carts', sample: samples.cart,
    fields: [
      ...prefixed('data', [{ key: 'id', label: 'ID' }, money('grand_total_with_tax_in_cents', 'Total With Tax (Cents)'), { key: 'order__number', label: 'Order Number', type: 'integer' }], 'Cart'),
      ...customerFields('data__customer'),
    ],
  },
  bundle: {
    noun: 'Bundle', type: 'bundles', sample: samples.bundle,
    fields: prefixed('data', [{ key: 'id', label: 'ID' }, { key: 'name', label: 'Name' }, ...stamps], 'Bundle'),
  },
  bundle_item: {
    noun: 'Bundle Item', type: 'bundle_items', sample: samples.bundleItem,
    fields: prefixed('data', [{ key: 'id', label: 'ID' }, { key: 'bundle_id', label: 'Bundle ID' }, { key: 'quantity', label: 'Quantity', type: 'integer' }], 'Bundle Item'),
  },
  company: {
    noun: 'Company', type: 'companies', sample: samples.company,
    fields: prefixed('data', [{ key: 'id', label: 'ID' }, { key: 'name', label: 'Name' }, { key: 'email', label: 'Email' }], 'Company'),
  },
  app: {
    noun: 'App', type: 'apps', sample: samples.app,
    fields: prefixed('data', [{ key: 'id', label: 'ID' }, { key: 'name', label: 'Name' }], 'App'),
  },
} satisfies Record<string, Resource>;

type ResourceName = keyof typeof RESOURCES;

const envelopeFields: OutputField[] = [
  { key: 'id', label: 'Notification ID' },
  { key: 'event', label: 'Event' },
  { key: 'created_at', label: 'Event Time', type: 'datetime' },
  { key: 'resource_type', label: 'Resource Type' },
];


/** A delivery as Booqable version 4 posts it: the notification around the record. */
export const envelope = (event: BooqableEvent, resource: ResourceName, data: JsonRecord, id: string, createdAt: string): JsonRecord => ({
  id,
  created_at: createdAt,
  event,
  resource_type: RESOURCES[resource].type,
  data,
});

const SAMPLE_NOTIFICATION_ID = '5f0c2a9e-7b3d-4e61-9a84-c2d1e0f3b5a7';
const SAMPLE_TIME = '2026-11-20T14:03:12.000000+00:00';

/** [trigger key, event, label, "Triggers when …" phrase, resource, hidden] — keys are permanent. */
const ROWS: ReadonlyArray<readonly [string, BooqableEvent, string, string, ResourceName, boolean?]> = [
  ['booqable_app_configured', 'app.configured', 'App Configured', 'an app is configured', 'app'],
  ['booqable_app_installed', 'app.installed', 'App Installed', 'an app is installed', 'app'],
  ['booqable_app_plan_changed', 'app.plan_changed', 'App Plan Changed', 'the plan of an installed app changes', 'app'],
  ['booqable_app_uninstalled', 'app.uninstalled', 'App Uninstalled', 'an app is uninstalled', 'app'],
  ['booqable_bundle_item_archived', 'bundle_item.archived', 'Bundle Item Archived', 'a bundle item is archived', 'bundle_item'],
  ['booqable_bundle_item_created', 'bundle_item.created', 'Bundle Item Created', 'a bundle item is created', 'bundle_item'],
  ['booqable_bundle_item_updated', 'bundle_item.updated', 'Bundle Item Updated', 'a bundle item is updated', 'bundle_item'],
  ['booqable_bundle_archived', 'bundle.archived', 'Bundle Archived', 'a bundle is archived', 'bundle'],
  ['booqable_bundle_created', 'bundle.created', 'Bundle Created', 'a bundle is created', 'bundle'],
  ['booqable_bundle_updated', 'bundle.updated', 'Bundle Updated', 'a bundle is updated', 'bundle'],
  ['booqable_cart_completed_checkout', 'cart.completed_checkout', 'Cart Checkout Completed', 'a customer completes checkout of an online cart', 'cart'],
  ['booqable_company_destroyed', 'company.destroyed', 'Company Deleted', 'the company account is deleted', 'company'],
  ['booqable_company_updated', 'company.updated', 'Company Updated', 'the company settings are updated', 'company'],
  ['booqable_contract_archived', 'contract.archived', 'Contract Archived', 'a contract is archived', 'contract'],
  ['booqable_contract_confirmed', 'contract.confirmed', 'Contract Confirmed', 'a contract is confirmed', 'contract'],
  ['booqable_contract_created', 'contract.created', 'Contract Created', 'a contract is created', 'contract'],
  ['booqable_contract_signed', 'contract.signed', 'Contract Signed', 'a contract is signed', 'contract'],
  ['booqable_contract_updated', 'contract.updated', 'Contract Updated', 'a contract is updated', 'contract'],
  ['booqable_customer_archived', 'customer.archived', 'Customer Archived', 'a customer is archived', 'customer'],
  ['booqable_customer_created', 'customer.created', 'Customer Created', 'a customer is created', 'customer'],
  ['booqable_customer_updated', 'customer.updated', 'Customer Updated', 'a customer is updated', 'customer'],
  ['booqable_invoice_archived', 'invoice.archived', 'Invoice Archived', 'an invoice is archived', 'invoice'],
  ['booqable_invoice_created', 'invoice.created', 'Invoice Created', 'an invoice is created', 'invoice'],
  ['booqable_invoice_finalized', 'invoice.finalized', 'Invoice Finalized', 'an invoice is finalized', 'invoice'],
  ['booqable_invoice_revised', 'invoice.revised', 'Invoice Revised', 'an invoice is revised', 'invoice'],
  ['booqable_invoice_updated', 'invoice.updated', 'Invoice Updated', 'an invoice is updated', 'invoice'],
  ['booqable_order_archived', 'order.archived', 'Order Archived', 'an order is archived', 'order'],
  ['booqable_order_canceled', 'order.canceled', 'Order Canceled', 'an order is canceled', 'order'],
  ['booqable_order_reserved', 'order.reserved', 'Order Reserved', 'an order is reserved', 'order'],
  ['booqable_order_reverted', 'order.reverted', 'Order Reverted', 'an order is reverted to an earlier status', 'order'],
  ['booqable_order_saved_as_draft', 'order.saved_as_draft', 'Order Saved As Draft', 'an order is saved as a draft', 'order'],
  ['booqable_order_started', 'order.started', 'Order Started', 'an order is started (items picked up or delivered)', 'order'],
  ['booqable_order_stopped', 'order.stopped', 'Order Stopped', 'an order is stopped (items returned)', 'order'],
  ['booqable_order_updated', 'order.updated', 'Order Updated', 'an order is updated', 'order'],
  ['booqable_payment_completed', 'payment.completed', 'Payment Completed', 'a payment is completed', 'payment'],
  ['booqable_product_group_archived', 'product_group.archived', 'Product Group Archived', 'a product group is archived', 'product_group'],
  ['booqable_product_group_created', 'product_group.created', 'Product Group Created', 'a product group is created', 'product_group'],
  ['booqable_product_group_updated', 'product_group.updated', 'Product Group Updated', 'a product group is updated', 'product_group'],
  ['booqable_product_created', 'product.created', 'Product Created', 'a product is created', 'product'],
  ['booqable_quote_archived', 'quote.archived', 'Quote Archived', 'a quote is archived', 'quote'],
  ['booqable_quote_confirmed', 'quote.confirmed', 'Quote Confirmed', 'a quote is confirmed', 'quote'],
  ['booqable_quote_created', 'quote.created', 'Quote Created', 'a quote is created', 'quote'],
  ['booqable_quote_signed', 'quote.signed', 'Quote Signed', 'a quote is signed', 'quote'],
  ['booqable_quote_updated', 'quote.updated', 'Quote Updated', 'a quote is updated', 'quote'],
  // The seed's older name of saved_as_draft: hidden, so Zaps built on it keep working.
  ['booqable_order_saved_as_concept', 'order.saved_as_concept', 'Order Saved As Concept (Legacy)', 'an order is saved as a concept (the older name of saved as draft)', 'order', true],
];

export interface BooqableEntry extends CatalogEntry<BooqableEvent> {
  resource: ResourceName;
}

export const BOOQABLE_ENTRIES: readonly BooqableEntry[] = ROWS.map(([key, event, label, phrase, resource, hidden]) => ({
  key,
  label,
  noun: RESOURCES[resource].noun,
  description: `Triggers when ${phrase} in Booqable.`,
  events: [event],
  ...(hidden ? { hidden } : {}),
  resource,
  sample: envelope(event, resource, RESOURCES[resource].sample, SAMPLE_NOTIFICATION_ID, SAMPLE_TIME),
  outputFields: [...envelopeFields, ...RESOURCES[resource].fields],
  schema: DELIVERY_SCHEMAS.booqable,
}));

export const BOOQABLE_ANY_EVENT: AnyEventEntry<BooqableEvent> = {
  anyEvent: true,
  key: 'booqable_event',
  label: 'New Booqable Event',
  noun: 'Event',
  description: 'Triggers when any of the Booqable events you pick occurs, in one Zap.',
  choices: BOOQABLE_ENTRIES,
  pickRequired: true,
  sample: BOOQABLE_ENTRIES.find((e) => e.key === 'booqable_order_updated')!.sample,
  outputFields: envelopeFields,
  schema: DELIVERY_SCHEMAS.booqable,
};

export const resourceOf = (name: ResourceName): Resource => RESOURCES[name];
