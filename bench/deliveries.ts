import type { JsonRecord } from '../src/lib/catalog';
import { BOOM_ENTRIES } from '../src/vendors/boom/events';
import { BOOQABLE_ENTRIES } from '../src/vendors/booqable/events';
import { CLAIMABLE_ENTRIES } from '../src/vendors/claimable/events';

/** Deliveries as the vendors post them, built from the catalog samples (shared by the benchmark and the load tests). */

/** A catalog sample as the vendor posts it: without the item id the pipeline adds. */
export const rawSample = (entries: readonly { key: string; sample: JsonRecord }[], key: string): JsonRecord => {
  const { id: _derived, ...raw } = entries.find((e) => e.key === key)!.sample;
  return raw;
};

/** A Booqable order.updated notification, its order padded with lines to about `bytes` of JSON. */
export const booqableOrder = (bytes: number, id = 'notif-bench'): JsonRecord => {
  const sample = BOOQABLE_ENTRIES.find((e) => e.key === 'booqable_order_updated')!.sample;
  const data = sample.data as JsonRecord;
  const line = (data.lines as JsonRecord[])[0]!;
  const lineBytes = JSON.stringify({ ...line, id: 'line-000000' }).length + 1;
  const room = bytes - JSON.stringify(sample).length;
  const count = Math.max(1, Math.round(room / lineBytes));
  const lines = Array.from({ length: count }, (_, i) => ({ ...line, id: `line-${String(i).padStart(6, '0')}` }));
  return { ...sample, id, data: { ...data, lines, item_count: count } };
};

export const boomEnrollment = (requestId = 'req-bench'): JsonRecord => ({ ...rawSample(BOOM_ENTRIES, 'boom_enrollment_approved'), request_id: requestId });

export const claimableClaim = (claimId = 48213): JsonRecord => {
  const raw = rawSample(CLAIMABLE_ENTRIES, 'claimable_claim_created');
  return { ...raw, claim: { ...(raw.claim as JsonRecord), id: claimId } };
};
