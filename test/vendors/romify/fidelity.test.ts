import { describeFidelity } from '../../support/fidelity';
import documented from './fixtures/documented-fields.json';

const ILLUSTRATIVE =
  "Romify has not published APIv1Lead's or APIv1Event's fields: an illustrative name, said so in the trigger text; every field Romify sends passes through";

describeFidelity({
  vendorId: 'romify',
  // No documented example of a lead or an event exists to run.
  examples: [],
  documented: documented.keys,
  minorOf: () => undefined,
  exceptions: Object.fromEntries(
    ['firstName', 'lastName', 'email', 'phone', 'company', 'jobTitle', 'scannedAt', 'name', 'status', 'startDate', 'endDate'].map((key) => [key, ILLUSTRATIVE]),
  ),
});
