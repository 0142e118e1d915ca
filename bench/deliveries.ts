import type { JsonRecord } from '../src/lib/catalog';
import { entryByKey } from '../src/lib/vendor';
import { VENDORS } from '../src/vendors';
import { SAMPLE_RELATIONS } from '../src/vendors/booqable/kinds';
import { zapierRequest } from '../src/workbench/zapier-request';

/** Deliveries as the vendors post them, built from the catalog samples (shared by the benchmark and the load tests). */

/** The body the vendor posts for a trigger's event (its sample is what the Zap gets for it). */
export const bodyOf = (key: string): JsonRecord => {
  const entry = entryByKey(VENDORS, key);
  if (!entry) throw new Error(`no catalog entry ${key}`);
  return entry.body;
};

/** A Booqable order.updated notification, its order padded with lines to about `bytes` of JSON. */
export const booqableOrder = (bytes: number, id = 'notif-bench'): JsonRecord => {
  const sample = bodyOf('booqable_order_updated');
  const data = sample.data as JsonRecord;
  // The sample is relation-less, as Booqable's own v4 example: a large order is one that carries its lines.
  const line = SAMPLE_RELATIONS.lines[0];
  const lineBytes = JSON.stringify({ ...line, id: 'line-000000' }).length + 1;
  const room = bytes - JSON.stringify(sample).length;
  const count = Math.max(1, Math.round(room / lineBytes));
  const lines = Array.from({ length: count }, (_, i) => ({ ...line, id: `line-${String(i).padStart(6, '0')}` }));
  return { ...sample, id, data: { ...data, lines, item_count: count } };
};

export const boomEnrollment = (requestId = 'req-bench'): JsonRecord => ({ ...bodyOf('boom_enrollment_approved'), request_id: requestId });

export const claimableClaim = (claimId = 48213): JsonRecord => {
  const raw = bodyOf('claimable_claim_created');
  return { ...raw, claim: { ...(raw.claim as JsonRecord), id: claimId } };
};

/**
 * The bundle Zapier's runtime gives a trigger's perform for a POST of `content`, for one Zap as in
 * production: its subscription (REST hooks) or `meta.zap.id` (static hooks) scopes de-duplication,
 * so each delivery makes its cache round trip. Any other key (the minimal app's) gets no scope.
 */
export const zapBundle = (key: string, content: string): JsonRecord => {
  const vendor = VENDORS.find((v) => key.startsWith(`${v.id}_`));
  const entry = entryByKey(VENDORS, key);
  const scope = !vendor
    ? {}
    : vendor.hooks === 'rest'
      ? { subscribeData: { id: 'bench-endpoint', requestedEvents: entry?.events.slice(0, 1) ?? [] } }
      : { meta: { zap: { id: 'bench-zap' } } };
  return { authData: {}, inputData: {}, ...scope, ...zapierRequest(content, { 'content-type': 'application/json' }) };
};
