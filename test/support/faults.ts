import { limits } from '../../src/lib/http';
import type { Interceptor, VendorUnderTest } from './harness';
import { secretsOf } from './harness';
import { failure, type Tester } from './runtime';

/**
 * Every call the app makes to a vendor, against every way a vendor can fail. Each gives one of
 * Zapier's errors with a message that names the vendor and what to do, never a token, never raw HTML;
 * an unsubscribe of a hook that is already gone succeeds, so the Zap can turn off.
 */

interface Fault {
  name: string;
  status?: number;
  provoke(i: Interceptor, token: string): void;
  /** Zapier's error class, and what the message must say. */
  expect: { name: string; says: RegExp; delay?: number };
}

const HTML = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';

const FAULTS: Fault[] = [
  {
    name: '401',
    status: 401,
    provoke: (i) => i.reply(401, { error: 'invalid token' }),
    expect: { name: 'ExpiredAuthError', says: /rejected the .* \(HTTP 401\)\. Check the / },
  },
  {
    name: '403',
    status: 403,
    provoke: (i) => i.reply(403, { error: 'forbidden' }),
    // A missing permission is not an expired credential: the Zap stays on (Zapier's build guidelines).
    expect: { name: 'AppError', says: /refused access .* \(HTTP 403\).*lacks the permission/ },
  },
  {
    name: '404',
    status: 404,
    provoke: (i) => i.reply(404, { error: 'not found' }),
    expect: { name: 'AppError', says: /answered "not found" .* \(HTTP 404\)/ },
  },
  { name: '410', status: 410, provoke: (i) => i.reply(410, ''), expect: { name: 'AppError', says: /answered that this address is gone \(HTTP 410\)/ } },
  {
    name: '422 with the vendor’s reason (echoing the token)',
    status: 422,
    provoke: (i, token) => i.reply(422, { errors: [{ status: '422', detail: `hookUrl is invalid for token ${token}` }] }),
    expect: { name: 'AppError', says: /refused the request .* \(HTTP 422\): hookUrl is invalid for token \[redacted\]/ },
  },
  { name: '422 without a body', status: 422, provoke: (i) => i.reply(422, ''), expect: { name: 'AppError', says: /\(HTTP 422\): no reason given/ } },
  {
    name: '429 with Retry-After',
    status: 429,
    provoke: (i) => i.reply(429, '', { 'Retry-After': '42' }),
    expect: { name: 'ThrottledError', says: /rate-limiting .* retry in 42 seconds/, delay: 42 },
  },
  {
    name: '429 without Retry-After',
    status: 429,
    provoke: (i) => i.reply(429, { error: 'slow down' }),
    expect: { name: 'ThrottledError', says: /retry in 60 seconds/, delay: 60 },
  },
  { name: '500', status: 500, provoke: (i) => i.reply(500, { error: 'boom' }), expect: { name: 'AppError', says: /is unavailable \(HTTP 500\).*Try again/ } },
  {
    name: '503 with an HTML error page',
    status: 503,
    provoke: (i) => i.reply(503, HTML, { 'content-type': 'text/html' }),
    expect: { name: 'AppError', says: /is unavailable \(HTTP 503\)/ },
  },
  { name: 'a timeout', provoke: (i) => i.delay(2_000).reply(200, {}), expect: { name: 'AppError', says: /is unavailable: no answer .*timeout/ } },
  {
    name: 'a connection reset',
    provoke: (i) => i.replyWithError('socket hang up (ECONNRESET)'),
    expect: { name: 'AppError', says: /is unavailable: no answer .*socket hang up/ },
  },
  {
    name: 'a non-JSON 200',
    provoke: (i) => i.reply(200, 'OK then'),
    expect: { name: 'AppError', says: /answered with something other than JSON \(HTTP 200\)/ },
  },
  {
    name: 'an HTML page with 200',
    provoke: (i) => i.reply(200, HTML, { 'content-type': 'text/html' }),
    expect: { name: 'AppError', says: /answered with a web page \(HTTP 200\)/ },
  },
];

/** Every call of every vendor against every fault; the same for any list of vendors (see the registry test). */
export const faultCases = (vendors: readonly VendorUnderTest[]) =>
  vendors.flatMap(({ vendor, harness }) =>
    harness.calls.flatMap((call) => FAULTS.map((fault) => ({ vendor, harness, call, fault, label: `${call.name}: ${fault.name}` }))),
  );

/** Runs one case: the documented Zapier error, clearly worded, with no secret or HTML in it. */
export const checkFault = async (tester: Tester, { vendor, harness, call, fault }: ReturnType<typeof faultCases>[number], { shared = false } = {}) => {
  tester.resetCache();
  const authData = { ...harness.authData };
  const interceptor = call.request(authData);
  // A 401 to a token the app renews signs in again once: the retry meets the same answer.
  const renewed = fault.status === 401 && call.renewal ? call.renewal(authData) : undefined;
  const secrets = secretsOf(harness, authData);
  fault.provoke(interceptor, secrets[0] ?? '');
  if (renewed) fault.provoke(renewed, secrets[0] ?? '');
  const succeeds =
    (fault.status !== undefined && (call.okOn ?? []).includes(fault.status)) || (fault.status === undefined && /200/.test(fault.name) && call.answerUnused);
  if (succeeds) {
    await expect(call.call(tester, authData)).resolves.toBeDefined();
    return;
  }
  const error = await failure(call.call(tester, authData));
  if (renewed) {
    // Twice refused with a fresh token: the step fails, the connection (whose keys signed in) stays.
    expect(error.name).toBe('AppError');
    expect(error.message).toMatch(/refused a fresh sign-in token .* \(HTTP 401\)/);
    expect(error.message).toContain(vendor.name);
    for (const secret of secrets) expect(error.message).not.toContain(secret);
    return;
  }
  // Where the connection holds several vendors, ExpiredAuthError would turn off every vendor's Zaps.
  if (shared && fault.expect.name === 'ExpiredAuthError') {
    expect(error.name).toBe('AppError');
    expect(error.message).toMatch(/other vendors, so it stays connected/);
  } else expect(error.name).toBe(fault.expect.name);
  expect(error.message).toMatch(fault.expect.says);
  expect(error.message).toContain(vendor.name);
  if (fault.status === 401 || fault.status === 403) expect(error.message).toContain(call.credential);
  if (fault.expect.delay !== undefined) expect(error.details).toMatchObject({ delay: fault.expect.delay });
  expect(error.message).not.toMatch(/<html|<!DOCTYPE/i);
  for (const secret of secrets) expect(error.message).not.toContain(secret);
};

/** For the test file's duration, a real timeout made short: the vendor answers after 2 s, the request gives up after 0.3 s. */
export const shortenTimeouts = () => {
  const original = limits.timeoutMs;
  beforeAll(() => {
    limits.timeoutMs = 300;
  });
  afterAll(() => {
    limits.timeoutMs = original;
  });
};
