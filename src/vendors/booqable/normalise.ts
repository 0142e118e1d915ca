import type { JsonRecord } from '../../lib/catalog';
import { linesSummary, nameParts } from '../../lib/derived';
import { type MoneyRule, withDecimalTwins } from '../../lib/money';
import { asRecord, asString, isRecord, pick } from '../../lib/values';

/** Every Booqable amount ends in `_in_cents`: each gets its twin, in the record and in every relation it carries. */
const BOOQABLE_MONEY: MoneyRule[] = [{ at: 'data', suffix: '_in_cents', nested: true }];

/** Booqable sends money in cents only (v4): every amount gets its twin in main units. */
export const withDecimals = withDecimalTwins(BOOQABLE_MONEY);

/** A customer with first and last name beside Booqable's one `name`, for a person (a business has no first name). */
export const withNames = (customer: JsonRecord): JsonRecord =>
  customer.legal_type === 'commercial' || Object.hasOwn(customer, 'first_name') ? customer : { ...customer, ...nameParts(customer.name) };

const LINE_KEYS = ['title', 'quantity', 'price_each_in_cents', 'price_each', 'price_in_cents', 'price', 'item_id'];
const TAX_KEYS = ['name', 'percentage', 'value_in_cents', 'value'];

const isCharge = (line: JsonRecord) => line.line_type === undefined || line.line_type === null || line.line_type === 'charge';
/** A removed add-on stays on the order as a line with quantity 0. */
const isRemoved = (line: JsonRecord) => line.quantity === 0 || line.quantity === '0';

/**
 * What a person maps of a record's lines: the charge lines (sections, deposits and delivery rates
 * are Booqable's own) without removed ones, each bundle once with its parts (`parent_line_id`)
 * under it as one line of text, their count as a person counts them, a one-line summary, and the
 * tax lines. The same whether the delivery carried the lines or they were looked up.
 */
export const lineItemsOf = (lines: unknown, taxValues?: unknown): JsonRecord => {
  const charges = (Array.isArray(lines) ? lines : [])
    .filter(isRecord)
    .filter(isCharge)
    .filter((line) => !isRemoved(line));
  const ids = new Set<unknown>(charges.map((line) => line.id).filter((id) => id !== undefined && id !== null));
  // Each bundle's parts, grouped in one pass: an order may have thousands of lines.
  const byBundle = new Map<unknown, JsonRecord[]>();
  for (const line of charges) {
    if (!ids.has(line.parent_line_id)) continue;
    const parts = byBundle.get(line.parent_line_id);
    if (parts) parts.push(line);
    else byBundle.set(line.parent_line_id, [line]);
  }
  const partsOf = (line: JsonRecord) => byBundle.get(line.id) ?? [];
  // A part whose bundle line is not among the charges stands on its own rather than vanish.
  const top = charges.filter((line) => !ids.has(line.parent_line_id));
  const entries = top.map((line) => ({ line: pick(line, LINE_KEYS), parts: linesSummary(partsOf(line)).replaceAll('; ', ', ') }));
  const described = entries.map(({ line, parts }) => {
    const own = linesSummary([line]);
    return own && parts ? `${own} (${parts})` : own;
  });
  return {
    summary: described.filter(Boolean).join('; '),
    count: entries.length,
    // Every line has `parts` (empty but for bundles): Zapier lines up line-item fields by position.
    lines: entries.map(({ line, parts }) => ({ ...line, parts })),
    ...(Array.isArray(taxValues) ? { taxes: taxValues.filter(isRecord).map((tax) => pick(tax, TAX_KEYS)) } : {}),
  };
};

/** Booqable writes currencies in lower case (`usd`); actions that take one expect the ISO code. */
export const isoCurrency = (value: unknown): unknown => (typeof value === 'string' && /^[a-z]{3}$/i.test(value) ? value.toUpperCase() : value);

/** A delivery as Booqable version 4 posts it: the notification around the record. */
export const envelope = (event: string, resourceType: string, data: JsonRecord, id: string, createdAt: string): JsonRecord => ({
  id,
  created_at: createdAt,
  event,
  resource_type: resourceType,
  data,
});

/**
 * Amounts in main units beside the cents, the charge lines as line items with a one-line summary,
 * a person's first and last name.
 */
export const normalise = (body: JsonRecord): JsonRecord => {
  const out = withDecimals(body);
  const data = asRecord(out.data);
  if (!data) return out;
  const next = { ...data };
  // The ISO code beside Booqable's lower-case currency: actions take `USD`.
  if (typeof data.currency === 'string' && !Object.hasOwn(data, 'currency_code')) next.currency_code = isoCurrency(data.currency);
  if (Array.isArray(data.lines) && !Object.hasOwn(data, 'line_items')) next.line_items = lineItemsOf(data.lines, data.tax_values);
  if (isRecord(data.customer)) next.customer = withNames(data.customer);
  return { ...out, data: asString(out.event)?.startsWith('customer.') ? withNames(next) : next };
};
