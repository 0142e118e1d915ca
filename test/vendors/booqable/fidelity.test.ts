import { describeKindCoverage, fidelityOf, fieldListsOf } from '../../support/fidelity';
import { loadCapture } from '../../support/fixtures';
import { vendorOf } from '../../support/runtime';
import documented from './fixtures/documented-fields.json';

/**
 * Fields that match what Booqable really sends: deliveries built from Booqable's own documented
 * examples (fixtures name their page) run through the app, and every labelled field is checked
 * against the attribute names Booqable documents for the resource.
 */

const resources: Record<string, readonly string[]> = documented.resources;
const twinOf = (key: string) => `${key}_in_cents`;
const minorOf = (key: string) =>
  key.includes('__') || key.includes('[]') ? key.replace(/(__|\[\])([a-z_]+)$/, (_, sep: string, name: string) => `${sep}${twinOf(name)}`) : undefined;

// Relations a field reads through: `data__customer__email` is a customer's `email`.
const RELATIONS: Record<string, string> = {
  customer: 'customers',
  // A customer's address is its address property (lookups.ts).
  address: 'properties',
  order: 'orders',
  bundle: 'bundles',
  product_group: 'product_groups',
  product: 'products',
  start_location: 'locations',
  stop_location: 'locations',
};
// Lists under `data__line_items` (lookups.ts): the charge lines and the tax lines.
const LISTS: Record<string, string> = { data__line_items__lines: 'lines', data__line_items__taxes: 'tax_values' };

/** Fields that are ours, derived from documented ones, by resource and attribute: why. */
const DERIVED: Record<string, string> = {
  'customers first_name': "split from the customer's one `name` (for a person; empty for a company)",
  'customers last_name': "split from the customer's one `name` (for a person; empty for a company)",
  'line_items summary': 'one line of text from the charge lines: "100 × Folding chair, white; 1 × Tent 3×6 m"',
  'line_items count': 'how many charge lines there are, a bundle with its parts counting once and removed lines not at all',
  'properties one_line': "an address property's parts as one line, postcode before city",
  'payments currency_code': "Booqable's lower-case `currency` as the ISO code (USD)",
  'lines parts': "a bundle line's child lines (their `parent_line_id`), as one line of text",
};

/** The resource a field's key reads, and the attribute. */
const attributeOf = (resourceType: string, key: string): [string, string] => {
  if (key.startsWith('company__')) return ['companies', key.slice('company__'.length)];
  if (!key.startsWith('data')) return ['notification', key];
  const [path, listField] = key.split('[]');
  if (listField !== undefined) return [LISTS[path!] ?? 'lines', listField];
  const parts = path!.split('__').slice(1);
  if (parts[0] === 'line_items') return ['line_items', parts.slice(1).join('__')];
  const relation = parts.length > 1 ? RELATIONS[parts[0]!] : undefined;
  return relation ? [relation, parts.slice(1).join('__')] : [resourceType, parts.join('__')];
};

/** Is the attribute documented: itself, as the twin of a documented `…_in_cents`, or as an identifier in a documented `properties` hash? */
const isDocumented = (resource: string, attribute: string): boolean => {
  // The event in words, added by New Booqable Event beside the event code.
  if (resource === 'notification' && attribute === 'event_title') return true;
  if (DERIVED[`${resource} ${attribute}`]) return true;
  const names = resource === 'notification' ? documented.notification : resources[resource];
  if (!names) return false;
  const [head] = attribute.split('__');
  return names.includes(attribute) || names.includes(twinOf(attribute)) || (head === 'properties' && names.includes('properties'));
};

// Booqable publishes no resource page for these: their fields come from the webhook page alone.
const UNDOCUMENTED_KINDS: Record<string, string> = {
  apps: 'Booqable has no v4 resource page for apps; only id and name are labelled',
  carts: 'Booqable has no v4 resource page for carts; the labelled fields are those of the documents a cart becomes',
};

const booqable = vendorOf('booqable');

const EXAMPLES = [
  ['booqable_order_updated', 'docs-v4-order-updated.json', 12],
  ['booqable_invoice_finalized', 'docs-v4-invoice-finalized.json', 14],
  ['booqable_customer_updated', 'docs-v4-customer-updated.json', 17],
  ['booqable_payment_completed', 'docs-v4-payment-completed.json', 28],
  ['booqable_product_group_updated', 'docs-v4-product-group-updated.json', 10],
] as const;

describe('Booqable fidelity: documented examples through the app', () => {
  it.each(EXAMPLES)('%s: every labelled field the documented example carries comes out filled', async (key, fixture, atLeast) => {
    const { items, carried, empty } = await fidelityOf(key, loadCapture(`vendors/booqable/fixtures/${fixture}`), {}, minorOf);
    expect(items).toHaveLength(1);
    expect(carried.length).toBeGreaterThanOrEqual(atLeast);
    expect(empty).toEqual([]);
  });
});

const LOOKED_UP = 'looked up when a Zap step maps it, resolved against documented answers in test/vendors/booqable/lookups.test.ts';
describeKindCoverage(
  'booqable',
  EXAMPLES.map(([key, file]) => [key, file] as const),
  {
    'data__customer__*': LOOKED_UP,
    'data__line_items__*': LOOKED_UP,
    'data__order__*': LOOKED_UP,
    'data__start_location__*': LOOKED_UP,
    'data__stop_location__*': LOOKED_UP,
    'data__address__*': LOOKED_UP,
    'company__*': LOOKED_UP,
    data__failure_reason: 'Booqable fills it for a failed payment only; its documented example is a completed one',
  },
);

describe('Booqable fidelity: no labelled field points at a key Booqable does not document', () => {
  it.each(fieldListsOf(booqable))('%s', (_name, fields, facts) => {
    const resourceType = (facts as { resourceType?: string } | undefined)?.resourceType ?? 'notification';
    const unknown = fields
      .map((f) => [f.key, ...attributeOf(resourceType === 'documents' ? 'documents' : resourceType, f.key)] as const)
      .filter(([, resource, attribute]) => !UNDOCUMENTED_KINDS[resource] && !isDocumented(resource, attribute))
      .map(([fieldKey]) => fieldKey);
    expect(unknown).toEqual([]);
  });

  it('fails for a field Booqable does not have (the old "Full Number" key)', () => {
    expect(isDocumented('documents', 'prefix_number')).toBe(false);
    expect(isDocumented('documents', 'prefix_with_number')).toBe(true);
    expect(isDocumented('product_groups', 'stock_count')).toBe(false);
  });
});

/**
 * Documented attributes a person does not map, with why: every other documented attribute of a
 * kind's resource is labelled (itself or as its `_in_cents` amount's twin).
 */
const RAW: readonly (readonly [RegExp, string])[] = [
  [/_attributes$|_base64$|^remove_|^remote_|^override_|^dismiss_|^confirm_shortage$/, 'write-only: what an API client sends Booqable, never what it sends'],
  [
    /_id$/,
    "another record's id: where a person needs that record it is looked up and labelled (customer, order, locations); a tax region's, coupon's, photo's or employee's id is no use to a Zap step",
  ],
  [/^archived_at$/, 'when it was archived: Archived is labelled'],
  [/^properties$/, "custom fields keyed by the account's own identifiers: passed through under `properties` (phone and addresses labelled)"],
  [
    /^(seo_|photo_url$|excerpt$|extra_information$|show_in_store$|sorting_weight$|slug$|create_url_redirect$|description$|group_name$)/,
    "the online store's presentation",
  ],
  [
    /^(buffer_time_|trackable$|tracking_type$|stock_item_properties$|has_variations$|variation|weight|price_period$|price_type$|structure_price|flat_fee_price|default_purchase_cost|attributes$|product_type$|type$|taxable$|discountable$|archived$)/,
    'how the product is rented and stocked: settings, not what a Zap on a change maps',
  ],
  [
    /^(deposit_|discount_|coupon_|total_discount|amount_|total_|price_in_cents$)/,
    'a part of the totals: the totals, deposit, paid and to-be-paid amounts are labelled',
  ],
  [
    /^(statuses|status_counts|shortage|location_shortage|coupon_errors|has_signed_contract)$/,
    "the order's planning state: its Status and Payment Status are labelled",
  ],
  [
    /^(body|footer|prefix|document_type|revision|sent|signature_url|confirmed_at|delivery_|fulfillment_type$)/,
    'the document as Booqable prints it: its number, dates, totals and billed-to are labelled',
  ],
  [/^(average_order_value|balance_due|revenue|latest_order_at|merge_suggestion|stripe_id)/, "Booqable's own statistics and links for the customer"],
  [
    /^(capturable|capture_before|captured_at|canceled_at|expired_at|refundable|provider_link|provider_secret|redirect_url|reason|currency)$/,
    'card-hold and provider details: the status, amounts, refunds and failure reason are labelled (Currency as the ISO code)',
  ],
  [
    /^(confirmed|signed|revised)$/,
    'a state of another document type: an invoice is revised, a contract or quote confirmed and signed, each labelled on its own kind',
  ],
  [
    /^(created_at|updated_at|tag_list|position)$/,
    "catalogue details (a product's or bundle's tags, a bundle item's times and place in its bundle): orders, documents and customers label their tags and times",
  ],
];

describe('Booqable fidelity: every documented attribute of a kind is labelled, or says why not', () => {
  it.each(fieldListsOf(booqable).filter(([, , facts]) => facts !== undefined))('%s', (_name, fields, facts) => {
    const resource = (facts as { resourceType: string }).resourceType;
    // A company's attributes are the account's own settings (address, billing, VAT, subscription, theme): a Zap maps its name and currency.
    if (UNDOCUMENTED_KINDS[resource] || resource === 'companies') return;
    const labelled = new Set(fields.map((f) => f.key));
    const raw = (resources[resource] ?? []).filter(
      (attribute) =>
        !labelled.has(`data__${attribute}`) &&
        !labelled.has(`data__${attribute.replace(/_in_cents$/, '')}`) &&
        !RAW.some(([pattern]) => pattern.test(attribute)),
    );
    expect(raw).toEqual([]);
  });
});
