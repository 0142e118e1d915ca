import type { VendorApp } from '../src/app';

/** Vendor requests per call, counted by nock; every answer is the vendor's documented success (each vendor's test harness lists its calls). */
export const countVendorCalls = async (app: VendorApp): Promise<string[]> => {
  // Loaded here, not at the top: nock intercepts every request of the process once loaded.
  const nock = require('nock') as typeof import('nock');
  const { registeredVendors } = require('../test/support/harness') as typeof import('../test/support/harness');
  const { testerFor } = require('../test/support/runtime') as typeof import('../test/support/runtime');
  nock.disableNetConnect();
  const tester = testerFor(app);
  const lines: string[] = [];
  for (const { harness } of registeredVendors()) {
    for (const call of harness.calls) {
      const authData = { ...harness.authData };
      call.request(authData).reply(call.success.status, call.success.body);
      // Each interceptor answers one request: the ones used up are the requests made.
      const pending = nock.pendingMocks().length;
      await call.call(tester, authData);
      lines.push(`${call.name}: ${pending - nock.pendingMocks().length} (floor ${call.floor})`);
      nock.cleanAll();
    }
  }
  nock.restore();
  return lines;
};
