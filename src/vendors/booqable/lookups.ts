import type { Bundle, ZObject } from 'zapier-platform-core';
import type { DeliveryAdapter, JsonRecord, RecordKind } from '../../lib/catalog';
import { oneLineAddress } from '../../lib/derived';
import { choiceInput, idInput, idOf } from '../../lib/lookup-input';
import { asRecord, asString, isRecord } from '../../lib/values';
import { booqableRequest, recordsOf } from './client';
import { BOOQABLE_KINDS, type BooqableFacts } from './kinds';
import { isoCurrency, lineItemsOf, withDecimals, withNames } from './normalise';

// Booqable's documentation contradicts itself on which relations a v4 delivery carries (docs/vendors.md:
// its endpoint table lists them, its only notification example has none). So a relation the delivery
// carries is used as is, and one it lacks is a lookup: a dehydration pointer that Zapier resolves
// through Booqable's API only when a later step maps it, under the key the relation would have had.

/** The kind of an event's record: the first part of its name (`invoice.finalized` → the invoice kind). */
const KINDS = new Map<string, RecordKind<BooqableFacts>>(Object.entries(BOOQABLE_KINDS));
export const kindOf = (event: unknown) => KINDS.get(asString(event)?.split('.')[0] ?? '');

/** The collections whose own record a lookup may read its relations from: those listed by id that carry a customer or lines. */
const LOOKED_UP_IN = [
  ...new Set(
    [...KINDS.values()]
      .map((kind) => kind.facts)
      .filter((facts) => facts.list && facts.relations.some((r) => r === 'customer' || r === 'lines'))
      .map((facts) => facts.resourceType),
  ),
];

/**
 * One record of a `.json` answer, as plain nested JSON: Booqable's `.json` endpoints answer the
 * delivery's style; a JSON:API answer (`attributes`, `relationships`, `included`) is flattened to it.
 */
const plainRecord = (answer: unknown): JsonRecord => {
  const body = asRecord(answer);
  const record = asRecord(body?.data) ?? {};
  const attributes = asRecord(record.attributes);
  if (!attributes) return record;
  const included = (Array.isArray(body?.included) ? body.included : []).filter(isRecord);
  const resolve = (ref: JsonRecord) => {
    const found = included.find((r) => r.id === ref.id && r.type === ref.type);
    return found ? { id: found.id, ...asRecord(found.attributes) } : undefined;
  };
  const out: JsonRecord = { id: record.id, ...attributes };
  for (const [name, relation] of Object.entries(asRecord(record.relationships) ?? {})) {
    const data = asRecord(relation)?.data;
    if (Array.isArray(data)) out[name] = data.filter(isRecord).map(resolve).filter(Boolean);
    else if (isRecord(data)) out[name] = resolve(data) ?? null;
  }
  return out;
};

/** One record by its id, already checked and encoded (`idInput`). */
const fetchRecord = async (z: ZObject, bundle: Bundle, path: string, id: string, include: string | undefined, what: string): Promise<JsonRecord> => {
  const answer = await booqableRequest(
    z,
    bundle,
    { method: 'GET', path: `${path}/${id}.json`, ...(include ? { params: { include } } : {}), needsJson: true },
    `looking up the ${what}`,
  );
  return asRecord(withDecimals({ data: plainRecord(answer.data) }).data) ?? {};
};

const idFor = (z: ZObject, bundle: Bundle, key: string, what: string) => idInput(z, bundle, key, 'Booqable', what);
const collectionInput = (z: ZObject, bundle: Bundle, what: string) => choiceInput(z, bundle, 'path', LOOKED_UP_IN, what);

/** Looked up only when a later Zap step uses them (Zapier's dehydration): see `enrichBooqable`. Each takes only ids. */
export const hydrators = {
  /** The customer by its id, or, where the record names none yet, the record's own customer. */
  booqableCustomer: async (z: ZObject, bundle: Bundle) => {
    const customer = bundle.inputData?.customer_id
      ? await fetchRecord(z, bundle, 'customers', idFor(z, bundle, 'customer_id', 'customer'), undefined, 'customer')
      : asRecord((await fetchRecord(z, bundle, collectionInput(z, bundle, 'customer'), idFor(z, bundle, 'id', 'customer'), 'customer', 'customer')).customer);
    return customer ? withNames(customer) : {};
  },
  booqableOrder: async (z: ZObject, bundle: Bundle) => fetchRecord(z, bundle, 'orders', idFor(z, bundle, 'order_id', 'order'), undefined, 'order'),
  booqableLines: async (z: ZObject, bundle: Bundle) => {
    const record = await fetchRecord(
      z,
      bundle,
      collectionInput(z, bundle, 'line items'),
      idFor(z, bundle, 'id', 'line items'),
      'lines,tax_values',
      'line items',
    );
    return lineItemsOf(record.lines, record.tax_values);
  },
  booqableLocation: async (z: ZObject, bundle: Bundle) =>
    fetchRecord(z, bundle, 'locations', idFor(z, bundle, 'location_id', 'location'), undefined, 'location'),
  /**
   * The customer's address: Booqable keeps it as a property of type `address` (address1 … country),
   * not on the customer; the first by position, in parts and as one line. Empty where there is none.
   */
  booqableCustomerAddress: async (z: ZObject, bundle: Bundle) => {
    // An id is letters, digits, `_` and `-`: the same encoded or not, so it can stand in a query too.
    const customerId = idFor(z, bundle, 'customer_id', 'customer address');
    const answer = await booqableRequest(
      z,
      bundle,
      { method: 'GET', path: 'properties.json', params: { 'filter[owner_id][eq]': customerId }, needsJson: true },
      'looking up the customer address',
    );
    const address = recordsOf(answer.data, 'properties')
      .map((property) => plainRecord({ data: property }))
      .filter((p) => p.property_type === 'address')
      .sort((a, b) => (Number(a.position) || 0) - (Number(b.position) || 0))[0];
    return address ? addressOf(address) : {};
  },
  /** The company's name and currency: Booqable's amounts carry no currency (payments aside). */
  booqableCompany: async (z: ZObject, bundle: Bundle) => {
    const company = await fetchRecord(z, bundle, 'companies', 'current', undefined, 'company');
    return { name: company.name, currency: isoCurrency(company.currency) };
  },
};

const ADDRESS_KEYS = ['address1', 'address2', 'city', 'region', 'zipcode', 'country'] as const;

/** An address property's parts under Booqable's names, and one line as a letter reads it (postcode before city). */
const addressOf = (property: JsonRecord): JsonRecord => {
  const part = (key: string) => asString(property[key])?.trim() || null;
  const oneLine = oneLineAddress([part('address1'), part('address2'), [part('zipcode'), part('city')], part('region'), part('country')]);
  return { ...Object.fromEntries(ADDRESS_KEYS.map((key) => [key, part(key)])), one_line: oneLine ?? null };
};

const absent = (value: unknown) => value === undefined || value === null;

/**
 * The relations the delivery lacks, as lookups, under the keys a delivery that carries them has:
 * `data.customer`, `data.line_items`, `data.order`, the locations; and the company's currency as
 * `company` where the kind's amounts have none of their own.
 */
export const enrich: NonNullable<DeliveryAdapter['enrich']> = (_z, _bundle, item, lookup) => {
  const data = asRecord(item.data);
  const facts = kindOf(item.event)?.facts;
  if (!data || !facts) return item;
  const path = facts.resourceType;
  // Only an id is looked up: anything else in an id's place names nothing this app may fetch.
  const idAt = (key: string) => idOf(data[key]);
  const id = idAt('id');
  // The record's own relations can be read only where Booqable fetches it by id (there is no carts API).
  const ownRelation = (relation: string) => Boolean(id && facts.list && facts.relations.includes(relation));
  const added: JsonRecord = {};
  if (absent(data.customer)) {
    const customerId = idAt('customer_id');
    if (customerId) added.customer = lookup('booqableCustomer', { customer_id: customerId });
    else if (ownRelation('customer')) added.customer = lookup('booqableCustomer', { path, id });
  }
  if (facts.addressed && id && absent(data.address)) added.address = lookup('booqableCustomerAddress', { customer_id: id });
  if (absent(data.line_items) && ownRelation('lines')) added.line_items = lookup('booqableLines', { path, id });
  const orderId = idAt('order_id');
  if (absent(data.order) && orderId) added.order = lookup('booqableOrder', { order_id: orderId });
  for (const end of ['start_location', 'stop_location'] as const) {
    const locationId = idAt(`${end}_id`);
    if (absent(data[end]) && locationId) added[end] = lookup('booqableLocation', { location_id: locationId });
  }
  const company = facts.priced && absent(item.company) ? { company: lookup('booqableCompany', {}) } : {};
  if (Object.keys(added).length === 0 && !company.company) return item;
  return { ...item, data: { ...data, ...added }, ...company };
};
