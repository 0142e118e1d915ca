import type { Bundle, ZObject } from 'zapier-platform-core';
import type { CatalogEntry, Delivery, DeliveryAdapter, Hydrators, JsonRecord, Vendor } from './catalog';
import { markSeen, recordLater, wasSeen } from './dedupe';
import { readDelivery } from './delivery';
import { typeIssues } from './json-schema';
import { mayHoldPointers, withoutPointers } from './lookup-input';
import { asRecord, cached, cut, isRecord, withoutKeys } from './values';

/** Which deliveries one trigger takes. */
export interface Route {
  /** Trigger key: scopes de-duplication and names the trigger in logs. */
  triggerKey: string;
  /** Does this trigger fire on that event (undefined: the delivery names none)? */
  firesOn(event: string | undefined, bundle: Bundle): boolean;
  /** The catalog entry whose schema checks a delivery of that event, when one is known. */
  entryFor(event: string | undefined): CatalogEntry | undefined;
  /** The event's name in words, added to the item (as `event_title`) where one trigger takes several events. */
  titleOf?(event: string | undefined): string | undefined;
  /** The app's hydrators, which the vendor's lookup pointers name. */
  hydrators: Hydrators;
}

const describe = (value: unknown): string =>
  value === undefined || value === '' || (isRecord(value) && Object.keys(value).length === 0)
    ? 'an empty body'
    : Array.isArray(value)
      ? 'a JSON array'
      : `a ${value === null ? 'null' : typeof value}`;

/** `base`, or `base_2`, `base_3`… when the vendor already sent a field of that name. */
const freeKey = (item: JsonRecord, base: string): string => {
  let key = base;
  for (let n = 2; Object.hasOwn(item, key); n += 1) key = `${base}_${n}`;
  return key;
};

const secretSets = new Map<DeliveryAdapter, ReadonlySet<string>>();
/** The value without the fields the vendor documents as secrets, at any depth. */
export const withoutSecrets = <T>(adapter: DeliveryAdapter, value: T): T =>
  adapter.secretFields
    ? withoutKeys(
        value,
        cached(secretSets, adapter, () => new Set(adapter.secretFields)),
      )
    : value;

/** The item a delivery becomes: normalised, with a stable id; the vendor's own `id`, if different, kept as `source_id`. */
export const itemOf = (adapter: DeliveryAdapter, body: JsonRecord, deliveryId: string): JsonRecord => {
  const id = adapter.itemId?.(body) ?? deliveryId;
  const item: JsonRecord = { ...withoutSecrets(adapter, adapter.normalise(body)) };
  if (body.id !== undefined && body.id !== id) item[freeKey(item, 'source_id')] = body.id;
  item.id = id;
  return item;
};

/** Core hands a result of this many characters or more to Zapier's stash instead (core's `RESPONSE_SIZE_LIMIT`, 6 MiB). */
const STASH_LIMIT = 6 * 1024 * 1024;
/** A body shorter than this cannot make an item of `STASH_LIMIT` (the item adds a few fields to what the vendor sent), so it is not measured. */
const MAY_BE_STASHED = 1024 * 1024;

/** Characters of a lookup's input beyond which it is no id (a pointer it is null: nothing to look up). */
const MAX_LOOKUP_INPUT = 2_000;

/**
 * What a Zap gets for a vendor body: normalised, with its id, its event in words where the trigger
 * takes several, and the lookups of what it lacks. Deliveries and "Test trigger" records both come
 * through here, so a listed record maps like a live one.
 */
export const completeItem = (
  z: ZObject,
  bundle: Bundle,
  vendor: Vendor,
  route: Route,
  body: JsonRecord,
  deliveryId: string,
  event: string | undefined,
  /** The body's raw text, where it arrived as a delivery: most bodies need no walk for pointer-shaped text. */
  rawText?: string,
): JsonRecord => {
  const { adapter, name } = vendor;
  const made = itemOf(adapter, body, deliveryId);
  const item = rawText === undefined || mayHoldPointers(rawText) ? withoutPointers(made) : made;
  const title = route.titleOf?.(event);
  if (title) item[freeKey(item, 'event_title')] = title;
  // Zapier reuses a lookup's answer for 5 minutes when its input is identical: the delivery and the
  // account in the input make the answer this delivery's, of this account (worked out once, if a lookup is made).
  let account: { name: string | undefined } | undefined;
  const lookup = (hydrator: string, inputData: JsonRecord) => {
    const hydrate = route.hydrators[hydrator];
    if (!hydrate) throw new Error(`${name}: no hydrator ${hydrator} in this app`);
    // Zapier refuses a pointer over 12,000 bytes; a vendor's ids are far shorter, so such an input names nothing to look up.
    if (JSON.stringify(inputData).length > MAX_LOOKUP_INPUT) return null;
    account ??= { name: adapter.accountOf?.(bundle.authData ?? {}) };
    return z.dehydrate(hydrate, { ...inputData, delivery_id: deliveryId, ...(account.name ? { account: account.name } : {}) });
  };
  return adapter.enrich ? adapter.enrich(z, bundle, item, lookup) : item;
};

/** The delivery id of a vendor body that did not arrive as a delivery (samples, "Test trigger"), as if it had been posted. */
export const deliveryIdOf = (adapter: DeliveryAdapter, body: JsonRecord): string => {
  const delivery: Delivery = { body, headers: {}, content: JSON.stringify(body) };
  return adapter.deliveryId(body, delivery).id;
};

/**
 * The one path every delivery takes: verify → match event → parse leniently → normalise →
 * one item with a stable id, suppressed when the same delivery was already emitted.
 */
export const processDelivery = async (z: ZObject, bundle: Bundle, vendor: Vendor, route: Route): Promise<JsonRecord[]> => {
  try {
    return await pipeline(z, bundle, vendor, route);
  } catch (error) {
    // zapier-platform-core appends the bundle, raw headers included, to an error's message unless
    // told not to; a delivery's headers can hold a vendor secret (a shared-secret header).
    if (error instanceof Error) (error as Error & { doNotContextify?: boolean }).doNotContextify = true;
    throw error;
  }
};

const pipeline = async (z: ZObject, bundle: Bundle, vendor: Vendor, route: Route): Promise<JsonRecord[]> => {
  const { adapter, name } = vendor;
  const delivery = readDelivery(bundle);

  const verdict = adapter.verify(delivery, bundle);
  if (!verdict.ok) {
    throw new z.errors.HaltedError(`Rejected: this ${name} delivery failed the authenticity check (${verdict.reason}). It was not passed to the Zap.`);
  }

  const body = delivery.body;
  // Zapier parses an empty or non-JSON body as {}: nothing a Zap could use, so it is reported, not run.
  if (!isRecord(body) || Object.keys(body).length === 0) {
    throw new z.errors.HaltedError(`Rejected: ${name} sent ${describe(body)} where a JSON object was expected. It was not passed to the Zap.`);
  }

  const subscription = asRecord(bundle.subscribeData);
  const event = adapter.eventOf(delivery, subscription);
  if (!route.firesOn(event, bundle)) {
    z.console.log(
      `Skipped: ${route.triggerKey} does not fire on ${event ? `"${cut(event)}"` : `a ${name} delivery that names no event (${name} names the event in each delivery it sends)`}.`,
    );
    return [];
  }
  const choice = adapter.matchesInputs?.(body, bundle.inputData ?? {});
  if (choice && !choice.ok) {
    z.console.log(`Skipped: ${choice.reason}.`);
    return [];
  }

  const entry = route.entryFor(event);
  // Where the event is the subscription's, the subscription says what arrives: a shape can only lose a
  // delivery (the vendor's field names may be unpublished). The shape routes only where there is none.
  const fits = entry && !(adapter.eventFromSubscription && subscription) && adapter.carries?.(body, entry);
  if (fits && !fits.ok) {
    z.console.log(`Skipped: ${fits.reason}.`);
    return [];
  }
  if (entry) {
    const paths = typeIssues(entry.schema, body);
    // Lenient: an unexpected type is reported, never a reason to lose the delivery.
    if (paths.length > 0) z.console.log(`Note: ${name} sent fields of unexpected types (${paths.join(', ')}); passed through as sent.`);
  }

  const deliveryId = adapter.deliveryId(body, delivery);
  // Complete before it is recorded: what can still fail (a lookup) fails first, and a replay is not swallowed.
  const complete = completeItem(z, bundle, vendor, route, body, deliveryId.id, event, delivery.content || undefined);
  const window = adapter.retryWindowSeconds;
  // Core stashes a result this large after perform, which can still fail: it is recorded once core is done.
  const stashed = (!delivery.content || delivery.content.length >= MAY_BE_STASHED) && JSON.stringify([complete]).length >= STASH_LIMIT;
  const seen = stashed ? await wasSeen(z, bundle, route.triggerKey, deliveryId, window) : await markSeen(z, bundle, route.triggerKey, deliveryId, window);
  if (stashed && seen.state !== 'duplicate') recordLater(bundle, () => markSeen(z, bundle, route.triggerKey, deliveryId, window));
  if (seen.state === 'duplicate') {
    z.console.log(`Skipped: duplicate of delivery ${cut(deliveryId.id)}, already passed to the Zap.`);
    return [];
  }
  if (seen.state === 'unchecked') z.console.log(`Note: not checked for a repeat (${seen.why}); passed to the Zap.`);
  return [complete];
};
