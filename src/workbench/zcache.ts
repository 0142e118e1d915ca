import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Zapier's cache service, which core reaches over RPC (`rpc_base`) for
 * z.cache. Unlike core's in-memory test cache (`zcacheTestObj`, which ignores `nx`), it answers
 * `set` with `nx` as Zapier's does: false when the key exists. It counts round trips, so the
 * benchmark can show one per delivery. Loopback only; for tests, the workbench and the benchmark.
 */
export interface CacheStandIn {
  /** What a handler event needs to use it. */
  event: { rpc_base: string };
  /** Round trips so far. */
  calls(): number;
  /** Forgets every key (a repeated delivery then passes again). */
  reset(): void;
  close(): Promise<void>;
}

interface RpcCall {
  id: string;
  method: string;
  params: unknown[];
}

export const startCacheStandIn = async (): Promise<CacheStandIn> => {
  // Core signs RPC calls with a deploy key or a token; a token would also stream logs to Zapier.
  process.env.ZAPIER_DEPLOY_KEY ??= 'local-cache-stand-in';
  const store = new Map<string, string>();
  let calls = 0;
  const answer = ({ method, params }: RpcCall): unknown => {
    const [key, value, , , nx] = params as [string, string, unknown, unknown, boolean | null];
    if (method === 'zcache_get') return store.get(key) ?? null;
    if (method === 'zcache_delete') return store.delete(key);
    if (method === 'zcache_set') {
      if (nx && store.has(key)) return false;
      store.set(key, value);
      return true;
    }
    throw new Error(`the cache stand-in does not answer ${method}`);
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      calls += 1;
      let body: unknown;
      try {
        const call = JSON.parse(Buffer.concat(chunks).toString('utf8')) as RpcCall;
        try {
          body = { id: call.id, result: answer(call) };
        } catch (error) {
          body = { id: call.id, error: error instanceof Error ? error.message : String(error) };
        }
      } catch {
        res.writeHead(400).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // It never keeps a process alive on its own.
  server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    event: { rpc_base: `http://127.0.0.1:${port}/rpc` },
    calls: () => calls,
    reset: () => store.clear(),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
};
