import { buildApp } from '../../src/app';
import { registeredVendors, secretsOf } from '../support/harness';
import { failure, testerFor } from '../support/runtime';

/**
 * A message quotes at most 500 characters of the vendor's own words. A vendor that echoes a
 * credential right across that cut must leave none of it behind: scrubbed first, cut after. Each
 * credential of each vendor is placed at every position around the cut, and no 8 characters of it
 * may appear in the message.
 */

const CUT = 500;
const pieces = (secret: string, size = 8) => Array.from({ length: Math.max(1, secret.length - size + 1) }, (_, i) => secret.slice(i, i + size));

describe.each(registeredVendors().filter(({ harness }) => harness.calls.length > 0))('$vendor.name', ({ vendor, harness }) => {
  const tester = testerFor(buildApp([vendor]));
  const call = harness.calls[0]!;

  it(`${call.name}: a 422 echoing each credential across the ${CUT}-character cut shows none of it`, async () => {
    const leaks: string[] = [];
    // A call may put fresh values into the connection (a sign-in token): each run's own are the ones placed.
    const count = secretsOf(harness, { ...harness.authData }).length;
    for (let which = 0; which < count; which += 1) {
      // From wholly before the cut to just after it, for credentials of up to 40 characters.
      for (let at = CUT - 42; at <= CUT + 1; at += 1) {
        tester.resetCache();
        const authData = { ...harness.authData };
        const interceptor = call.request(authData);
        const secret = secretsOf(harness, authData)[which]!;
        const words = `${'x'.repeat(at)}${secret}${'y'.repeat(40)}`;
        interceptor.reply(422, { errors: [{ status: '422', detail: words }], error: { message: words }, message: words });
        const { message } = await failure(call.call(tester, authData));
        for (const piece of pieces(secret)) if (message.includes(piece)) leaks.push(`${secret} at ${at}: "${piece}"`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
