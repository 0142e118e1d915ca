import type { JsonRecord, OutputField } from '../../lib/catalog';
import { lineItems, prefixed } from '../../lib/fields';
import { type MoneyRule, moneyOutputFields } from '../../lib/money';
import { defineKinds, type KindDefinition } from '../../lib/record-kind';
import { mapRecord } from '../../lib/values';

// Each Boom record kind in one place: what a delivery carries, its labelled fields, its list call.
// Adding a field: its value in the kind's record and its label in the kind's fields.
// `customer_external_id` is the partner's own id for the tenant, on every BoomReport event of Boom's older page.
const customerIds = { customer_id: 'cust_abc123', customer_external_id: 'tenant-8841' };
const enrollmentIds = { ...customerIds, enrollment_id: 'enr_def456' };
// Current deliveries of most BoomReport events carry ids only (Boom's webhook page); the Plaid
// link events still carry the customer's details.
const contact = {
  customer_first_name: 'Jane',
  customer_last_name: 'Doe',
  customer_email: 'jane@example.com',
  customer_phone: '15551234567',
};

/** What the API gives for a customer (its person fields) and an enrollment (its lease): see the adapter's enrich. */
const LOOKED_UP_PERSON = { first_name: 'Jane', last_name: 'Doe', full_name: 'Jane Doe', email: 'jane@example.com', phone: '15551234567' };
const money = (cents: number) => ({ cents, currency: 'USD' });
const address = {
  address1: '123 Main St',
  address2: 'Apt 4B',
  city: 'San Francisco',
  state_or_province: 'CA',
  postal_code: '94107',
  country: 'United States',
  one_line_address: '123 Main St, Apt 4B, San Francisco, CA 94107',
};
const LOOKED_UP_LEASE = {
  status: 'active',
  address,
  monthly_rent_amount: '2450.00',
  monthly_rent_day_of_month: '1',
  move_in_date: '2025-09-01',
  lease_end_date: '2026-08-31',
  lease_month_to_month: 'false',
};
const unit = { id: 'unit_77', title: 'Unit 4B', property: { name: 'Mission Lofts', address }, monthly_rent_amount: money(245000) };
const applicationFields = {
  // Text in Boom's screening spec (RentalApplicationReport); the webhook page shows no value.
  dependents: '1',
  pets: 'No',
  first_name: 'Jane',
  last_name: 'Doe',
  phone: '15551234567',
  email: 'jane@example.com',
  desired_move_in_date: '2026-12-15T00:00:00.000Z',
  unit_address: address.one_line_address,
  monthly_rent_amount: money(245000),
  status: 'approved',
  created_at: '2026-11-10T18:22:04.000Z',
  application_updated_at: '2026-11-20T15:02:11.000Z',
  external_id: 'app-ext-3310',
};

/** Boom's amounts in cents (a `{cents, currency}` money object, or a transaction's `amount`), each with an `amount_decimal` twin. */
const RENT = { minor: 'cents', decimal: 'amount_decimal' };
/** The sum of a rent payment's transactions (the adapter adds it), in cents and in main units. */
export const TRANSACTIONS_TOTAL = { minor: 'transactions_total_in_cents', decimal: 'transactions_total' };
export const BOOM_MONEY: MoneyRule[] = [
  { at: 'monthly_rent_amount', fields: [RENT] },
  { at: 'unit.monthly_rent_amount', fields: [RENT] },
  { at: 'transactions[]', fields: [{ minor: 'amount', decimal: 'amount_decimal' }] },
];

/** What the adapter needs of a Boom record kind: the API list that gives real records for "Test trigger"; for a polling trigger's kind, what it polls. */
export interface BoomFacts {
  list?: 'customers' | 'enrollments' | 'applications';
  poll?: 'activity' | 'customers';
}

const f = (key: string, label: string, type?: OutputField['type']): OutputField => (type ? { key, label, type } : { key, label });
export const envelopeFields = [f('id', 'Request ID'), f('event', 'Event Code')];
export const enrollmentFields = [f('customer_id', 'Customer ID'), f('enrollment_id', 'Enrollment ID')];
const rentFields = [
  // `monthly_rent` (normalise.ts): the rent whether Boom sends a money object or a plain number.
  ...moneyOutputFields(RENT, 'Monthly Rent', { prefix: 'monthly_rent__' }),
  f('monthly_rent__currency', 'Monthly Rent Currency'),
];
const applicationOutput = [
  f('first_name', 'Applicant First Name'),
  f('last_name', 'Applicant Last Name'),
  f('full_name', 'Applicant Full Name'),
  f('email', 'Applicant Email'),
  f('phone', 'Applicant Phone'),
  f('status', 'Application Status'),
  // Boom sends the date as midnight UTC, which a US time zone shows as the day before: the date itself is beside it.
  f('desired_move_in_day', 'Desired Move-In Date (YYYY-MM-DD)'),
  f('desired_move_in_date', 'Desired Move-In Date (as Boom Sends It)', 'datetime'),
  // Text or an address object as Boom sends it: one line either way (normalise.ts).
  f('unit_one_line_address', 'Unit Address'),
  f('dependents', 'Dependents'),
  f('pets', 'Pets'),
  ...rentFields,
  f('created_at', 'Created At', 'datetime'),
  f('application_updated_at', 'Application Updated At', 'datetime'),
  f('external_id', 'External ID'),
];

/** What the lookups of the adapter need: without them a delivery has only the ids, and the labels say so. */
export const LOOKUPS_NEED = 'Boom API keys';
const withKeys = (fields: OutputField[]) => fields.map((field) => ({ ...field, label: `${field.label} (with ${LOOKUPS_NEED})` }));

// The customer's details (carried by the delivery, or looked up) and the lease (looked up), under `customer` and `enrollment`.
const person = prefixed(
  'customer',
  [f('first_name', 'First Name'), f('last_name', 'Last Name'), f('full_name', 'Full Name'), f('email', 'Email'), f('phone', 'Phone')],
  'Customer',
);
// Boom's current page and its customer record have no such key: only older integrations send it.
const externalId = f('customer_external_id', 'Customer External ID (Older Boom Integrations Only)');
const personFields = withKeys(person);
const leaseFields = withKeys([
  f('enrollment__status', 'Enrollment Status'),
  ...prefixed(
    'enrollment',
    [
      f('address__one_line_address', 'Address'),
      f('address__city', 'City'),
      f('address__postal_code', 'Postal Code'),
      f('monthly_rent_amount', 'Monthly Rent'),
      f('move_in_date', 'Move-In Date'),
      f('lease_end_date', 'End Date'),
    ],
    'Lease',
  ),
]);
const enrolled = [...enrollmentFields, externalId, ...personFields, ...leaseFields];

/** Each kind: the record a delivery carries (beside `event` and `request_id`) and its labelled fields. */
const KINDS = {
  customer: {
    noun: 'Customer',
    record: customerIds,
    facts: { list: 'customers' },
    outputFields: [f('customer_id', 'Customer ID'), externalId, ...personFields],
  },
  plaid: {
    noun: 'Customer',
    record: {
      ...customerIds,
      ...contact,
      customer_created_at: '2026-01-15T10:30:00Z',
      plaid_connect_url: 'https://cdn.plaid.com/link/v2/stable/link.html?token=link-sandbox-1',
    },
    outputFields: [
      f('customer_id', 'Customer ID'),
      externalId,
      // These events carry the customer's details themselves.
      ...person,
      f('customer_created_at', 'Customer Created At', 'datetime'),
      f('plaid_connect_url', 'Plaid Connect URL'),
    ],
  },
  enrollment: { noun: 'Enrollment', record: enrollmentIds, facts: { list: 'enrollments' }, outputFields: enrolled },
  unenrolled: {
    noun: 'Enrollment',
    record: { ...enrollmentIds, reasons: ['identity_verification_pending'] },
    outputFields: [...enrolled, f('reasons', 'Unenrollment Reasons')],
  },
  furnishment: {
    noun: 'Enrollment',
    record: {
      ...enrollmentIds,
      bureau: 'experian',
      rental_verification: { id: 'rv_ghi012', for_month: '2026-03-01', status: 'pending_confirmation', months_delinquency: 0 },
    },
    outputFields: [
      ...enrolled,
      f('bureau', 'Credit Bureau'),
      ...prefixed(
        'rental_verification',
        [f('id', 'ID'), f('for_month', 'Month (YYYY-MM-DD)'), f('status', 'Status'), f('months_delinquency', 'Months Delinquent')],
        'Rental Verification',
      ),
    ],
  },
  issue: {
    noun: 'Issue',
    record: {
      ...enrollmentIds,
      slug: 'bank_verification_failed',
      title: 'Bank verification failed',
      description: 'We were unable to verify your bank account. Please reconnect your bank.',
    },
    outputFields: [...enrolled, f('slug', 'Issue Slug'), f('title', 'Issue Title'), f('description', 'Issue Description')],
  },
  payment: {
    noun: 'Rent Payment',
    record: {
      ...enrollmentIds,
      rental_verification_id: 'rv_ghi012',
      for_month: '2026-03-01',
      transactions: [{ name: 'Rent payment', amount: 150000, source: 'plaid', external_id: 'txn_abc123' }],
    },
    outputFields: [
      ...enrolled,
      f('rental_verification_id', 'Rental Verification ID'),
      f('for_month', 'Rent Month (YYYY-MM-DD)'),
      ...moneyOutputFields(TRANSACTIONS_TOTAL, 'Transactions Total'),
      ...lineItems(
        'transactions',
        [
          f('name', 'Name'),
          f('amount', 'Amount (Cents)', 'integer'),
          f('amount_decimal', 'Amount', 'number'),
          f('source', 'Source'),
          f('external_id', 'External ID'),
        ],
        'Transaction',
      ),
    ],
  },
  verification: {
    noun: 'Verification',
    record: { ...enrollmentIds, verification_id: 'ver_jkl012', kind: 'lease', memo: '', review_method: 'automatic' },
    outputFields: [
      ...enrolled,
      f('verification_id', 'Verification ID'),
      f('kind', 'Verification Kind'),
      f('memo', 'Memo'),
      f('review_method', 'Review Method'),
    ],
  },
  application: { noun: 'Application', record: applicationFields, facts: { list: 'applications' }, outputFields: applicationOutput },
  pms: {
    noun: 'Application',
    record: { ...applicationFields, pms_push_status: 'failed', error_message: 'Unit not found in property management system' },
    outputFields: [...applicationOutput, f('pms_push_status', 'PMS Push Status'), f('error_message', 'PMS Error Message')],
  },
  group: {
    noun: 'Application',
    record: {
      id: 'app_5521',
      lead_id: 'lead_9001',
      invited_lead: { id: 'lead_9002', first_name: 'Sam', last_name: 'Lee', email: 'sam@example.com' },
      inviting_applicant: { id: 'apl_1', first_name: 'Jane', last_name: 'Doe', email: 'jane@example.com' },
      dependents: '1',
      pets: 'No',
      applicants: [
        {
          id: 'apl_1',
          first_name: 'Jane',
          last_name: 'Doe',
          email: 'jane@example.com',
          phone: '15551234567',
          role: 'applicant',
          application_status: 'started',
        },
      ],
      desired_move_in_date: '2026-12-15T00:00:00.000Z',
      unit,
      monthly_rent_amount: money(245000),
      status: 'started',
      portal_url: 'https://apply.boompay.app/applications/app_5521',
      reasons: [],
      created_at: '2026-11-10T18:22:04.000Z',
      application_updated_at: '2026-11-20T15:02:11.000Z',
      external_id: 'app-ext-3310',
    },
    outputFields: [
      f('source_id', 'Application ID'),
      f('lead_id', 'Lead ID'),
      // Whom a follow-up is for, and who invited them (Boom's webhook page lists both on these events).
      ...prefixed('invited_lead', [f('first_name', 'First Name'), f('last_name', 'Last Name'), f('email', 'Email'), f('id', 'ID')], 'Invited Lead'),
      ...prefixed('inviting_applicant', [f('first_name', 'First Name'), f('last_name', 'Last Name'), f('email', 'Email'), f('id', 'ID')], 'Inviting Applicant'),
      f('status', 'Application Status'),
      f('portal_url', 'Portal URL'),
      f('reasons', 'Reasons'),
      f('desired_move_in_day', 'Desired Move-In Date (YYYY-MM-DD)'),
      f('desired_move_in_date', 'Desired Move-In Date (as Boom Sends It)', 'datetime'),
      f('dependents', 'Dependents'),
      f('pets', 'Pets'),
      ...rentFields,
      ...lineItems(
        'applicants',
        [
          f('first_name', 'First Name'),
          f('last_name', 'Last Name'),
          f('email', 'Email'),
          f('phone', 'Phone'),
          f('role', 'Role'),
          f('application_status', 'Status'),
          f('id', 'ID'),
        ],
        'Applicant',
      ),
      f('unit__title', 'Unit'),
      f('unit__id', 'Unit ID'),
      ...prefixed('unit__property', [f('name', 'Name')], 'Property'),
      ...prefixed(
        'unit__property__address',
        [
          f('address1', 'Address Line 1'),
          f('address2', 'Address Line 2'),
          f('city', 'City'),
          f('state_or_province', 'State'),
          f('postal_code', 'Postal Code'),
          f('country', 'Country'),
          f('one_line_address', 'Address (One Line)'),
        ],
        'Property',
      ),
      f('created_at', 'Created At', 'datetime'),
      f('application_updated_at', 'Application Updated At', 'datetime'),
      f('external_id', 'External ID'),
    ],
  },
  identity: {
    noun: 'Identity Verification',
    record: {
      status: 'finished',
      lead_id: 'lead_9001',
      first_name: 'Jane',
      last_name: 'Doe',
      email: 'jane@example.com',
      phone: '15551234567',
      identity_verification_finished: true,
      external_customer_id: 'tenant-8841',
      created_at: '2026-11-10T18:22:04.000Z',
      updated_at: '2026-11-12T09:00:00.000Z',
      application_status: 'submitted',
      applicant_id: 'apl_1',
      application_id: 'app_5521',
      role: 'applicant',
      finished_at: '2026-11-12T09:00:00.000Z',
    },
    outputFields: [
      f('lead_id', 'Lead ID'),
      f('first_name', 'First Name'),
      f('last_name', 'Last Name'),
      f('full_name', 'Full Name'),
      f('email', 'Email'),
      f('phone', 'Phone'),
      f('status', 'Verification Status'),
      f('application_id', 'Application ID'),
      f('applicant_id', 'Applicant ID'),
      f('application_status', 'Application Status'),
      f('role', 'Role'),
      f('finished_at', 'Finished At', 'datetime'),
      f('identity_verification_finished', 'Identity Verification Finished', 'boolean'),
      f('updated_at', 'Updated At', 'datetime'),
      // The partner's own id for the person, where the partner gave Boom one.
      f('external_customer_id', 'External Customer ID (Your ID)'),
    ],
  },
  merged: {
    noun: 'Application',
    record: {
      target_application_id: 'app_5521',
      target_application_url: 'https://partner.boompay.app/applications/app_5521',
      merged_application_ids: ['app_5522'],
      merged_at: '2026-11-20T15:02:11.000Z',
      merged_by: 'Property Manager',
    },
    outputFields: [
      f('target_application_id', 'Target Application ID'),
      f('target_application_url', 'Target Application URL'),
      f('merged_application_ids', 'Merged Application IDs'),
      f('merged_at', 'Merged At', 'datetime'),
      f('merged_by', 'Merged By'),
    ],
  },
} satisfies Record<string, Omit<KindDefinition<BoomFacts>, 'facts'> & { facts?: BoomFacts }>;

/** What the lookups add to a body: the customer where it carries only the id, the lease where it names an enrollment. */
const lookedUpOf = (body: JsonRecord): JsonRecord | undefined => {
  const customer = 'customer_id' in body && !('customer_first_name' in body) ? { customer: LOOKED_UP_PERSON } : {};
  const enrollment = 'enrollment_id' in body ? { enrollment: LOOKED_UP_LEASE } : {};
  const values = { ...customer, ...enrollment };
  return Object.keys(values).length > 0 ? values : undefined;
};

const REQUEST_ID = 'a1b2c3d4-e5f6-7890-abcd-ef1234567890';

/** An application as its event leaves it, in the statuses of Boom's screening spec. */
const APPLICATION_STATUS: Record<string, string> = {
  application_approved: 'approved',
  application_conditionally_approved: 'approved_with_conditions',
  application_canceled: 'canceled',
  application_declined: 'rejected',
  application_started: 'started',
  applicant_started: 'started',
  application_submitted: 'submitted',
  applicant_submitted: 'submitted',
  application_completed: 'submitted',
  applicant_completed: 'submitted',
  application_created: 'pending',
  applicant_created: 'pending',
  application_under_review: 'submitted',
};

export const BOOM_KINDS = defineKinds({
  body: (event, record) => ({
    event,
    request_id: REQUEST_ID,
    ...record,
    ...('status' in record && APPLICATION_STATUS[event] ? { status: APPLICATION_STATUS[event] } : {}),
  }),
  sharedFields: envelopeFields,
  // BoomReport deliveries name a customer (and an enrollment): what a later step can look up, with API keys.
  lookupsNeed: LOOKUPS_NEED,
  kinds: mapRecord(
    KINDS,
    (kind): KindDefinition<BoomFacts> => ({ facts: {}, ...kind, ...(lookedUpOf(kind.record) ? { lookedUp: lookedUpOf(kind.record)! } : {}) }),
  ),
});

/** What a polling trigger's lookups add: the application an activity names, as `applicationOf` (lookups.ts) gives it. */
const LOOKED_UP_APPLICATION = {
  id: 'app_5521',
  status: 'rejected',
  desired_move_in_date: '2026-12-15T00:00:00.000Z',
  desired_move_in_day: '2026-12-15',
  monthly_rent_amount: { cents: 245000, currency: 'USD', amount_decimal: 2450 },
  monthly_rent: { cents: 245000, amount_decimal: 2450, currency: 'USD' },
  application_url: 'https://partner.boompay.app/applications/app_5521',
  decision_at: '2026-11-20T15:02:11.000Z',
  primary_applicant: { first_name: 'Jane', last_name: 'Doe', full_name: 'Jane Doe', email: 'jane@example.com', phone: '15551234567' },
};

/**
 * The records Boom's partner API lists, for the triggers Zapier polls (they need the API keys, which
 * their lookups therefore always have). Shapes from Boom's API specifications (docs/vendors.md, Boom).
 */
export const BOOM_POLL_KINDS = defineKinds({
  // A polled record is what the API lists: no webhook envelope around it.
  body: (_event, record, _facts: BoomFacts) => record,
  sharedFields: [],
  kinds: {
    activity: {
      noun: 'Application Activity',
      facts: { poll: 'activity' },
      // An ActivityLog of GET /partner/v1/applications/activity_logs (BoomScreen API).
      record: {
        id: 12345,
        application_id: 'app_5521',
        event_type: 'decision_made',
        event_description: 'Decision Made',
        actor: { type: 'partner_user', name: 'Jane Smith', role: 'admin' },
        details: { status: 'rejected', decision_at: '2026-11-20T15:02:11Z' },
        occurred_at: '2026-11-20T15:02:11Z',
      },
      outputFields: [
        f('id', 'Activity ID'),
        f('event_description', 'Activity'),
        f('event_type', 'Activity Code'),
        f('occurred_at', 'Occurred At', 'datetime'),
        f('application_id', 'Application ID'),
        f('actor__name', 'Done By'),
        f('actor__type', 'Done By (Partner User, Applicant, Partner or System)'),
        // Boom: "Event-specific data. Structure varies by event type"; a decision's carries its status.
        f('details__status', 'Decision or Status (Where the Activity Gives One)'),
        f('application__status', 'Application Status'),
        ...prefixed(
          'application__primary_applicant',
          [f('first_name', 'First Name'), f('last_name', 'Last Name'), f('full_name', 'Full Name'), f('email', 'Email'), f('phone', 'Phone')],
          'Applicant',
        ),
        f('application__desired_move_in_day', 'Desired Move-In Date (YYYY-MM-DD)'),
        ...moneyOutputFields(RENT, 'Monthly Rent', { prefix: 'application__monthly_rent__' }),
        f('application__monthly_rent__currency', 'Monthly Rent Currency'),
        f('application__decision_at', 'Decision At', 'datetime'),
        f('application__application_url', 'Application URL'),
      ],
      lookedUp: { application: LOOKED_UP_APPLICATION },
    },
    customer_record: {
      noun: 'Customer',
      facts: { poll: 'customers' },
      // A customer of GET /partner/v1/customers (Boom Report API), as the app passes it on (no date of birth).
      record: { id: 'cust_abc123', first_name: 'Jane', last_name: 'Doe', email: 'jane@example.com', phone: '15551234567' },
      outputFields: [
        f('id', 'Customer ID'),
        f('first_name', 'First Name'),
        f('last_name', 'Last Name'),
        f('full_name', 'Full Name'),
        f('email', 'Email'),
        f('phone', 'Phone'),
      ],
    },
  },
});
