import type { Bundle, ZObject } from 'zapier-platform-core';

// Vendors that document retries retry within minutes; a day covers every documented retry and redelivery.
const SEEN_TTL_SECONDS = 24 * 60 * 60;

export type Seen = 'new' | 'duplicate' | 'unchecked';

/**
 * Records a delivery id and says whether it was seen before: Zapier does not de-duplicate hook
 * deliveries. One round trip: `set` with `nx` stores the key only if it is new and says whether
 * it did, which also settles two concurrent retries.
 */
export const markSeen = async (z: ZObject, bundle: Bundle, scope: string, id: string): Promise<Seen> => {
  const zapId = bundle.meta?.zap?.id;
  const key = ['delivery', scope, zapId ?? 'any-zap', id].join(':');
  try {
    const stored = await z.cache.set(key, 1, SEEN_TTL_SECONDS, undefined, true);
    return stored === false ? 'duplicate' : 'new';
  } catch (error) {
    z.console.log(`De-duplication is off for this run (no delivery cache here: ${error instanceof Error ? error.message : String(error)}).`);
    return 'unchecked';
  }
};
