import type { HttpRequestOptions, HttpResponse, ZObject } from 'zapier-platform-core';
import { outOfTime, timeLeft } from './deadline';
import { type ErrorContext, notJson, type Scrubbed, throwForVendorStatus, unreachable } from './errors';
import { credentialsIn, credentialsOf } from './redact';
import { parseJson } from './values';

interface VendorRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
  body?: unknown;
  /** Statuses that are fine here besides 2xx (404/410 on unsubscribe: already gone). */
  alsoOk?: readonly number[];
  /** The answer must be JSON (an id, a list): a 2xx HTML page means a wrong address, not data. */
  needsJson?: boolean;
}

/** A call to a vendor's API by its path under the vendor's base address: what each vendor's one request function (its `client.ts`) takes. */
export type VendorCall = Omit<VendorRequest, 'url' | 'headers'> & { path: string };

export interface VendorAnswer {
  status: number;
  /** The parsed JSON body; undefined when the body is empty or not JSON. */
  data: unknown;
}

const ZAPIER_ERRORS = new Set(['AppError', 'ThrottledError', 'ExpiredAuthError', 'HaltedError', 'RefreshAuthError']);
const isZapierError = (error: unknown) => error instanceof Error && ZAPIER_ERRORS.has(error.name);

/** Leaves room inside Zapier's 30 s per perform for our own work; tests shorten it to provoke a timeout. */
export const limits = { timeoutMs: 20_000 };

/**
 * Every vendor call goes through here, so every vendor gets the same error mapping, and every
 * message is scrubbed of whatever credential the request carried (a token obtained at run time
 * included) and of the connection's credential fields, without an adapter listing them.
 */
export const vendorRequest = async (z: ZObject, request: VendorRequest, context: ErrorContext): Promise<VendorAnswer> => {
  const ctx: Scrubbed = { ...context, secrets: [...credentialsIn(request.headers, request.body), ...credentialsOf(context.authData)] };
  // Within an operation's deadline, a call gets what is left of it.
  const left = timeLeft();
  if (left !== undefined && left <= 0) throw outOfTime(z, context.vendor, context.action);
  const bounded = left !== undefined && left < limits.timeoutMs;
  const options: HttpRequestOptions & { url: string; method: VendorRequest['method']; skipThrowForStatus: boolean; throwForThrottlingEarly: boolean } = {
    url: request.url,
    method: request.method,
    headers: { accept: 'application/json', ...request.headers },
    params: request.params,
    timeout: bounded ? Math.max(1, Math.floor(left)) : limits.timeoutMs,
    skipThrowForStatus: true,
    // Our own 429 mapping names the vendor and defaults the delay when Retry-After is absent.
    throwForThrottlingEarly: false,
  };
  if (request.body !== undefined) {
    options.body = JSON.stringify(request.body);
    options.headers = { ...options.headers, 'content-type': 'application/json' };
  }
  let response: HttpResponse;
  try {
    response = await z.request(options);
  } catch (error) {
    if (isZapierError(error)) throw error;
    // The timeout was what was left of the operation's deadline: the operation is out of time.
    if (bounded && /time ?out/i.test(error instanceof Error ? error.message : String(error))) throw outOfTime(z, context.vendor, context.action);
    return unreachable(z, error, ctx);
  }
  const ok = (response.status >= 200 && response.status < 300) || (request.alsoOk ?? []).includes(response.status);
  if (!ok) throwForVendorStatus(z, response, ctx);
  const data = parseJson(response.content);
  // alsoOk statuses (a 404 on unsubscribe) need no answer; a 2xx that should carry data does.
  if (request.needsJson && data === undefined && response.status < 300) notJson(z, response, ctx);
  return { status: response.status, data };
};
