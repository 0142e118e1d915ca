import { AsyncLocalStorage } from 'node:async_hooks';
import type { ZObject } from 'zapier-platform-core';

/**
 * Zapier ends a step at 30 s with a message of its own that names nothing. An operation that makes
 * several vendor calls (a turn-on lists, creates, removes) ends before that, with one that names the
 * vendor; each call gets what is left of it. Tests shorten it.
 */
export const deadlines = { operationMs: 25_000 };
/** How long past the deadline the operation's own last steps (a call that ran out, a note) may take before it is given up. */
const GRACE_MS = 1_500;

interface Budget {
  until: number;
  seconds: number;
}
const current = new AsyncLocalStorage<Budget>();

/** Milliseconds left to the running operation's deadline; undefined outside one. */
export const timeLeft = (): number | undefined => {
  const budget = current.getStore();
  return budget && budget.until - Date.now();
};

/** The app's own words for an operation that ran out of time. */
export const outOfTime = (z: ZObject, vendor: string, action: string) =>
  new z.errors.Error(
    `${vendor} did not answer in time: ${action} took longer than the ${current.getStore()?.seconds ?? Math.round(deadlines.operationMs / 1000)} seconds Zapier allows one step. Try again in a few minutes; if it repeats, ${vendor} may be slow or unavailable.`,
    'VendorTimeout',
  );

/** The promise's outcome, or `timedOut()`'s error once `ms` pass first. */
export const within = <T>(promise: Promise<T>, ms: number, timedOut: () => Error): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(timedOut()), ms);
    timer.unref?.();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });

/** Runs an operation of the given vendor(s) under the deadline: it ends by then, with the app's own message. */
export const withinDeadline = <R>(z: ZObject, vendor: string, action: string, operation: () => Promise<R>): Promise<R> => {
  const budget = { until: Date.now() + deadlines.operationMs, seconds: Math.round(deadlines.operationMs / 1000) };
  return current.run(budget, () => within(operation(), deadlines.operationMs + GRACE_MS, () => outOfTime(z, vendor, action)));
};
