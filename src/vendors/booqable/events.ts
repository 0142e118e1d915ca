import type { EventRow, TriggerInput } from '../../lib/catalog';
import type { EventsOf } from '../../lib/vendor';
import { type BOOQABLE_KINDS, envelopeFields } from './kinds';

type KindName = keyof typeof BOOQABLE_KINDS;

/** Order Updated's choice about orders Booqable is still creating (status "new", no number): the adapter's `matchesInputs` applies it. */
export const ORDERS_WITHOUT_NUMBER: TriggerInput = {
  key: 'orders_without_number',
  label: 'Orders Still Being Created',
  helpText:
    'Booqable sends "Order Updated" while an order is still being created, before it has a number. Pick "Skip them" to run the Zap only for orders that have a number.',
  choices: { pass: 'Pass them on (every order)', skip: 'Skip them (only orders with a number)' },
  default: 'pass',
};

/** One row per trigger; keys are permanent. Booqable's current event list, plus the older `order.saved_as_concept` (docs/vendors.md). */
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
  {
    key: 'booqable_order_updated',
    events: ['order.updated'],
    label: 'Order Updated',
    when: 'an order is updated in Booqable',
    kind: 'order',
    // Booqable's own example of this event is such an order (docs/vendors.md, "ghost" orders).
    note: 'Booqable also sends this event while an order is still being created: its status is "new" and it has no number yet, and it may never be saved. Choose below whether the Zap runs for those too.',
    inputs: [ORDERS_WITHOUT_NUMBER],
  },
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
