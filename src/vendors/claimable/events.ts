import { DELIVERY_SCHEMAS } from '../../lib/delivery-schemas';
import type { CatalogEntry, JsonRecord, OutputField } from '../../lib/catalog';
import { prefixed } from '../../lib/fields';

export const CLAIMABLE_EVENTS = [
  'claim.created', 'claim.closed', 'claim.reopened',
  'claim.label_added', 'claim.label.added', 'claim.label_removed', 'claim.label.removed',
  'claim.assigned', 'claim.unassigned', 'claim.switched_type', 'contact.created',
  'claim.deleted', 'claim.damage.created', 'claim.damage.deleted',
] as const;
export type ClaimableEvent = (typeof CLAIMABLE_EVENTS)[number];

/** Money fields Claimable sends in minor units; each gets a `<name>_decimal` twin. */
export const MONEY_FIELDS = ['estimated_claim_cost', 'actual_claim_cost', 'settled_amount', 'reserve_amount'] as const;

const person = (id: number, first: string, last: string, email: string, role: string) => ({ id, first_name: first, last_name: last, email, role });

const claim: JsonRecord = {
  id: 48213,
  title: 'Water damage – kitchen ceiling',
  type: 'Property',
  labels: ['Urgent', 'Water'],
  incident_type: 'Escape of water',
  status: 'open',
  reported_at: '2026-11-19T08:12:00Z',
  incident_occurred_at: '2026-11-18T22:30:00Z',
  opened_at: '2026-11-19T08:12:00Z',
  closed_at: null,
  last_activity_at: '2026-11-20T14:45:10Z',
  claim_ref: 'CLM-48213',
  external_claim_ref: 'INS-2026-99120',
  policy_no: 'HOME-551-203',
  claimant: person(9001, 'Maria', 'Lopez', 'maria.lopez@example.com', 'claimant'),
  insured: person(9002, 'Daniel', 'Lopez', 'daniel.lopez@example.com', 'insured'),
  estimated_claim_cost: 420000,
  estimated_claim_cost_decimal: 4200,
  actual_claim_cost: null,
  settled_amount: null,
  reserve_amount: 500000,
  reserve_amount_decimal: 5000,
};

const contact: JsonRecord = {
  id: 7731,
  is_business: false,
  first_name: 'Maria',
  last_name: 'Lopez',
  business_name: null,
  title: 'Ms',
  email: 'maria.lopez@example.com',
  mobile_phone: '+44 7700 900123',
  home_phone: null,
  work_phone: null,
  created_at: '2026-11-19T08:10:00Z',
};

const uiUser = { user_id: 2642, name: 'John Smith' };

const meta: OutputField[] = [
  { key: 'id', label: 'Delivery ID' },
  { key: 'event_name', label: 'Event' },
  { key: 'source', label: 'Source (UI or API)' },
  { key: 'performed_by__name', label: 'Performed By' },
  { key: 'performed_by__user_id', label: 'Performed By User ID', type: 'integer' },
];

const claimFields: OutputField[] = [
  ...meta,
  ...prefixed('claim', [
    { key: 'id', label: 'ID', type: 'integer' },
    { key: 'title', label: 'Title' },
    { key: 'type', label: 'Type' },
    { key: 'status', label: 'Status' },
    { key: 'labels', label: 'Labels' },
    { key: 'incident_type', label: 'Incident Type' },
    { key: 'claim_ref', label: 'Reference' },
    { key: 'external_claim_ref', label: 'External Reference' },
    { key: 'policy_no', label: 'Policy Number' },
    { key: 'reported_at', label: 'Reported At', type: 'datetime' },
    { key: 'incident_occurred_at', label: 'Incident Occurred At', type: 'datetime' },
    { key: 'opened_at', label: 'Opened At', type: 'datetime' },
    { key: 'last_activity_at', label: 'Last Activity At', type: 'datetime' },
    { key: 'claimant__first_name', label: 'Claimant First Name' },
    { key: 'claimant__last_name', label: 'Claimant Last Name' },
    { key: 'claimant__email', label: 'Claimant Email' },
    { key: 'insured__first_name', label: 'Insured First Name' },
    { key: 'insured__last_name', label: 'Insured Last Name' },
    { key: 'insured__email', label: 'Insured Email' },
    { key: 'estimated_claim_cost', label: 'Estimated Cost (Minor Units)', type: 'integer' },
    { key: 'estimated_claim_cost_decimal', label: 'Estimated Cost', type: 'number' },
    { key: 'reserve_amount', label: 'Reserve (Minor Units)', type: 'integer' },
    { key: 'reserve_amount_decimal', label: 'Reserve', type: 'number' },
  ], 'Claim'),
];

const contactFields: OutputField[] = [
  ...meta,
  ...prefixed('contact', [
    { key: 'id', label: 'ID', type: 'integer' },
    { key: 'is_business', label: 'Is Business', type: 'boolean' },
    { key: 'first_name', label: 'First Name' },
    { key: 'last_name', label: 'Last Name' },
    { key: 'title', label: 'Title' },
    { key: 'email', label: 'Email' },
    { key: 'mobile_phone', label: 'Mobile Phone' },
    { key: 'created_at', label: 'Created At', type: 'datetime' },
  ], 'Contact'),
];


const SAMPLE_ID = 'c6f1d2e3a4b5968778695a4b3c2d1e0f1a2b3c4d5e6f708192a3b4c5d6e7f809';

/** [key, events (newer spelling too), label, "Triggers when …" phrase, subject] — keys are permanent. */
const ROWS: ReadonlyArray<readonly [string, readonly ClaimableEvent[], string, string, 'claim' | 'contact']> = [
  ['claimable_claim_created', ['claim.created'], 'Claim Created', 'a claim is created in Claimable', 'claim'],
  ['claimable_claim_closed', ['claim.closed'], 'Claim Closed', "a Claimable claim's status becomes closed", 'claim'],
  ['claimable_claim_reopened', ['claim.reopened'], 'Claim Reopened', 'a closed Claimable claim is reopened', 'claim'],
  ['claimable_claim_label_added', ['claim.label_added', 'claim.label.added'], 'Claim Label Added', 'a label is added to a Claimable claim', 'claim'],
  ['claimable_claim_label_removed', ['claim.label_removed', 'claim.label.removed'], 'Claim Label Removed', 'a label is removed from a Claimable claim', 'claim'],
  ['claimable_claim_assigned', ['claim.assigned'], 'Claim Assigned', 'a Claimable claim is assigned to a user', 'claim'],
  ['claimable_claim_unassigned', ['claim.unassigned'], 'Claim Unassigned', 'a Claimable claim is no longer assigned to anyone', 'claim'],
  ['claimable_claim_switched_type', ['claim.switched_type'], 'Claim Type Switched', "a Claimable claim's type is changed", 'claim'],
  ['claimable_contact_created', ['contact.created'], 'Contact Created', 'a contact is created in Claimable', 'contact'],
  ['claimable_claim_deleted', ['claim.deleted'], 'Claim Deleted', 'a Claimable claim is deleted', 'claim'],
  ['claimable_claim_damage_created', ['claim.damage.created'], 'Claim Damage Created', 'a damage is added to a Claimable claim (damage details pass through as Claimable sends them)', 'claim'],
  ['claimable_claim_damage_deleted', ['claim.damage.deleted'], 'Claim Damage Deleted', 'a damage is removed from a Claimable claim (damage details pass through as Claimable sends them)', 'claim'],
];

export interface ClaimableEntry extends CatalogEntry<ClaimableEvent> {
  resource: 'claims' | 'contacts';
}

export const CLAIMABLE_ENTRIES: readonly ClaimableEntry[] = ROWS.map(([key, events, label, phrase, subject]) => ({
  key,
  label,
  noun: subject === 'claim' ? 'Claim' : 'Contact',
  description: `Triggers when ${phrase}.`,
  events,
  resource: subject === 'claim' ? 'claims' : 'contacts',
  sample: { [subject]: subject === 'claim' ? claim : contact, event_name: events[0], source: 'ui', performed_by: uiUser, id: SAMPLE_ID },
  outputFields: subject === 'claim' ? claimFields : contactFields,
  schema: DELIVERY_SCHEMAS.claimable,
}));
