import type { Bundle, ZObject } from 'zapier-platform-core';

// The vendors that document retries retry within minutes; a day covers every documented retry and redelivery.
const SEEN_TTL_SECONDS = 24 * 60 * 60;

export type Seen = 'new' | 'duplicate' | 'unchecked';

/**
 * Records a delivery id and says whether it was seen before. Zapier does not de-duplicate hook
 * deliveries. `get` catches a sequential retry everywhere (the app tester's cache ignores `nx`);
 * `set` with `nx` closes the race between two concurrent retries where the cache honours it.
 */
export const markSeen = async (z: ZObject, bundle: Bundle, scope: string, id: string): Promise<Seen> => {
  const zapId = bundle.meta?.zap?.id;
  const key = ['delivery', scope, zapId ?? 'any-zap', id].join(':');
  try {
    if ((await z.cache.get(key)) !== null) return 'duplicate';
    const stored = await z.cache.set(key, 1, SEEN_TTL_SECONDS, undefined, true);
    return stored === false ? 'duplicate' : 'new';
  } catch (error) {
    z.console.log(`De-duplication is off for this run (no delivery cache here: ${error instanceof Error ? error.message : String(error)}).`);
    return 'unchecked';
  }
};
