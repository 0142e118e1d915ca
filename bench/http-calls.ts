import nock from 'nock';
import type { VendorApp } from '../src/app';
import { registeredVendors } from '../test/support/harness';
import { testerFor } from '../test/support/runtime';

/** Vendor requests per call, counted by nock; every answer is the vendor's documented success (each vendor's test harness lists its calls). */
export const countVendorCalls = async (app: VendorApp): Promise<string[]> => {
  const tester = testerFor(app);
  const lines: string[] = [];
  for (const { harness } of registeredVendors()) {
    for (const call of harness.calls) {
      const authData = { ...harness.authData };
      nock.cleanAll();
      call.request(authData).reply(call.success.status, call.success.body);
      // Each interceptor answers one request: the ones used up are the requests made.
      const pending = nock.pendingMocks().length;
      await call.call(tester, authData);
      lines.push(`${call.name}: ${pending - nock.pendingMocks().length} (floor ${call.floor})`);
    }
  }
  nock.cleanAll();
  return lines;
};
