import { type App, version as platformVersion } from 'zapier-platform-core';
import type { VendorApp } from '../../src/app';
import app from '../../src/index';
import type { Hydrators, JsonRecord } from '../../src/lib/catalog';
import { type HookTrigger, isHook } from '../../src/lib/triggers';
import { isRecord } from '../../src/lib/values';
import { entryByKey } from '../../src/lib/vendor';
import { VENDORS } from '../../src/vendors';
import { lambdaHandler } from '../../src/workbench/handler';
import { zapierRequest } from '../../src/workbench/zapier-request';
import { type CacheStandIn, startCacheStandIn } from '../../src/workbench/zcache';

export { app };

type AnyBundle = JsonRecord;

/** A dehydration pointer as z.dehydrate writes it. */
const POINTER = /^hydrate\|\|\|(.*)\|\|\|hydrate$/s;
export const isPointer = (value: unknown): value is string => typeof value === 'string' && POINTER.test(value);
type Method = 'perform' | 'performList' | 'performSubscribe' | 'performUnsubscribe' | 'outputFields' | 'inputFields';

/**
 * Runs an app's methods through zapier-platform-core's Lambda handler, the entry Zapier's runtime
 * calls, with a stand-in for z.cache that the test controls.
 */
export const testerFor = (
  target: Pick<VendorApp, 'version' | 'platformVersion' | 'triggers'> & { authentication?: VendorApp['authentication'] },
  { cache: kind = 'stand-in' }: { cache?: 'stand-in' | 'memory' | { rpc_base: string } } = {},
) => {
  const handler = lambdaHandler(target);
  // A cache that answers `set` with `nx` as Zapier's does (src/workbench/zcache.ts); 'memory' is core's faster one, which ignores `nx`;
  // an `rpc_base` is a stand-in another process runs (the benchmark's, whose answering is not the app's cost).
  let standIn: CacheStandIn | undefined;
  let memory: JsonRecord = {};
  let dropped = false;
  const cacheOf = async () => {
    if (dropped) return {};
    if (kind === 'memory') return { zcacheTestObj: memory };
    if (typeof kind === 'object') return kind;
    standIn ??= await startCacheStandIn();
    return standIn.event;
  };
  const invoke = async <T>(method: string, bundle: AnyBundle, event: JsonRecord = {}): Promise<T> =>
    (await handler({ command: 'execute', method, bundle, ...(await cacheOf()), ...event })).results as T;
  /** Resolves a dehydration pointer as Zapier does when a later step uses it: the hydrator it names, with its input. */
  const hydrate = (pointer: unknown, authData: Record<string, string>) => {
    const match = typeof pointer === 'string' ? POINTER.exec(pointer) : null;
    if (!match) throw new Error(`not a dehydration pointer: ${JSON.stringify(pointer)}`);
    const { method, bundle } = JSON.parse(match[1]!) as { method: string; bundle: JsonRecord };
    return invoke<JsonRecord>(method, { inputData: bundle, authData });
  };
  /** The item as a later step that maps every field sees it: each dehydration pointer in it resolved, one after another. */
  const resolved = async (value: unknown, authData: Record<string, string>): Promise<unknown> => {
    if (isPointer(value)) return hydrate(value, authData);
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (const v of value) out.push(await resolved(v, authData));
      return out;
    }
    if (!isRecord(value)) return value;
    const out: JsonRecord = {};
    for (const [k, v] of Object.entries(value)) out[k] = await resolved(v, authData);
    return out;
  };
  return {
    run: <T = JsonRecord[]>(triggerKey: string, method: Method, bundle: AnyBundle): Promise<T> =>
      invoke<T>(`triggers.${triggerKey}.operation.${method}`, bundle),
    /** `run`, with more of the event Zapier's runtime passes (`autostashPayloadOutputLimit`…). */
    runWithEvent: <T = JsonRecord[]>(triggerKey: string, method: Method, bundle: AnyBundle, event: JsonRecord): Promise<T> =>
      invoke<T>(`triggers.${triggerKey}.operation.${method}`, bundle, event),
    testAuth: (authData: Record<string, string>) => invoke<JsonRecord>('authentication.test', { authData }),
    hydrate,
    resolved,
    /** Empties the stand-in for z.cache (delivery de-duplication state). */
    resetCache: () => {
      dropped = false;
      memory = {};
      standIn?.reset();
    },
    /** No cache at all, as outside Zapier: z.cache then fails. */
    dropCache: () => {
      dropped = true;
    },
    /** Cache round trips so far (the stand-in counts them). */
    cacheCalls: () => standIn?.calls() ?? 0,
    /** The cache stand-in itself (its keys, TTLs, clock and failures), once a call has started it. */
    cache: async () => {
      standIn ??= await startCacheStandIn();
      return standIn;
    },
  };
};

export type Tester = ReturnType<typeof testerFor>;

/** The app of every registered vendor, under test. */
export const tester = testerFor(app);
export const { run, testAuth, resetCache, dropCache, hydrate, resolved } = tester;

/** A bundle as Zapier builds it for a hook `perform` from a POST with this body and headers. */
export const deliveryBundle = (
  body: unknown,
  extra: { headers?: Record<string, string>; authData?: Record<string, string>; inputData?: JsonRecord; subscribeData?: JsonRecord; content?: string } = {},
): AnyBundle => {
  const content = extra.content ?? (body === undefined ? '' : JSON.stringify(body));
  return {
    authData: extra.authData ?? {},
    inputData: extra.inputData ?? {},
    subscribeData: extra.subscribeData,
    ...zapierRequest(content, { 'content-type': 'application/json', ...extra.headers }),
  };
};

/** An app holding these triggers alone, as core compiles it, with the hydrators their lookup pointers name. */
export const appOf = (triggers: Record<string, HookTrigger>, hydrators: Hydrators = app.hydrators) =>
  ({ version: app.version, platformVersion, triggers, hydrators }) satisfies App<Record<string, HookTrigger>>;

/**
 * Runs one trigger's perform through the real runtime, in an app holding that trigger alone: core
 * compiles the whole definition on every call, which would swamp tests that run thousands of
 * deliveries. Each call returns to the event loop afterwards, as Zapier's runtime does between
 * invocations: core's log streams finish on process.nextTick, and a loop of promises alone would
 * hold every bundle until it ends.
 */
export const singleTriggerTester = (
  trigger: HookTrigger,
  { freshCache = true, hydrators = app.hydrators }: { freshCache?: boolean; hydrators?: Hydrators } = {},
) => {
  // Core's in-memory cache: fuzzing does not test de-duplication, and it runs hundreds of thousands of deliveries.
  const tester = testerFor(appOf({ [trigger.key]: trigger }, hydrators), { cache: 'memory' });
  return async (bundle: AnyBundle): Promise<unknown> => {
    if (freshCache) tester.resetCache();
    try {
      return await tester.run<unknown>(trigger.key, 'perform', bundle);
    } finally {
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
};

interface Failure {
  name: string;
  /** The human message (Zapier's AppError and ThrottledError wrap it in JSON). */
  message: string;
  /** The JSON details those errors carry (code, status, delay), when they do. */
  details: JsonRecord;
}

/** The error a promise rejects with, for assertions on class and message. */
export const failure = async (promise: Promise<unknown>): Promise<Failure> => {
  try {
    await promise;
  } catch (error) {
    const { name, message } = error as Error;
    try {
      const details = JSON.parse(message) as JsonRecord;
      if (typeof details.message === 'string') return { name, message: details.message, details };
    } catch {
      // a plain message
    }
    return { name, message, details: {} };
  }
  throw new Error('expected a failure, got success');
};

/** Is this value an ISO-8601 date-time with a zone (Zapier's style rule for samples)? */
export const isIsoWithZone = (value: string): boolean => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value);

/** A registered vendor, by id. */
export const vendorOf = (id: string) => {
  const vendor = VENDORS.find((v) => v.id === id);
  if (!vendor) throw new Error(`no vendor ${id}`);
  return vendor;
};

/** A hook trigger of the app, by key (the app also holds polling triggers). */
export const hookTriggerOf = (key: string): HookTrigger => {
  const trigger = app.triggers[key];
  if (!isHook(trigger)) throw new Error(`${key} is not a hook trigger`);
  return trigger;
};

/** A catalog entry of a registered vendor, by trigger key. */
export const entryOf = (key: string) => {
  const entry = entryByKey(VENDORS, key);
  if (!entry) throw new Error(`no catalog entry ${key}`);
  return entry;
};
