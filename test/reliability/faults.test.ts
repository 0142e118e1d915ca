import { buildApp } from '../../src/app';
import type { Vendor } from '../../src/lib/catalog';
import { checkFault, faultCases, shortenTimeouts } from '../support/faults';
import { registeredVendors } from '../support/harness';
import { tester, testerFor } from '../support/runtime';

/**
 * Every call the app makes to a vendor (each vendor's harness lists them), against every way a
 * vendor can fail. Each gives one of Zapier's errors with a message that names the vendor and what
 * to do, never a token, never raw HTML; an unsubscribe of a hook that is already gone succeeds, so
 * the Zap can turn off.
 */

shortenTimeouts();

// In the vendor's own app, as people install it; and in the combined app, where one connection holds every vendor.
const ownApps = new Map<Vendor, ReturnType<typeof testerFor>>();
const ownApp = (vendor: Vendor) => ownApps.get(vendor) ?? ownApps.set(vendor, testerFor(buildApp([vendor]))).get(vendor)!;

describe.each(faultCases(registeredVendors()))('$label', (c) => {
  it("in the vendor's own app: the documented Zapier error, clearly worded, with no secret or HTML in it", () => checkFault(ownApp(c.vendor), c));
});

// Where the apps differ: a refused credential, which in the combined app must not stop the other vendors' Zaps.
describe.each(faultCases(registeredVendors()).filter((c) => c.fault.status === 401 || c.fault.status === 403))('$label', (c) => {
  it('in the combined app: the same words, and the shared connection is never marked expired', () => checkFault(tester, c, { shared: true }));
});
