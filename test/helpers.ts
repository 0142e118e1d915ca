import { createAppTester } from 'zapier-platform-core';
import app from '../src/index';
import { zapierRequest } from '../src/lib/delivery';

export const appTester = createAppTester(app);

/** Empties the app tester's stand-in for z.cache (delivery de-duplication state). */
export const resetCache = () => {
  (appTester as unknown as { zcacheTestObj: Record<string, unknown> }).zcacheTestObj = {};
};
export { app };

export type AnyBundle = Record<string, unknown>;

/** A bundle as Zapier builds it for a hook `perform` from a POST with this body and headers. */
export const deliveryBundle = (
  body: unknown,
  extra: { headers?: Record<string, string>; authData?: Record<string, string>; inputData?: Record<string, unknown>; subscribeData?: Record<string, unknown>; content?: string } = {},
): AnyBundle => {
  const content = extra.content ?? (body === undefined ? '' : JSON.stringify(body));
  return {
    authData: extra.authData ?? {},
    inputData: extra.inputData ?? {},
    subscribeData: extra.subscribeData,
    ...zapierRequest(content, { 'content-type': 'application/json', ...extra.headers }),
  };
};

/** Runs one trigger method through the real zapier-platform-core runtime. */
export const run = <T = Record<string, unknown>[]>(triggerKey: string, method: 'perform' | 'performList' | 'performSubscribe' | 'performUnsubscribe', bundle: AnyBundle): Promise<T> =>
  appTester(operation(triggerKey, method) as never, bundle as never) as Promise<T>;

const operation = (triggerKey: string, method: string) => {
  const trigger = (app.triggers as unknown as Record<string, { operation: Record<string, unknown> }>)[triggerKey];
  const fn = trigger?.operation[method];
  if (typeof fn !== 'function') throw new Error(`no ${method} on trigger ${triggerKey}`);
  return fn;
};

/**
 * Runs one trigger's perform through the real runtime, in an app holding that trigger alone: core
 * compiles the whole definition on every call (about 10 ms for ~100 triggers), which would swamp
 * tests that run thousands of deliveries. Each call returns to the event loop afterwards, as
 * Zapier's runtime does between invocations: core's log streams finish on process.nextTick, and a
 * loop of promises alone would hold every bundle until it ends.
 */
export const singleTriggerTester = (key: string, { freshCache = true } = {}) => {
  const trigger = (app.triggers as unknown as Record<string, { operation: { perform: unknown } }>)[key]!;
  const tester = createAppTester({ version: app.version, platformVersion: app.platformVersion, triggers: { [key]: trigger } } as never);
  return async (bundle: AnyBundle): Promise<unknown> => {
    if (freshCache) (tester as unknown as { zcacheTestObj: object }).zcacheTestObj = {};
    try {
      return await tester(trigger.operation.perform as never, bundle as never);
    } finally {
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
};

/** Runs the connection test. */
export const testAuth = (authData: Record<string, string>) => appTester(app.authentication.test as never, { authData } as never) as Promise<Record<string, unknown>>;

export interface Failure {
  name: string;
  /** The human message (Zapier's AppError and ThrottledError wrap it in JSON). */
  message: string;
  /** The JSON details those errors carry (code, status, delay), when they do. */
  details: Record<string, unknown>;
}

/** The error a promise rejects with, for assertions on class and message. */
export const failure = async (promise: Promise<unknown>): Promise<Failure> => {
  try {
    await promise;
  } catch (error) {
    const { name, message } = error as Error;
    try {
      const details = JSON.parse(message) as Record<string, unknown>;
      if (typeof details.message === 'string') return { name, message: details.message, details };
    } catch {
      // a plain message
    }
    return { name, message, details: {} };
  }
  throw new Error('expected a failure, got success');
};
