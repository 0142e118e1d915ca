import type { Bundle, ZObject } from 'zapier-platform-core';
import type { JsonRecord, Lookup } from '../../lib/catalog';
import { choiceInput, idInput, idOf } from '../../lib/lookup-input';
import { asRecord, asString, isRecord } from '../../lib/values';
import { booqableRequest } from './client';
import { lineItemsOf, withDecimals, withNames } from './kinds';

// Booqable's documentation contradicts itself on which relations a v4 delivery carries (docs/vendors.md:
// its endpoint table lists them, its only notification example has none). So a relation the delivery
// carries is used as is, and one it lacks is a lookup: a dehydration pointer that Zapier resolves
// through Booqable's API only when a later step maps it, under the key the relation would have had.

/** The API collection of an event's record: `invoice.finalized` → `documents` (invoices, contracts and quotes are documents). */
const COLLECTIONS: Record<string, string> = {
  order: 'orders',
  invoice: 'documents',
  contract: 'documents',
  quote: 'documents',
  payment: 'payments',
  customer: 'customers',
  cart: 'carts',
  product: 'products',
  product_group: 'product_groups',
};

/** Which relations each resource has that a delivery may leave out (Booqable's webhook endpoints page and resource pages). */
const RELATIONS: Record<string, readonly ('customer' | 'lines' | 'order' | 'locations')[]> = {
  orders: ['customer', 'lines', 'locations'],
  documents: ['customer', 'lines', 'order'],
  // A payment has ids only (its resource page lists no relation it embeds); Booqable has no cart API to fetch lines from.
  payments: ['customer', 'order'],
  carts: ['customer', 'order'],
};

/** The kinds whose amounts have no currency of their own: it is the company's. */
const PRICED = new Set(['orders', 'documents', 'carts', 'products', 'product_groups']);

export const collectionOf = (event: unknown): string | undefined => COLLECTIONS[asString(event)?.split('.')[0] ?? ''];

/**
 * One record of a `.json` answer, as plain nested JSON: Booqable's `.json` endpoints answer the
 * delivery's style; a JSON:API answer (`attributes`, `relationships`, `included`) is flattened to it.
 */
export const plainRecord = (answer: unknown): JsonRecord => {
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

/** The collections a lookup may read a record's relations from (the keys of `RELATIONS`). */
const LOOKED_UP_IN = ['orders', 'documents', 'payments', 'carts'] as const;

const idFor = (z: ZObject, bundle: Bundle, key: string, what: string) => idInput(z, bundle, key, 'Booqable', what);
const collectionInput = (z: ZObject, bundle: Bundle, what: string) => choiceInput(z, bundle, 'path', LOOKED_UP_IN, what);

/** Looked up only when a later Zap step uses them (Zapier's dehydration): see `enrichBooqable`. Each takes only ids. */
export const booqableHydrators = {
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
  /** The company's name and currency: Booqable's amounts carry no currency (payments aside). */
  booqableCompany: async (z: ZObject, bundle: Bundle) => {
    const company = await fetchRecord(z, bundle, 'companies', 'current', undefined, 'company');
    return { name: company.name, currency: company.currency };
  },
};

const absent = (value: unknown) => value === undefined || value === null;

/**
 * The relations the delivery lacks, as lookups, under the keys a delivery that carries them has:
 * `data.customer`, `data.line_items`, `data.order`; and the company's currency as `company`.
 */
export const enrichBooqable = (item: JsonRecord, lookup: Lookup): JsonRecord => {
  const data = asRecord(item.data);
  const path = collectionOf(item.event);
  if (!data || !path) return item;
  // Only an id is looked up: anything else in an id's place names nothing this app may fetch.
  const idAt = (key: string) => idOf(data[key]);
  const id = idAt('id');
  const added: JsonRecord = {};
  for (const relation of RELATIONS[path] ?? []) {
    if (relation === 'customer' && absent(data.customer)) {
      const customerId = idAt('customer_id');
      if (customerId) added.customer = lookup('booqableCustomer', { customer_id: customerId });
      else if (id && path !== 'payments' && path !== 'carts') added.customer = lookup('booqableCustomer', { path, id });
    }
    if (relation === 'lines' && absent(data.line_items) && id) added.line_items = lookup('booqableLines', { path, id });
    const orderId = idAt('order_id');
    if (relation === 'order' && absent(data.order) && orderId) added.order = lookup('booqableOrder', { order_id: orderId });
    if (relation === 'locations')
      for (const end of ['start_location', 'stop_location'] as const) {
        const locationId = idAt(`${end}_id`);
        if (absent(data[end]) && locationId) added[end] = lookup('booqableLocation', { location_id: locationId });
      }
  }
  const company = PRICED.has(path) && absent(item.company) ? { company: lookup('booqableCompany', {}) } : {};
  if (Object.keys(added).length === 0 && !company.company) return item;
  return { ...item, data: { ...data, ...added }, ...company };
};
