import { describeFidelity } from '../../support/fidelity';
import documented from './fixtures/documented-fields.json';

describeFidelity({
  vendorId: 'claimable',
  examples: [
    ['claimable_claim_assigned', 'docs-claim-assigned-ui.json'],
    ['claimable_claim_created', 'docs-claim-created-api.json'],
    ['claimable_claim_created', 'docs-claim-reference-example.json'],
    ['claimable_claim_damage_created', 'docs-claim-damage-created.json'],
    ['claimable_contact_created', 'docs-contact-created-ui.json'],
    ['claimable_event', 'docs-claim-created-api.json'],
  ],
  documented: documented.keys,
  unlabelled: documented.unlabelled,
  minorOf: (key) => (key.endsWith('_decimal') ? key.replace(/_decimal$/, '') : undefined),
  exceptions: {
    event_title: 'the event in words, added by New … Event beside the vendor code',
    id: 'the item id: derived from the delivery (Claimable sends no delivery id), so that a retry repeats it',
    claim__incident_location: "ours: the claim's incident address parts as one line, without the country code or the note",
    claim__claimant__full_name: 'ours: first, middle and last name joined, for a To or Name field',
    claim__insured__full_name: 'ours: first, middle and last name joined, for a To or Name field',
    contact__full_name: 'ours: first, middle and last name joined, for a To or Name field',
    assignee__name: "looked up with a Claimable API token: the assigned user's name from Claimable's users resource",
    assignee__email: "looked up with a Claimable API token: the assigned user's email from Claimable's users resource",
  },
  notInExamples: {
    damage__id: "in the attribute table of Claimable's damage object, not in its example",
    claim__last_activity_at: "the damage example's claim is Claimable's reference example, whose copy ends before it (other claim examples fill it)",
    assignee__name: 'looked up with a token, not carried: resolved through the users resource in test/zaps.test.ts (Claim Assigned → Slack DM)',
    assignee__email: 'looked up with a token, not carried: resolved through the users resource in test/zaps.test.ts (Claim Assigned → Slack DM)',
    claim__assigned_at: "named by Claimable's changelog; no published example carries it",
    claim__assigned_to: "named by Claimable's changelog (its shape unpublished); no published example carries it",
  },
});
