import type { EventRow, JsonRecord, OutputField, RecordKind } from '../../lib/catalog';
import { prefixed } from '../../lib/fields';
import { type MoneyRule, moneyOutputFields } from '../../lib/money';
import type { EventsOf } from '../../lib/vendor';

/** The amounts Claimable sends in minor units (VENDORS.md: Claimable's developer docs), each with a `<name>_decimal` twin. */
const MONEY = (
  [
    ['estimated_claim_cost', 'Estimated Cost'],
    ['actual_claim_cost', 'Actual Cost'],
    ['settled_amount', 'Settled Amount'],
    ['reserve_amount', 'Reserve'],
    ['excess_amount', 'Excess'],
    ['total_reserve', 'Total Reserve'],
    ['total_paid', 'Total Paid'],
    ['outstanding_reserve', 'Outstanding Reserve'],
  ] as const
).map(([minor, label]) => ({ minor, decimal: `${minor}_decimal`, label }));
export const CLAIM_MONEY: MoneyRule = { at: 'claim', fields: MONEY };

const person = (id: number, first: string, last: string, email: string, role: string) => ({ id, first_name: first, last_name: last, email, role });

// Type, incident type, sub-incident type and labels are slugs; ids are integers (Claimable's developer docs).
const claim: JsonRecord = {
  id: 48213,
  title: 'Bicycle stolen from garage',
  type: 'property',
  labels: ['awaiting-repairs'],
  incident_type: 'theft',
  sub_incident_type: null,
  status: 'open',
  reported_at: '2026-11-19T08:12:00Z',
  incident_occurred_at: '2026-11-18T22:30:00Z',
  opened_at: '2026-11-19T08:12:00Z',
  closed_at: null,
  last_activity_at: '2026-11-20T14:45:10Z',
  claim_ref: 'CLM-48213',
  external_claim_ref: 'INS-2026-99120',
  policy_no: 'HOME-551-203',
  claimant: person(9001, 'Maria', 'Lopez', 'maria.lopez@example.com', 'main_contact'),
  insured: person(9002, 'Daniel', 'Lopez', 'daniel.lopez@example.com', 'main_contact'),
  estimated_claim_cost: 120000,
  actual_claim_cost: null,
  settled_amount: null,
  reserve_amount: 150000,
  excess_amount: 25000,
  total_reserve: 150000,
  total_paid: 0,
  outstanding_reserve: 150000,
};

/** The claim as each event leaves it: a closed claim is closed, a reopened one open again, a label event has the label. */
const claimAfter = (event: string): JsonRecord => {
  if (event === 'claim.closed' || event === 'claim.deleted')
    return {
      ...claim,
      status: 'closed',
      closed_at: '2026-11-20T14:45:10Z',
      settled_amount: 95000,
      actual_claim_cost: 120000,
      total_paid: 95000,
      outstanding_reserve: 0,
    };
  if (event === 'claim.reopened') return { ...claim, status: 'open', closed_at: null, last_activity_at: '2026-11-20T14:45:10Z' };
  if (event.startsWith('claim.label') && event.includes('removed')) return { ...claim, labels: [] };
  return claim;
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
  { key: 'event_name', label: 'Event Code' },
  { key: 'source', label: 'Source (UI or API)' },
  { key: 'performed_by__name', label: 'Performed By' },
  { key: 'performed_by__user_id', label: 'Performed By User ID', type: 'integer' },
];

const claimFields: OutputField[] = [
  ...meta,
  ...prefixed(
    'claim',
    [
      { key: 'id', label: 'ID', type: 'integer' },
      { key: 'title', label: 'Title' },
      { key: 'type', label: 'Type' },
      { key: 'status', label: 'Status' },
      { key: 'labels', label: 'Labels' },
      { key: 'incident_type', label: 'Incident Type' },
      { key: 'sub_incident_type', label: 'Sub-Incident Type' },
      { key: 'claim_ref', label: 'Reference' },
      { key: 'external_claim_ref', label: 'External Reference' },
      { key: 'policy_no', label: 'Policy Number' },
      { key: 'reported_at', label: 'Reported At', type: 'datetime' },
      { key: 'incident_occurred_at', label: 'Incident Occurred At', type: 'datetime' },
      { key: 'opened_at', label: 'Opened At', type: 'datetime' },
      { key: 'closed_at', label: 'Closed At', type: 'datetime' },
      { key: 'last_activity_at', label: 'Last Activity At', type: 'datetime' },
      { key: 'claimant__first_name', label: 'Claimant First Name' },
      { key: 'claimant__last_name', label: 'Claimant Last Name' },
      { key: 'claimant__email', label: 'Claimant Email' },
      { key: 'claimant__role', label: 'Claimant Role' },
      { key: 'insured__first_name', label: 'Insured First Name' },
      { key: 'insured__last_name', label: 'Insured Last Name' },
      { key: 'insured__email', label: 'Insured Email' },
      // Claimable does not say which currency; its amounts are in minor units (cents, pence).
      ...MONEY.flatMap((amount) => moneyOutputFields(amount, amount.label, { minorUnit: 'Minor Units' })),
    ],
    'Claim',
  ),
];

const contactFields: OutputField[] = [
  ...meta,
  ...prefixed(
    'contact',
    [
      { key: 'id', label: 'ID', type: 'integer' },
      { key: 'is_business', label: 'Is Business', type: 'boolean' },
      { key: 'first_name', label: 'First Name' },
      { key: 'last_name', label: 'Last Name' },
      { key: 'title', label: 'Title' },
      { key: 'email', label: 'Email' },
      { key: 'mobile_phone', label: 'Mobile Phone' },
      { key: 'created_at', label: 'Created At', type: 'datetime' },
    ],
    'Contact',
  ),
];

/** What the adapter needs of a Claimable record kind: its API list and the key a delivery carries it under. */
export interface ClaimableApi {
  list: 'claims' | 'contacts';
  subject: 'claim' | 'contact';
}

const kind = (noun: string, api: ClaimableApi, record: (event: string) => JsonRecord, outputFields: OutputField[]): RecordKind<ClaimableApi> => ({
  noun,
  delivery: (event) => ({ [api.subject]: record(event), event_name: event, source: 'ui', performed_by: uiUser }),
  outputFields,
  api,
});

export const CLAIMABLE_KINDS = {
  claim: kind('Claim', { list: 'claims', subject: 'claim' }, claimAfter, claimFields),
  contact: kind('Contact', { list: 'contacts', subject: 'contact' }, () => contact, contactFields),
};

const DAMAGE = 'Claimable has not published the fields of a damage: they are passed on as Claimable sends them, beside the claim.';

/** One row per trigger, with both spellings of an event where Claimable has two; keys are permanent. */
export const CLAIMABLE_ROWS = [
  { key: 'claimable_claim_created', events: ['claim.created'], label: 'Claim Created', when: 'a claim is created in Claimable', kind: 'claim' },
  { key: 'claimable_claim_closed', events: ['claim.closed'], label: 'Claim Closed', when: "a Claimable claim's status becomes closed", kind: 'claim' },
  { key: 'claimable_claim_reopened', events: ['claim.reopened'], label: 'Claim Reopened', when: 'a closed Claimable claim is reopened', kind: 'claim' },
  {
    key: 'claimable_claim_label_added',
    events: ['claim.label_added', 'claim.label.added'],
    label: 'Claim Label Added',
    when: 'a label is added to a Claimable claim',
    kind: 'claim',
  },
  {
    key: 'claimable_claim_label_removed',
    events: ['claim.label_removed', 'claim.label.removed'],
    label: 'Claim Label Removed',
    when: 'a label is removed from a Claimable claim',
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
    kind: 'claim',
  },
  {
    key: 'claimable_claim_damage_deleted',
    events: ['claim.damage.deleted'],
    label: 'Claim Damage Deleted',
    when: 'a damage is removed from a Claimable claim',
    note: DAMAGE,
    kind: 'claim',
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
