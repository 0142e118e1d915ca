import type { Bundle, ZObject } from 'zapier-platform-core';
import { asRecord, asString } from './values';

/**
 * De-duplication: Zapier does not de-duplicate hook deliveries, so a vendor's retry would run the
 * Zap again. The design (README "How it is built" lists each vendor's ids):
 *
 * - What identifies a delivery: the vendor's own delivery id where it sends one, else a hash of the
 *   body (a retry repeats the body exactly): each adapter's `deliveryId` says which.
 * - Whose it is: the receiving Zap's own subscription for REST hooks (`bundle.subscribeData.id`),
 *   else `meta.zap.id` where the platform still passes it (core 19 marks it deprecated). A static
 *   hook with neither has no per-Zap scope: a vendor id is then kept per trigger, and a body hash
 *   suppresses nothing, since two Zaps may receive the same body.
 * - For how long: a vendor id a day (it never repeats for a new event); a body hash only a retry
 *   window, since the same body can be a new event later (a record changed back).
 * - When: only once the item is complete (nothing after it can fail), so a delivery that failed is
 *   not swallowed on replay.
 * - How sure: only an answer that proves the key existed drops a delivery. `zcache_set` answers
 *   `false` both for "exists" (nx) and for "over the app's cache rate limit" (core's own tests), so a
 *   `false` is confirmed by reading the key back; an error, `null`, a hang (past `cacheLimits.timeoutMs`) or
 *   no cache at all lets the delivery pass, and the log says so. A Zap run twice can be undone by a
 *   person; a lost event cannot.
 */

/** Vendor-assigned ids are never reused for a new event; a day covers every documented retry and redelivery. */
export const VENDOR_ID_TTL_SECONDS = 24 * 60 * 60;
/**
 * A body hash is kept only as long as a retry takes: the one vendor here that documents retries sends
 * two, a minute apart; the others document none. Past this, the same body is taken as a new event.
 */
export const CONTENT_HASH_TTL_SECONDS = 5 * 60;
/** A cache that does not answer within `timeoutMs` lets the delivery pass: well inside the 30 s a perform has. Tests shorten it. */
export const cacheLimits = { timeoutMs: 3_000 };

/** What identifies a delivery, and who made it: the vendor, or our hash of the body. */
export interface DeliveryId {
  id: string;
  by: 'vendor' | 'content';
}
export const byVendor = (id: string): DeliveryId => ({ id, by: 'vendor' });
export const byContent = (id: string): DeliveryId => ({ id, by: 'content' });

export type Seen = { state: 'new' } | { state: 'duplicate' } | { state: 'unchecked'; why: string };

/** The receiving Zap, as far as it can be known where the delivery arrives. */
const zapScope = (bundle: Bundle): string | undefined => {
  const subscription = asString(asRecord(bundle.subscribeData)?.id);
  if (subscription) return `subscription:${subscription}`;
  const zapId = (bundle.meta as { zap?: { id?: unknown } } | undefined)?.zap?.id;
  return zapId === undefined || zapId === null ? undefined : `zap:${String(zapId)}`;
};

const withinBound = <T>(promise: Promise<T>): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${cacheLimits.timeoutMs} ms`)), cacheLimits.timeoutMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });

/**
 * Records a delivery as passed on to this trigger's Zap, and says whether it was already: one
 * round trip for a new delivery (`set` with `nx` stores the key only if it is new, which also
 * settles two concurrent retries), a second only to confirm an ambiguous `false`.
 */
export const markSeen = async (z: ZObject, bundle: Bundle, triggerKey: string, delivery: DeliveryId): Promise<Seen> => {
  const zap = zapScope(bundle);
  if (!zap && delivery.by === 'content') return { state: 'unchecked', why: 'this delivery has no id of its own and the receiving Zap is not known here' };
  const key = ['delivery', triggerKey, zap ?? 'trigger', delivery.id].join(':');
  const ttl = delivery.by === 'vendor' ? VENDOR_ID_TTL_SECONDS : CONTENT_HASH_TTL_SECONDS;
  // The stored value names the delivery, so reading it back proves the key existed.
  const mark = { seen: delivery.id };
  try {
    const stored = await withinBound(z.cache.set(key, mark, ttl, undefined, true));
    if (stored === true) return { state: 'new' };
    if (stored === false) {
      const existing = asRecord(await withinBound(z.cache.get(key)));
      if (existing?.seen === delivery.id) return { state: 'duplicate' };
      return { state: 'unchecked', why: 'the delivery cache did not store the key (throttled?) and holds none' };
    }
    return { state: 'unchecked', why: `the delivery cache answered ${JSON.stringify(stored) ?? 'nothing'}` };
  } catch (error) {
    return { state: 'unchecked', why: `no delivery cache here: ${error instanceof Error ? error.message : String(error)}` };
  }
};
