import { checkFault, faultCases, shortenTimeouts } from '../support/faults';
import { registeredVendors } from '../support/harness';
import { tester } from '../support/runtime';

/**
 * Every call the app makes to a vendor (each vendor's harness lists them), against every way a
 * vendor can fail. Each gives one of Zapier's errors with a message that names the vendor and what
 * to do, never a token, never raw HTML; an unsubscribe of a hook that is already gone succeeds, so
 * the Zap can turn off.
 */

shortenTimeouts();

describe.each(faultCases(registeredVendors()))('$label', (c) => {
  it('gives the documented Zapier error, clearly worded, with no secret or HTML in it', () => checkFault(tester, c));
});
