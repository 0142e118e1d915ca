import nock from 'nock';
import { limits } from '../../src/lib/http';
import { failure, resetCache, run, testAuth } from '../helpers';

/**
 * Every call the app makes to a vendor, against every way a vendor can fail. Each gives one of
 * Zapier's errors with a message that names the vendor and what to do, never a token, never raw HTML;
 * an unsubscribe of a hook that is already gone succeeds, so the Zap can turn off.
 */

const SECRETS = {
  booqable_company_slug: 'acme',
  booqable_access_token: 'FAULT-bq-token-5d1e',
  romify_api_token: 'FAULT-rm-token-8c2a',
  boom_access_key: 'FAULT-boom-access-3f9b',
  boom_secret_key: 'FAULT-boom-secretkey-71ac',
  boom_webhook_secret: 'FAULT-boom-hook-secret-0e4d',
  claimable_api_token: 'FAULT-cl-token-a6b3',
};
const secretValues = Object.entries(SECRETS).filter(([k]) => k !== 'booqable_company_slug').map(([, v]) => v);
const TARGET = 'https://hooks.zapier.com/hooks/standard/1/fault';

type Interceptor = ReturnType<ReturnType<typeof nock>['get']>;

interface Call {
  name: string;
  vendor: string;
  /** What a 401/403 must name. */
  credential: string;
  /** Statuses that mean success here (the hook is already gone, the connection check's unknown URL). */
  okOn: readonly number[];
  /** Sets up whatever succeeds before the failing request, and returns that request. */
  request(authData: Record<string, string>): Interceptor;
  call(authData: Record<string, string>): Promise<unknown>;
}

const booqable = () => nock('https://acme.booqable.com');
const romify = () => nock('https://hub.romify.io');
const boom = () => nock('https://api.production.boompay.app');
const claimable = () => nock('https://api.claimable.com');

// Boom keeps a signed-in token per key pair for the process: every case gets its own keys.
let boomKeys = 0;
const freshBoomKeys = (authData: Record<string, string>) => {
  boomKeys += 1;
  authData.boom_access_key = `${SECRETS.boom_access_key}-${boomKeys}`;
  authData.boom_secret_key = `${SECRETS.boom_secret_key}-${boomKeys}`;
  secretValues.push(authData.boom_access_key, authData.boom_secret_key);
};

const CALLS: Call[] = [
  {
    name: 'Booqable connection test',
    vendor: 'Booqable',
    credential: 'Booqable Access Token',
    okOn: [],
    request: () => booqable().get('/api/4/webhook_endpoints').query(true),
    call: (authData) => testAuth({ booqable_company_slug: authData.booqable_company_slug!, booqable_access_token: authData.booqable_access_token! }),
  },
  {
    name: 'Booqable subscribe',
    vendor: 'Booqable',
    credential: 'Booqable Access Token',
    okOn: [],
    request: () => booqable().post('/api/4/webhook_endpoints'),
    call: (authData) => run('booqable_invoice_finalized', 'performSubscribe', { authData, targetUrl: TARGET }),
  },
  {
    name: 'Booqable unsubscribe',
    vendor: 'Booqable',
    credential: 'Booqable Access Token',
    okOn: [404, 410],
    request: () => booqable().delete('/api/4/webhook_endpoints/ep_1'),
    call: (authData) => run('booqable_invoice_finalized', 'performUnsubscribe', { authData, targetUrl: TARGET, subscribeData: { id: 'ep_1' } }),
  },
  {
    name: 'Booqable recent invoices (Test trigger)',
    vendor: 'Booqable',
    credential: 'Booqable Access Token',
    okOn: [],
    request: () => booqable().get('/api/4/documents.json').query(true),
    call: (authData) => run('booqable_invoice_finalized', 'performList', { authData, inputData: {} }),
  },
  {
    name: 'Romify connection test',
    vendor: 'Romify',
    credential: 'Romify API Token',
    // The check unsubscribes a URL that never existed: "not found" and "invalid" mean the token worked.
    okOn: [400, 404, 410, 422],
    request: () => romify().post('/api/v1/unsubscribewebhook'),
    call: (authData) => testAuth({ romify_api_token: authData.romify_api_token! }),
  },
  {
    name: 'Romify subscribe',
    vendor: 'Romify',
    credential: 'Romify API Token',
    okOn: [],
    request: () => romify().post('/api/v1/subscribewebhook'),
    call: (authData) => run('romify_event_starts', 'performSubscribe', { authData, targetUrl: TARGET }),
  },
  {
    name: 'Romify unsubscribe',
    vendor: 'Romify',
    credential: 'Romify API Token',
    okOn: [404, 410],
    request: () => romify().post('/api/v1/unsubscribewebhook'),
    call: (authData) => run('romify_event_starts', 'performUnsubscribe', { authData, targetUrl: TARGET, subscribeData: { id: 'hook_1' } }),
  },
  {
    name: 'Boom sign-in (connection test)',
    vendor: 'Boom',
    credential: 'Boom API Access Key and Secret Key',
    okOn: [],
    request: (authData) => {
      freshBoomKeys(authData);
      return boom().post('/partner/v1/authenticate');
    },
    call: (authData) => testAuth({ boom_access_key: authData.boom_access_key!, boom_secret_key: authData.boom_secret_key! }),
  },
  {
    name: 'Boom recent enrollments (Test trigger)',
    vendor: 'Boom',
    credential: 'Boom API Access Key and Secret Key',
    okOn: [],
    request: (authData) => {
      freshBoomKeys(authData);
      boom().post('/partner/v1/authenticate').reply(200, { auth_token: 'FAULT-boom-bearer-99d0' });
      secretValues.push('FAULT-boom-bearer-99d0');
      return boom().get('/partner/v1/enrollments').query(true);
    },
    call: (authData) => run('boom_enrollment_approved', 'performList', { authData, inputData: {} }),
  },
  {
    name: 'Claimable connection test',
    vendor: 'Claimable',
    credential: 'Claimable API Token',
    okOn: [],
    request: () => claimable().get('/claims'),
    call: (authData) => testAuth({ claimable_api_token: authData.claimable_api_token! }),
  },
  {
    name: 'Claimable recent claims (Test trigger)',
    vendor: 'Claimable',
    credential: 'Claimable API Token',
    okOn: [],
    request: () => claimable().get('/claims'),
    call: (authData) => run('claimable_claim_created', 'performList', { authData, inputData: {} }),
  },
];

interface Fault {
  name: string;
  status?: number;
  provoke(i: Interceptor, token: string): void;
  /** Zapier's error class, and what the message must say. */
  expect: { name: string; says: RegExp; delay?: number };
}

const HTML = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';

const FAULTS: Fault[] = [
  { name: '401', status: 401, provoke: (i) => i.reply(401, { error: 'invalid token' }), expect: { name: 'ExpiredAuthError', says: /rejected the .* \(HTTP 401\)\. Check the / } },
  { name: '403', status: 403, provoke: (i) => i.reply(403, { error: 'forbidden' }), expect: { name: 'ExpiredAuthError', says: /refused access .* \(HTTP 403\).*lacks the permission/ } },
  { name: '404', status: 404, provoke: (i) => i.reply(404, { error: 'not found' }), expect: { name: 'AppError', says: /answered "not found" .* \(HTTP 404\)/ } },
  { name: '410', status: 410, provoke: (i) => i.reply(410, ''), expect: { name: 'AppError', says: /answered that this address is gone \(HTTP 410\)/ } },
  {
    name: '422 with the vendor’s reason (echoing the token)',
    status: 422,
    provoke: (i, token) => i.reply(422, { errors: [{ status: '422', detail: `hookUrl is invalid for token ${token}` }] }),
    expect: { name: 'AppError', says: /refused the request .* \(HTTP 422\): hookUrl is invalid for token \[redacted\]/ },
  },
  { name: '422 without a body', status: 422, provoke: (i) => i.reply(422, ''), expect: { name: 'AppError', says: /\(HTTP 422\): no reason given/ } },
  { name: '429 with Retry-After', status: 429, provoke: (i) => i.reply(429, '', { 'Retry-After': '42' }), expect: { name: 'ThrottledError', says: /rate-limiting .* retry in 42 seconds/, delay: 42 } },
  { name: '429 without Retry-After', status: 429, provoke: (i) => i.reply(429, { error: 'slow down' }), expect: { name: 'ThrottledError', says: /retry in 60 seconds/, delay: 60 } },
  { name: '500', status: 500, provoke: (i) => i.reply(500, { error: 'boom' }), expect: { name: 'AppError', says: /is unavailable \(HTTP 500\).*Try again/ } },
  { name: '503 with an HTML error page', status: 503, provoke: (i) => i.reply(503, HTML, { 'content-type': 'text/html' }), expect: { name: 'AppError', says: /is unavailable \(HTTP 503\)/ } },
  { name: 'a timeout', provoke: (i) => i.delay(2_000).reply(200, {}), expect: { name: 'AppError', says: /is unavailable: no answer .*timeout/ } },
  { name: 'a connection reset', provoke: (i) => i.replyWithError('socket hang up (ECONNRESET)'), expect: { name: 'AppError', says: /is unavailable: no answer .*socket hang up/ } },
  { name: 'a non-JSON 200', provoke: (i) => i.reply(200, 'OK then'), expect: { name: 'AppError', says: /answered with something other than JSON \(HTTP 200\)/ } },
  { name: 'an HTML page with 200', provoke: (i) => i.reply(200, HTML, { 'content-type': 'text/html' }), expect: { name: 'AppError', says: /answered with a web page \(HTTP 200\)/ } },
];

// Calls whose success needs nothing from the answer: a non-JSON 2xx is still success there.
const ANSWER_UNUSED = new Set(['Booqable unsubscribe', 'Romify connection test', 'Romify unsubscribe']);

const originalTimeout = limits.timeoutMs;
beforeAll(() => {
  // A real timeout, made short: the vendor answers after 2 s, the request gives up after 0.3 s.
  limits.timeoutMs = 300;
});
afterAll(() => {
  limits.timeoutMs = originalTimeout;
});
beforeEach(() => resetCache());

const cases = CALLS.flatMap((call) => FAULTS.map((fault) => ({ call, fault, label: `${call.name}: ${fault.name}` })));

describe.each(cases)('$label', ({ call, fault }) => {
  it('gives the documented Zapier error, clearly worded, with no secret or HTML in it', async () => {
    const authData: Record<string, string> = { ...SECRETS };
    const interceptor = call.request(authData);
    const token = { Booqable: authData.booqable_access_token, Romify: authData.romify_api_token, Claimable: authData.claimable_api_token }[call.vendor] ?? authData.boom_secret_key!;
    fault.provoke(interceptor, token);

    const succeeds = (fault.status !== undefined && call.okOn.includes(fault.status)) || (fault.status === undefined && /200/.test(fault.name) && ANSWER_UNUSED.has(call.name));
    if (succeeds) {
      await expect(call.call(authData)).resolves.toBeDefined();
      return;
    }
    const error = await failure(call.call(authData));
    expect(error.name).toBe(fault.expect.name);
    expect(error.message).toMatch(fault.expect.says);
    expect(error.message).toContain(call.vendor);
    if (fault.status === 401 || fault.status === 403) expect(error.message).toContain(call.credential);
    if (fault.expect.delay !== undefined) expect(error.details).toMatchObject({ delay: fault.expect.delay });
    expect(error.message).not.toMatch(/<html|<!DOCTYPE/i);
    for (const secret of secretValues) expect(error.message).not.toContain(secret);
  });
});

