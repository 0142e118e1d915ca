import type { JsonRecord, OutputField } from '../../lib/catalog';
import { prefixed } from '../../lib/fields';
import { type MoneyRule, moneyOutputFields } from '../../lib/money';
import { defineKinds } from '../../lib/record-kind';

/** The amounts Claimable sends in minor units (docs/vendors.md: Claimable's developer docs), each with a `<name>_decimal` twin. */
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

/** A damage's reserve categories (Claimable's damage object), each `{ amount, created_at, updated_at }` in minor units. */
const RESERVES = [
  ['own_damage', 'Own Damage Reserve'],
  ['third_party_damage', 'Third-Party Damage Reserve'],
  ['legal_fees', 'Legal Fees Reserve'],
  ['admin_fees', 'Admin Fees Reserve'],
] as const;
const AMOUNT = { minor: 'amount', decimal: 'amount_decimal' };
export const DAMAGE_MONEY: MoneyRule[] = RESERVES.map(([reserve]) => ({ at: `damage.reserves.${reserve}`, fields: [AMOUNT] }));

const person = (id: number, first: string, last: string, email: string, role: string) => ({ id, first_name: first, last_name: last, email, role });

const uiUser = { user_id: 2642, name: 'John Smith' };

/** A claim as each event leaves it: a closed claim is closed, a reopened one open again, a label removed is gone; a contact as it is. */
const afterEvent = (event: string, claim: JsonRecord): JsonRecord => {
  if (event === 'claim.closed' || event === 'claim.deleted')
    return {
      ...claim,
      status: 'closed',
      closed_at: '2026-11-20T14:45:10Z',
      status_changed_by: uiUser.user_id,
      claim_duration: 2,
      settled_amount: 95000,
      actual_claim_cost: 120000,
      total_paid: 95000,
      outstanding_reserve: 0,
    };
  if (event === 'claim.reopened')
    return { ...claim, status: 'open', closed_at: null, status_changed_by: uiUser.user_id, last_activity_at: '2026-11-20T14:45:10Z' };
  if (event.startsWith('claim.label') && event.includes('removed')) return { ...claim, labels: [] };
  return claim;
};

export const meta: OutputField[] = [
  { key: 'id', label: 'Delivery ID' },
  { key: 'event_name', label: 'Event Code' },
  { key: 'source', label: 'Source (UI or API)' },
  { key: 'performed_by__name', label: 'Performed By' },
  { key: 'performed_by__user_id', label: 'Performed By User ID', type: 'integer' },
];

/** What the assignee lookup needs: without a token a delivery has only the user's id, and the labels say so. */
export const LOOKUPS_NEED = 'a Claimable API token';

/** The user a claim is assigned to, looked up with a token (the claim has only the id). */
const assigneeFields: OutputField[] = [
  { key: 'assignee__name', label: `Assignee Name (with ${LOOKUPS_NEED})` },
  { key: 'assignee__email', label: `Assignee Email (with ${LOOKUPS_NEED})` },
];
const ASSIGNEE = { name: 'John Smith', email: 'john.smith@insurer.example' };

// Type, incident type, sub-incident type and labels are slugs; ids are integers (Claimable's developer docs).
const CLAIM: JsonRecord = {
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
  // Read-only, per Claimable's claim object: days open (to closed_at once closed), and who last closed or reopened it.
  claim_duration: 1,
  status_changed_by: null,
  claim_ref: 'CLM-48213',
  // Claimable's changelog names these and an `assigned_to` user without publishing its shape (docs/vendors.md): an id here.
  assigned_at: '2026-11-19T09:02:00Z',
  assigned_to: 2642,
  incident_description: 'Bicycle taken from a locked garage overnight; side door forced.',
  // The incident's address as Claimable's claim object names its parts (docs/vendors.md, Claimable).
  incident_location_address_line1: '1 Mentmore Terrace',
  incident_location_address_line2: null,
  incident_location_address_line3: null,
  incident_location_address_city: 'London',
  incident_location_address_state: 'London',
  incident_location_address_postcode: 'E8 3PN',
  incident_location_address_country: 'United Kingdom',
  incident_location_address_country_code: 'gbr',
  incident_location_description: 'Lower ground floor kitchen.',
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

/** A claim's own labelled fields, in the editor's order. */
const claimFields: OutputField[] = prefixed(
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
    { key: 'claim_duration', label: 'Days Open', type: 'integer' },
    { key: 'status_changed_by', label: 'Last Closed or Reopened By (User ID)', type: 'integer' },
    { key: 'incident_description', label: 'Incident Description' },
    // One line for a CRM's single address field: the parts below, without the country code or the note.
    { key: 'incident_location', label: 'Incident Address (One Line)' },
    { key: 'incident_location_address_line1', label: 'Incident Address Line 1' },
    { key: 'incident_location_address_line2', label: 'Incident Address Line 2' },
    { key: 'incident_location_address_line3', label: 'Incident Address Line 3' },
    { key: 'incident_location_address_city', label: 'Incident City' },
    { key: 'incident_location_address_state', label: 'Incident State or County' },
    { key: 'incident_location_address_postcode', label: 'Incident Postcode' },
    { key: 'incident_location_address_country', label: 'Incident Country' },
    { key: 'incident_location_address_country_code', label: 'Incident Country Code (ISO, 3 Letters)' },
    { key: 'incident_location_description', label: 'Incident Location Note' },
    { key: 'assigned_at', label: 'Assigned At', type: 'datetime' },
    { key: 'assigned_to', label: 'Assigned To (User ID)' },
    { key: 'claimant__id', label: 'Claimant Contact ID', type: 'integer' },
    { key: 'claimant__first_name', label: 'Claimant First Name' },
    { key: 'claimant__last_name', label: 'Claimant Last Name' },
    { key: 'claimant__full_name', label: 'Claimant Full Name' },
    { key: 'claimant__email', label: 'Claimant Email' },
    { key: 'claimant__role', label: 'Claimant Role' },
    { key: 'insured__first_name', label: 'Insured First Name' },
    { key: 'insured__last_name', label: 'Insured Last Name' },
    { key: 'insured__full_name', label: 'Insured Full Name' },
    { key: 'insured__email', label: 'Insured Email' },
    { key: 'insured__role', label: 'Insured Role' },
    { key: 'insured__id', label: 'Insured Contact ID', type: 'integer' },
    // Claimable does not say which currency; its amounts are in minor units (cents, pence).
    ...MONEY.flatMap((amount) => moneyOutputFields(amount, amount.label, { minorUnit: 'Minor Units' })),
  ],
  'Claim',
);

/**
 * A damage as Claimable's damage object shows it. Where a `claim.damage.*` delivery puts it is not
 * published: the sample puts it beside the claim, as a delivery puts its subject under its type.
 */
const reserveOf = (amount: number) => ({ amount, created_at: '2026-11-20T14:40:02Z', updated_at: '2026-11-20T14:40:02Z' });
const DAMAGE: JsonRecord = {
  id: 3310,
  damage_type: 'theft',
  description: 'Road bike and helmet taken from the garage.',
  reserves: { own_damage: reserveOf(120000), third_party_damage: reserveOf(0), legal_fees: reserveOf(25000), admin_fees: reserveOf(5000) },
  created_at: '2026-11-20T14:40:02Z',
};

/** A damage's labelled fields: its type, description and each reserve in main and minor units ("Legal Fees Reserve"). */
const damageFields: OutputField[] = [
  ...prefixed(
    'damage',
    [
      { key: 'id', label: 'ID', type: 'integer' },
      { key: 'damage_type', label: 'Type' },
      { key: 'description', label: 'Description' },
      { key: 'created_at', label: 'Created At', type: 'datetime' },
    ],
    'Damage',
  ),
  ...RESERVES.flatMap(([reserve, label]) => moneyOutputFields(AMOUNT, label, { prefix: `damage__reserves__${reserve}__`, minorUnit: 'Minor Units' })),
];

/** What the adapter needs of a Claimable record kind: its API list and the key a delivery carries it under. */
export interface ClaimableFacts {
  list: 'claims' | 'contacts';
  subject: 'claim' | 'contact';
  /** What a delivery of this kind carries beside its subject (a damage event's damage). */
  beside?: JsonRecord;
}

export const CLAIMABLE_KINDS = defineKinds({
  // The subject under its type, the event, and who made the change (Claimable's webhook events page).
  body: (event, record, facts: ClaimableFacts) => ({
    [facts.subject]: afterEvent(event, record),
    ...facts.beside,
    event_name: event,
    source: 'ui',
    performed_by: uiUser,
  }),
  sharedFields: meta,
  lookupsNeed: LOOKUPS_NEED,
  kinds: {
    claim: {
      noun: 'Claim',
      facts: { list: 'claims', subject: 'claim' },
      record: CLAIM,
      outputFields: [...assigneeFields, ...claimFields],
      lookedUp: { assignee: ASSIGNEE },
    },
    damage: {
      noun: 'Claim Damage',
      facts: { list: 'claims', subject: 'claim', beside: { damage: DAMAGE } },
      record: CLAIM,
      outputFields: [...damageFields, ...assigneeFields, ...claimFields],
      lookedUp: { assignee: ASSIGNEE },
    },
    contact: {
      noun: 'Contact',
      facts: { list: 'contacts', subject: 'contact' },
      record: {
        id: 7731,
        is_business: false,
        first_name: 'Maria',
        last_name: 'Lopez',
        middle_name: null,
        preferred_contact_method: 'email',
        business_name: null,
        title: 'Ms',
        email: 'maria.lopez@example.com',
        mobile_phone: '+44 7700 900123',
        home_phone: null,
        work_phone: null,
        created_at: '2026-11-19T08:10:00Z',
      },
      outputFields: [
        ...prefixed(
          'contact',
          [
            { key: 'id', label: 'ID', type: 'integer' },
            { key: 'is_business', label: 'Is Business', type: 'boolean' },
            { key: 'first_name', label: 'First Name' },
            { key: 'middle_name', label: 'Middle Name' },
            { key: 'last_name', label: 'Last Name' },
            { key: 'full_name', label: 'Full Name' },
            { key: 'business_name', label: 'Business Name' },
            { key: 'title', label: 'Title' },
            { key: 'email', label: 'Email' },
            { key: 'mobile_phone', label: 'Mobile Phone' },
            { key: 'home_phone', label: 'Home Phone' },
            { key: 'work_phone', label: 'Work Phone' },
            { key: 'preferred_contact_method', label: 'Preferred Contact Method' },
            { key: 'created_at', label: 'Created At', type: 'datetime' },
          ],
          'Contact',
        ),
      ],
    },
  },
});
