import type { Bundle, HttpResponse, ZObject } from 'zapier-platform-core';
import type { JsonRecord } from './catalog';
import { redact, redactWhole } from './redact';
import { asRecord, asString, cut, parseJson } from './values';

/** What the error mapping needs to know to say which credential to fix. */
export interface ErrorContext {
  vendor: string;
  /** Label of the credential a 401/403 points at ("<Vendor> Access Token"). */
  credential: string;
  /** What we were doing, for the message ("subscribing to invoice.finalized"). */
  action: string;
  /** Said on a 404 (e.g. the company slug is probably wrong). */
  notFoundHint?: string;
  /** The connection the request was made for: its credential fields are scrubbed from every message. */
  authData: JsonRecord | undefined;
  /** The request carried a token the app obtained itself and renews (a sign-in token), not the stored credential. */
  renewable?: boolean;
}

/** What a message must be scrubbed of: set by `vendorRequest` from the request itself and the connection. */
export interface Scrubbed extends ErrorContext {
  secrets: readonly string[];
}

const DEFAULT_RETRY_SECONDS = 60;

/** The vendor's own words from any of the four vendors' error shapes, if it sent some. */
const vendorMessage = (content: string): string | undefined => {
  const body = asRecord(parseJson(content));
  if (!body) return undefined;
  const first = Array.isArray(body.errors) ? asRecord(body.errors[0]) : undefined;
  const error = body.error;
  const candidates = [
    first && (asString(first.detail) ?? asString(first.title)),
    asString(error),
    asRecord(error) && asString((error as JsonRecord).message),
    asString(body.message),
    asString(body.detail),
  ];
  return candidates.find((c): c is string => typeof c === 'string');
};

/** How much of a vendor's own words a message quotes, once scrubbed. */
const VENDOR_WORDS_MAX = 500;

const retryAfterSeconds = (response: HttpResponse): number => {
  const header = response.getHeader('retry-after');
  if (!header) return DEFAULT_RETRY_SECONDS;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? DEFAULT_RETRY_SECONDS : Math.max(1, Math.ceil((date - Date.now()) / 1000));
};

/**
 * Turns a vendor's non-2xx answer into the Zapier error a user can act on. Never returns.
 *
 * Which error, by one rule: `ExpiredAuthError` marks the connection stale, turns its Zaps off and
 * emails the user (Zapier's build guidelines), so only an answer proving that the credential the
 * user stored is no longer valid becomes one: a 401 to that credential. A 403 (a missing
 * permission, not an expired credential), a 401 to a token the app obtains and renews itself
 * (`ctx.renewable`), and everything else fail the step and leave the Zap on, saying what to do.
 * In an app whose connection holds several vendors, `keepOtherVendorsRunning` turns even that 401
 * into such an error, so one vendor's credential never stops another vendor's Zaps.
 */
export const throwForVendorStatus = (z: ZObject, response: HttpResponse, ctx: Scrubbed): never => {
  const status = response.status;
  // Scrubbed before it is cut to its length: a secret across the cut must not leave its first characters
  // behind (a first, rougher cut bounds the work on a vendor's megabyte of words).
  const words = vendorMessage(response.content ?? '');
  const own = words === undefined ? undefined : cut(redact(words.slice(0, VENDOR_WORDS_MAX * 4), ctx.secrets), VENDOR_WORDS_MAX);
  const said = own ? ` ${ctx.vendor} said: "${own}"` : '';
  // The vendor's words are scrubbed of any fragment of a secret above; the app's own, of whole ones.
  const say = (text: string) => redactWhole(text, ctx.secrets);

  if (status === 401 && ctx.renewable) {
    throw new z.errors.Error(
      say(
        `${ctx.vendor} refused a fresh sign-in token while ${ctx.action} (HTTP 401). Try again in a few minutes; if it persists, contact ${ctx.vendor} support.${said}`,
      ),
      'SignInRefused',
      status,
    );
  }
  if (status === 401) {
    const text = say(
      `${ctx.vendor} rejected the ${ctx.credential} while ${ctx.action} (HTTP 401). Check the ${ctx.credential} in the connection, or reconnect with a new one.${said}`,
    );
    throw new z.errors.ExpiredAuthError(text);
  }
  if (status === 403) {
    throw new z.errors.Error(
      say(
        `${ctx.vendor} refused access while ${ctx.action} (HTTP 403): the ${ctx.credential} in the connection lacks the permission this needs. Give it that permission in ${ctx.vendor}, or use one that has it.${said}`,
      ),
      'Forbidden',
      status,
    );
  }
  if (status === 404) {
    const hint = ctx.notFoundHint ? ` ${ctx.notFoundHint}` : '';
    throw new z.errors.Error(say(`${ctx.vendor} answered "not found" while ${ctx.action} (HTTP 404).${hint}${said}`), 'NotFound', status);
  }
  if (status === 410) {
    throw new z.errors.Error(say(`${ctx.vendor} answered that this address is gone (HTTP 410) while ${ctx.action}.${said}`), 'Gone', status);
  }
  if (status === 422 || status === 400) {
    const detail = own ?? 'no reason given';
    throw new z.errors.Error(say(`${ctx.vendor} refused the request while ${ctx.action} (HTTP ${status}): ${detail}`), 'InvalidRequest', status);
  }
  if (status === 429) {
    const seconds = retryAfterSeconds(response);
    throw new z.errors.ThrottledError(say(`${ctx.vendor} is rate-limiting requests (HTTP 429) while ${ctx.action}; retry in ${seconds} seconds.`), seconds);
  }
  if (status >= 500) {
    throw new z.errors.Error(
      say(`${ctx.vendor} is unavailable (HTTP ${status}) while ${ctx.action}. Try again in a few minutes.${said}`),
      'VendorUnavailable',
      status,
    );
  }
  throw new z.errors.Error(say(`${ctx.vendor} answered HTTP ${status} while ${ctx.action}.${said}`), 'VendorError', status);
};

/** A request that never got an answer (reset, timeout, DNS). */
export const unreachable = (z: ZObject, error: unknown, ctx: Scrubbed): never => {
  const reason = redact(error instanceof Error ? error.message : String(error), ctx.secrets);
  throw new z.errors.Error(
    redactWhole(`${ctx.vendor} is unavailable: no answer while ${ctx.action} (${reason}). Try again in a few minutes.`, ctx.secrets),
    'VendorUnavailable',
  );
};

/** A 2xx answer that is not JSON where data was needed: usually a web page at a wrong address. */
export const notJson = (z: ZObject, response: HttpResponse, ctx: Scrubbed): never => {
  const looksHtml = /^\s*</.test(response.content ?? '');
  const hint = ctx.notFoundHint ? ` ${ctx.notFoundHint}` : '';
  throw new z.errors.Error(
    redactWhole(
      `${ctx.vendor} answered with ${looksHtml ? 'a web page' : 'something other than JSON'} (HTTP ${response.status}) while ${ctx.action}, so there was nothing to read.${hint} If this persists, ${ctx.vendor} may be having problems.`,
      ctx.secrets,
    ),
    'UnexpectedAnswer',
    response.status,
  );
};

/**
 * For an app whose one connection holds several vendors: a vendor's `ExpiredAuthError` would mark
 * the whole connection stale and turn off every vendor's Zaps, so it fails the step instead, with
 * the same words (which credential to fix) and the same status.
 */
export const keepOtherVendorsRunning =
  <R>(operation: (z: ZObject, bundle: Bundle) => Promise<R>): ((z: ZObject, bundle: Bundle) => Promise<R>) =>
  async (z: ZObject, bundle: Bundle) => {
    try {
      return await operation(z, bundle);
    } catch (error) {
      if (!(error instanceof Error) || error.name !== 'ExpiredAuthError') throw error;
      const replaced = new z.errors.Error(
        `${error.message} (This connection also holds other vendors, so it stays connected and their Zaps keep running.)`,
        'CredentialRejected',
        401,
      );
      (replaced as Error & { doNotContextify?: boolean }).doNotContextify = true;
      throw replaced;
    }
  };
