import type { VendorCall, VendorUnderTest } from './harness';
import { secretsOf } from './harness';
import type { Tester } from './runtime';

/** Everything printed, logged, returned or thrown while `record` is the console. */
export const seenLines = () => {
  const seen: string[] = [];
  const record = (...args: unknown[]) => void seen.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
  /** Runs a call; whatever it returns or throws is recorded as seen. */
  const attempt = async (call: Promise<unknown>) => {
    try {
      record(await call);
    } catch (error) {
      const { name, message, stack } = error as Error;
      record(name, message, stack);
    }
  };
  return { seen, record, attempt };
};

/** What a careless vendor answers: every header and the body it received, in its error's own words. */
const echoOf = (headers: Record<string, unknown>, body: unknown) => {
  const received = `authorization=${String(headers.authorization ?? '')} x-refresh-token=${String(headers['x-refresh-token'] ?? '')} body=${typeof body === 'string' ? body : JSON.stringify(body)}`;
  return { errors: [{ status: '422', detail: `not allowed: ${received}` }], message: received, headers };
};

type Answer = 'success' | 401 | 403 | 422 | 500 | 'reset';
const ANSWERS: Answer[] = ['success', 401, 403, 422, 500, 'reset'];

/** Runs every call of the given vendors answered, and failing with the vendor echoing what it received. */
export const exerciseVendorCalls = async (tester: Tester, vendors: readonly VendorUnderTest[], attempt: (call: Promise<unknown>) => Promise<void>) => {
  const secrets: string[] = [];
  const run = async (harness: VendorUnderTest['harness'], call: VendorCall, answer: Answer) => {
    tester.resetCache();
    const authData = { ...harness.authData };
    const interceptor = call.request(authData);
    secrets.push(...secretsOf(harness, authData));
    if (answer === 'success') interceptor.reply(call.success.status, call.success.body);
    else if (answer === 'reset') interceptor.replyWithError(`socket hang up ${JSON.stringify(authData)}`);
    else
      interceptor.reply(function (_uri, body) {
        return [answer, echoOf(this.req.headers, body)];
      });
    await attempt(call.call(tester, authData));
  };
  for (const { harness } of vendors) for (const call of harness.calls) for (const answer of ANSWERS) await run(harness, call, answer);
  return secrets;
};
