import { startCacheStandIn } from '../../src/workbench/zcache';

/** The local stand-in for Zapier's cache answers as the RPC does: set with nx refuses a key that exists. */
describe('the cache stand-in', () => {
  const call = async (rpc: string, method: string, params: unknown[]) => {
    const response = await fetch(rpc, { method: 'POST', body: JSON.stringify({ id: 'c1', method, params }) });
    return (await response.json()) as { id: string; result?: unknown; error?: string };
  };

  it('stores once with nx, answers get, forgets on reset, and counts round trips', async () => {
    const cache = await startCacheStandIn();
    try {
      const rpc = cache.event.rpc_base;
      expect(await call(rpc, 'zcache_set', ['k', '1', 60, null, true])).toEqual({ id: 'c1', result: true });
      expect(await call(rpc, 'zcache_set', ['k', '2', 60, null, true])).toEqual({ id: 'c1', result: false });
      expect(await call(rpc, 'zcache_get', ['k'])).toEqual({ id: 'c1', result: '1' });
      expect(await call(rpc, 'zcache_set', ['k', '3', 60, null, null])).toEqual({ id: 'c1', result: true });
      cache.reset();
      expect(await call(rpc, 'zcache_get', ['k'])).toEqual({ id: 'c1', result: null });
      expect(await call(rpc, 'stash', [])).toEqual({ id: 'c1', error: 'the cache stand-in does not answer stash' });
      expect(cache.calls()).toBe(6);
    } finally {
      await cache.close();
    }
  });
});
