import { createAppTester } from 'zapier-platform-core';
import app from '../src/index';
import { zapierRequest } from '../src/lib/delivery';

export const appTester = createAppTester(app);
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
  appTester(`triggers.${triggerKey}.operation.${method}` as never, bundle as never) as Promise<T>;

/** Runs the connection test. */
export const testAuth = (authData: Record<string, string>) => appTester('authentication.test' as never, { authData } as never) as Promise<Record<string, unknown>>;

/** The error a promise rejects with, for assertions on class and message. */
export const failure = async (promise: Promise<unknown>): Promise<Error & { name: string }> => {
  try {
    await promise;
  } catch (error) {
    return error as Error & { name: string };
  }
  throw new Error('expected a failure, got success');
};
