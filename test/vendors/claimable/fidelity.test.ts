import { describeFidelity } from '../../support/fidelity';
import documented from './fixtures/documented-fields.json';

describeFidelity({
  vendorId: 'claimable',
  examples: [
    ['claimable_claim_assigned', 'docs-claim-assigned-ui.json'],
    ['claimable_claim_created', 'docs-claim-created-api.json'],
    ['claimable_contact_created', 'docs-contact-created-ui.json'],
    ['claimable_event', 'docs-claim-created-api.json'],
  ],
  documented: documented.keys,
  minorOf: (key) => (key.endsWith('_decimal') ? key.replace(/_decimal$/, '') : undefined),
  exceptions: {
    event_title: 'the event in words, added by New … Event beside the vendor code',
    id: 'the item id: derived from the delivery (Claimable sends no delivery id), so that a retry repeats it',
  },
});
