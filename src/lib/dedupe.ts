import type { Bundle, ZObject } from 'zapier-platform-core';
import { within } from './deadline';
import { asRecord, asString, isRecord } from './values';

/**
 * De-duplication: Zapier does not de-duplicate hook deliveries, so a vendor's retry would run the
 * Zap again. The design (README "How it is built" lists what each vendor gets):
 *
 * - What identifies a delivery: the vendor's own delivery id where it sends one, else a hash of the
 *   body (a retry repeats the body exactly): each adapter's `deliveryId` says which.
 * - Whose it is: the receiving Zap's own subscription for REST hooks (`bundle.subscribeData.id`),
 *   else `meta.zap.id` where the platform still passes it (core 19 marks it deprecated). With neither,
 *   nothing is suppressed: a vendor may post one event to two Zaps' URLs, and each must run.
 * - For how long: a vendor id a day (it never repeats for a new event); a body hash only within the
 *   retry window the vendor documents (`retryWindowSeconds`), and not at all where it documents none:
 *   the same body can be a new event (a record changed and changed back).
 * - When: only once nothing after it can fail (the item is complete; a result too large for core to
 *   hand back directly is recorded after core has stashed it), so a failed delivery is not swallowed
 *   when Zapier replays it.
 * - How sure: only an answer that proves the key existed drops a delivery. `zcache_set` answers
 *   `false` both for "exists" (nx) and for "over the app's cache rate limit" (core's own tests), so a
 *   `false` is confirmed by reading the key back; an error, `null`, a hang (past `cacheLimits.timeoutMs`) or
 *   no cache at all lets the delivery pass, and the log says so. A Zap run twice can be undone by a
 *   person; a lost event cannot.
 */

/** Vendor-assigned ids are never reused for a new event; a day covers every documented retry and redelivery. */
export const VENDOR_ID_TTL_SECONDS = 24 * 60 * 60;
/** A cache that does not answer within `timeoutMs` lets the delivery pass: well inside the 30 s a perform has. Tests shorten it. */
export const cacheLimits = { timeoutMs: 3_000 };

/** What identifies a delivery, and who made it: the vendor, or our hash of the body. */
export interface DeliveryId {
  id: string;
  by: 'vendor' | 'content';
}
export const byVendor = (id: string): DeliveryId => ({ id, by: 'vendor' });
export const byContent = (id: string): DeliveryId => ({ id, by: 'content' });

/** `kept`: not checked, by design (the Zap is not known, or the vendor documents no retries): no log line. */
type Seen = { state: 'new' } | { state: 'duplicate' } | { state: 'unchecked'; why: string } | { state: 'kept' };

/** The receiving Zap, as far as it can be known where the delivery arrives. */
const zapScope = (bundle: Bundle): string | undefined => {
  const subscription = asString(asRecord(bundle.subscribeData)?.id);
  if (subscription) return `subscription:${subscription}`;
  const zapId = (bundle.meta as { zap?: { id?: unknown } } | undefined)?.zap?.id;
  return zapId === undefined || zapId === null ? undefined : `zap:${String(zapId)}`;
};

const withinBound = <T>(promise: Promise<T>): Promise<T> =>
  within(promise, cacheLimits.timeoutMs, () => new Error(`no answer within ${cacheLimits.timeoutMs} ms`));

/** The cache key and its TTL for a delivery to this trigger's Zap; none where nothing is to be suppressed. */
const keyOf = (bundle: Bundle, triggerKey: string, delivery: DeliveryId, retryWindowSeconds: number | undefined) => {
  const zap = zapScope(bundle);
  if (!zap) return undefined;
  const ttl = delivery.by === 'vendor' ? VENDOR_ID_TTL_SECONDS : retryWindowSeconds;
  if (!ttl) return undefined;
  return { key: ['delivery', triggerKey, zap, delivery.id].join(':'), ttl };
};

const couldNotAsk = (error: unknown): Seen => ({
  state: 'unchecked',
  why: `no delivery cache here: ${error instanceof Error ? error.message : String(error)}`,
});

/**
 * Records a delivery as passed on to this trigger's Zap, and says whether it was already: one
 * round trip for a new delivery (`set` with `nx` stores the key only if it is new, which also
 * settles two concurrent retries), a second only to confirm an ambiguous `false`.
 */
export const markSeen = async (z: ZObject, bundle: Bundle, triggerKey: string, delivery: DeliveryId, retryWindowSeconds?: number): Promise<Seen> => {
  const at = keyOf(bundle, triggerKey, delivery, retryWindowSeconds);
  if (!at) return { state: 'kept' };
  // The stored value names the delivery, so reading it back proves the key existed.
  const mark = { seen: delivery.id };
  try {
    const stored = await withinBound(z.cache.set(at.key, mark, at.ttl, undefined, true));
    if (stored === true) return { state: 'new' };
    if (stored === false) {
      const existing = asRecord(await withinBound(z.cache.get(at.key)));
      if (existing?.seen === delivery.id) return { state: 'duplicate' };
      return { state: 'unchecked', why: 'the delivery cache did not store the key (throttled?) and holds none' };
    }
    return { state: 'unchecked', why: `the delivery cache answered ${JSON.stringify(stored) ?? 'nothing'}` };
  } catch (error) {
    return couldNotAsk(error);
  }
};

/**
 * For a delivery recorded only after core's last steps (`recordLater`): was it already passed on?
 * A read, recording nothing.
 */
export const wasSeen = async (z: ZObject, bundle: Bundle, triggerKey: string, delivery: DeliveryId, retryWindowSeconds?: number): Promise<Seen> => {
  const at = keyOf(bundle, triggerKey, delivery, retryWindowSeconds);
  if (!at) return { state: 'kept' };
  try {
    return asRecord(await withinBound(z.cache.get(at.key)))?.seen === delivery.id ? { state: 'duplicate' } : { state: 'new' };
  } catch (error) {
    return couldNotAsk(error);
  }
};

/** What is recorded once core has handed the result back, by the bundle it was for. */
const pending = new WeakMap<object, () => Promise<unknown>>();

/** Records the delivery only when core's own last steps have passed (see `recordPassed`). */
export const recordLater = (bundle: Bundle, record: () => Promise<unknown>): void => {
  pending.set(bundle, record);
};

/**
 * Core's last step (an app's `afterApp` middleware runs after core's own: checks, the stash of a large
 * result): a delivery whose result could still fail there is recorded here, once it has not.
 */
export const recordPassed = async (output: unknown): Promise<unknown> => {
  // Core's types give middlewares a perform's signature; at run time the one argument is core's output envelope.
  const bundle = asRecord(asRecord(asRecord(asRecord(output)?.input)?._zapier)?.event)?.bundle;
  const record = isRecord(bundle) ? pending.get(bundle) : undefined;
  if (record && isRecord(bundle)) {
    pending.delete(bundle);
    await record();
  }
  return output;
};
