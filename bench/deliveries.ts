import type { JsonRecord } from '../src/lib/catalog';
import { entryByKey } from '../src/lib/vendor';
import { VENDORS } from '../src/vendors';
import { SAMPLE_RELATIONS } from '../src/vendors/booqable/kinds';

/** Deliveries as the vendors post them, built from the catalog samples (shared by the benchmark and the load tests). */

/** What the vendor posts for a trigger's sample. */
export const deliveryOf = (key: string): JsonRecord => {
  const entry = entryByKey(VENDORS, key);
  if (!entry) throw new Error(`no catalog entry ${key}`);
  return entry.delivery;
};

/** A Booqable order.updated notification, its order padded with lines to about `bytes` of JSON. */
export const booqableOrder = (bytes: number, id = 'notif-bench'): JsonRecord => {
  const sample = deliveryOf('booqable_order_updated');
  const data = sample.data as JsonRecord;
  // The sample is relation-less, as Booqable's own v4 example: a large order is one that carries its lines.
  const line = SAMPLE_RELATIONS.lines[0];
  const lineBytes = JSON.stringify({ ...line, id: 'line-000000' }).length + 1;
  const room = bytes - JSON.stringify(sample).length;
  const count = Math.max(1, Math.round(room / lineBytes));
  const lines = Array.from({ length: count }, (_, i) => ({ ...line, id: `line-${String(i).padStart(6, '0')}` }));
  return { ...sample, id, data: { ...data, lines, item_count: count } };
};

export const boomEnrollment = (requestId = 'req-bench'): JsonRecord => ({ ...deliveryOf('boom_enrollment_approved'), request_id: requestId });

export const claimableClaim = (claimId = 48213): JsonRecord => {
  const raw = deliveryOf('claimable_claim_created');
  return { ...raw, claim: { ...(raw.claim as JsonRecord), id: claimId } };
};
