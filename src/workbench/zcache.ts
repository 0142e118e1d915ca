import { createServer, type ServerResponse } from 'node:http';
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
  /** Forgets every key (a repeated delivery then passes again), and answers normally again. */
  reset(): void;
  /** The TTL in seconds the key was last set with, if it is stored. */
  ttlOf(key: string): number | undefined;
  /** Every stored key. */
  keys(): string[];
  /** Lets `seconds` pass: keys whose TTL ran out are gone. */
  age(seconds: number): void;
  /**
   * Answers as a failing cache would: `error` (an RPC error), `hang` (never answers), `null` (answers
   * null to every set), `throttled` (false to every set without storing: Zapier's answer over the
   * app's cache rate limit, in core's tests).
   */
  misbehave(mode: 'error' | 'hang' | 'null' | 'throttled'): void;
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
  const store = new Map<string, { value: string; ttl: number | null; left: number }>();
  let calls = 0;
  let mode: Parameters<CacheStandIn['misbehave']>[0] | undefined;
  // Calls left unanswered while hanging: answered (with an error) once it answers again, so none stays open.
  const hung: ServerResponse[] = [];
  const answer = ({ method, params }: RpcCall): unknown => {
    const [key, value, ttl, , nx] = params as [string, string, number | null, unknown, boolean | null];
    if (mode === 'error') throw new Error('the cache is unavailable');
    if (method === 'zcache_get') return store.get(key)?.value ?? null;
    if (method === 'zcache_delete') return store.delete(key);
    if (method === 'zcache_set') {
      if (mode === 'null') return null;
      if (mode === 'throttled') return false;
      if (nx && store.has(key)) return false;
      store.set(key, { value, ttl, left: ttl ?? Number.POSITIVE_INFINITY });
      return true;
    }
    throw new Error(`the cache stand-in does not answer ${method}`);
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      calls += 1;
      if (mode === 'hang') {
        hung.push(res);
        return;
      }
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
    reset: () => {
      store.clear();
      mode = undefined;
      for (const res of hung.splice(0)) res.writeHead(503).end();
    },
    ttlOf: (key) => store.get(key)?.ttl ?? undefined,
    keys: () => [...store.keys()],
    age: (seconds) => {
      for (const [key, entry] of store) {
        entry.left -= seconds;
        if (entry.left <= 0) store.delete(key);
      }
    },
    misbehave: (next) => {
      mode = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
