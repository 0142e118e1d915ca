import { describeFuzz, fuzzTargets } from '../support/fuzz';
import { registeredVendors } from '../support/harness';

// Every trigger of every registered vendor, in two halves so that jest fuzzes on both cores.
describeFuzz(fuzzTargets(registeredVendors()).filter((_, i) => i % 2 === 0));
