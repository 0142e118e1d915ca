import type { EventRow } from '../../lib/catalog';
import type { EventsOf } from '../../lib/vendor';
import { type CLAIMABLE_KINDS, meta } from './kinds';

// Claimable documents a damage object but not where a damage event's delivery puts it (docs/vendors.md).
const DAMAGE =
  "Claimable documents a damage (its type, description and reserves) but not where this event's delivery puts it: the Damage fields come from a damage beside the claim or in it, else the claim's newest damage. With a Claimable API token, a damage the delivery lacks is looked up on the claim, where Claimable's claim record lists its damages; else the Damage fields stay empty.";
const DAMAGE_GONE =
  "Claimable documents a damage (its type, description and reserves) but not where this event's delivery puts it: the Damage fields come from a damage beside the claim or in it. A removed damage cannot be looked up: where the delivery lacks it, the Damage fields stay empty.";
const LABEL = "Claimable's delivery does not say which label changed: this trigger gives the claim, not the label.";

/** One row per trigger, with both spellings of an event where Claimable has two; keys are permanent. */
export const CLAIMABLE_ROWS = [
  { key: 'claimable_claim_created', events: ['claim.created'], label: 'Claim Created', when: 'a claim is created in Claimable', kind: 'claim' },
  { key: 'claimable_claim_closed', events: ['claim.closed'], label: 'Claim Closed', when: "a Claimable claim's status becomes closed", kind: 'claim' },
  { key: 'claimable_claim_reopened', events: ['claim.reopened'], label: 'Claim Reopened', when: 'a closed Claimable claim is reopened', kind: 'claim' },
  {
    key: 'claimable_claim_label_added',
    // Claimable's current spelling first: the set-up asks support for it; the older one still matches.
    events: ['claim.label.added', 'claim.label_added'],
    label: 'Claim Label Added',
    when: 'a label is added to a Claimable claim',
    note: LABEL,
    kind: 'claim',
  },
  {
    key: 'claimable_claim_label_removed',
    events: ['claim.label.removed', 'claim.label_removed'],
    label: 'Claim Label Removed',
    when: 'a label is removed from a Claimable claim',
    note: LABEL,
    kind: 'claim',
  },
  { key: 'claimable_claim_assigned', events: ['claim.assigned'], label: 'Claim Assigned', when: 'a Claimable claim is assigned to a user', kind: 'claim' },
  {
    key: 'claimable_claim_unassigned',
    events: ['claim.unassigned'],
    label: 'Claim Unassigned',
    when: 'a Claimable claim is no longer assigned to anyone',
    kind: 'claim',
  },
  {
    key: 'claimable_claim_switched_type',
    events: ['claim.switched_type'],
    label: 'Claim Type Switched',
    when: "a Claimable claim's type is changed",
    kind: 'claim',
  },
  { key: 'claimable_contact_created', events: ['contact.created'], label: 'Contact Created', when: 'a contact is created in Claimable', kind: 'contact' },
  { key: 'claimable_claim_deleted', events: ['claim.deleted'], label: 'Claim Deleted', when: 'a Claimable claim is deleted', kind: 'claim' },
  {
    key: 'claimable_claim_damage_created',
    events: ['claim.damage.created'],
    label: 'Claim Damage Created',
    when: 'a damage is added to a Claimable claim',
    note: DAMAGE,
    kind: 'damage',
  },
  {
    key: 'claimable_claim_damage_deleted',
    events: ['claim.damage.deleted'],
    label: 'Claim Damage Deleted',
    when: 'a damage is removed from a Claimable claim',
    note: DAMAGE_GONE,
    kind: 'damage',
  },
] as const satisfies readonly EventRow<string, keyof typeof CLAIMABLE_KINDS>[];

export type ClaimableEvent = EventsOf<typeof CLAIMABLE_ROWS>;

export const CLAIMABLE_ANY_EVENT = {
  key: 'claimable_event',
  label: 'New Claimable Event',
  when: 'Claimable sends any event you pick (or any event at all, including claim events this app does not list yet) to this Zap',
  sampleOf: 'claimable_claim_created',
  outputFields: meta,
};
