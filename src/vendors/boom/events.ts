import type { EventRow, JsonRecord, OutputField, RecordKind } from '../../lib/catalog';
import { lineItems, prefixed } from '../../lib/fields';
import { type MoneyRule, moneyOutputFields } from '../../lib/money';
import { mapRecord } from '../../lib/values';
import type { EventsOf } from '../../lib/vendor';

const customerIds = { customer_id: 'cust_abc123' };
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
const PERSON = { first_name: 'Jane', last_name: 'Doe', email: 'jane@example.com', phone: '15551234567' };
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
const LEASE = {
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
export const BOOM_MONEY: MoneyRule[] = [
  { at: 'monthly_rent_amount', fields: [RENT] },
  { at: 'unit.monthly_rent_amount', fields: [RENT] },
  { at: 'transactions[]', fields: [{ minor: 'amount', decimal: 'amount_decimal' }] },
];

/** What the adapter needs of a Boom record kind: the API list that gives real records for "Test trigger". */
export interface BoomApi {
  list?: 'customers' | 'enrollments' | 'applications' | 'leads';
}

/** A delivery shape: what a delivery carries, and which record list gives real samples. */
interface ShapeDef {
  noun: string;
  body: JsonRecord;
  resource?: BoomApi['list'];
}

const SHAPES = {
  customer: { noun: 'Customer', body: customerIds, resource: 'customers' },
  plaid: {
    noun: 'Customer',
    body: {
      ...customerIds,
      ...contact,
      customer_created_at: '2026-01-15T10:30:00Z',
      plaid_connect_url: 'https://cdn.plaid.com/link/v2/stable/link.html?token=link-sandbox-1',
    },
    resource: 'customers',
  },
  enrollment: { noun: 'Enrollment', body: enrollmentIds, resource: 'enrollments' },
  unenrolled: { noun: 'Enrollment', body: { ...enrollmentIds, reasons: ['identity_verification_pending'] }, resource: 'enrollments' },
  furnishment: {
    noun: 'Enrollment',
    body: {
      ...enrollmentIds,
      bureau: 'experian',
      rental_verification: { id: 'rv_ghi012', for_month: '2026-03-01', status: 'pending_confirmation', months_delinquency: 0 },
    },
    resource: 'enrollments',
  },
  issue: {
    noun: 'Issue',
    body: {
      ...enrollmentIds,
      slug: 'bank_verification_failed',
      title: 'Bank verification failed',
      description: 'We were unable to verify your bank account. Please reconnect your bank.',
    },
    resource: 'enrollments',
  },
  payment: {
    noun: 'Rent Payment',
    body: {
      ...enrollmentIds,
      rental_verification_id: 'rv_ghi012',
      for_month: '2026-03-01',
      transactions: [{ name: 'Rent payment', amount: 150000, source: 'plaid', external_id: 'txn_abc123' }],
    },
    resource: 'enrollments',
  },
  verification: {
    noun: 'Verification',
    body: { ...enrollmentIds, verification_id: 'ver_jkl012', kind: 'lease', memo: '', review_method: 'automatic' },
    resource: 'enrollments',
  },
  application: { noun: 'Application', body: applicationFields, resource: 'applications' },
  pms: {
    noun: 'Application',
    body: { ...applicationFields, pms_push_status: 'failed', error_message: 'Unit not found in property management system' },
    resource: 'applications',
  },
  group: {
    noun: 'Application',
    body: {
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
    resource: 'applications',
  },
  identity: {
    noun: 'Identity Verification',
    body: {
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
    resource: 'leads',
  },
  merged: {
    noun: 'Application',
    body: {
      target_application_id: 'app_5521',
      target_application_url: 'https://partner.boompay.app/applications/app_5521',
      merged_application_ids: ['app_5522'],
      merged_at: '2026-11-20T15:02:11.000Z',
      merged_by: 'Property Manager',
    },
  },
} satisfies Record<string, ShapeDef>;

type Shape = keyof typeof SHAPES;

const f = (key: string, label: string, type?: OutputField['type']): OutputField => (type ? { key, label, type } : { key, label });
const envelopeFields = [f('id', 'Request ID'), f('event', 'Event Code')];
const enrollmentFields = [f('customer_id', 'Customer ID'), f('enrollment_id', 'Enrollment ID')];
const rentFields = [
  ...moneyOutputFields(RENT, 'Monthly Rent', { prefix: 'monthly_rent_amount__' }),
  f('monthly_rent_amount__currency', 'Monthly Rent Currency'),
];
const applicationOutput = [
  f('first_name', 'Applicant First Name'),
  f('last_name', 'Applicant Last Name'),
  f('email', 'Applicant Email'),
  f('phone', 'Applicant Phone'),
  f('status', 'Application Status'),
  f('desired_move_in_date', 'Desired Move-In Date', 'datetime'),
  f('unit_address', 'Unit Address'),
  f('dependents', 'Dependents'),
  f('pets', 'Pets'),
  ...rentFields,
  f('created_at', 'Created At', 'datetime'),
  f('application_updated_at', 'Application Updated At', 'datetime'),
  f('external_id', 'External ID'),
];

// The customer's details (carried by the delivery, or looked up) and the lease (looked up), under `customer` and `enrollment`.
const personFields = prefixed('customer', [f('first_name', 'First Name'), f('last_name', 'Last Name'), f('email', 'Email'), f('phone', 'Phone')], 'Customer');
const leaseFields = [
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
];
const enrolled = [...enrollmentFields, ...personFields, ...leaseFields];

const FIELDS: Record<Shape, OutputField[]> = {
  customer: [f('customer_id', 'Customer ID'), ...personFields],
  plaid: [
    f('customer_id', 'Customer ID'),
    ...personFields,
    f('customer_created_at', 'Customer Created At', 'datetime'),
    f('plaid_connect_url', 'Plaid Connect URL'),
  ],
  enrollment: enrolled,
  unenrolled: [...enrolled, f('reasons', 'Unenrollment Reasons')],
  furnishment: [
    ...enrolled,
    f('bureau', 'Credit Bureau'),
    ...prefixed(
      'rental_verification',
      [f('id', 'ID'), f('for_month', 'Month'), f('status', 'Status'), f('months_delinquency', 'Months Delinquent')],
      'Rental Verification',
    ),
  ],
  issue: [...enrolled, f('slug', 'Issue Slug'), f('title', 'Issue Title'), f('description', 'Issue Description')],
  payment: [
    ...enrolled,
    f('rental_verification_id', 'Rental Verification ID'),
    f('for_month', 'Month'),
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
  verification: [...enrolled, f('verification_id', 'Verification ID'), f('kind', 'Verification Kind'), f('memo', 'Memo'), f('review_method', 'Review Method')],
  application: applicationOutput,
  pms: [...applicationOutput, f('pms_push_status', 'PMS Push Status'), f('error_message', 'PMS Error Message')],
  group: [
    f('source_id', 'Application ID'),
    f('lead_id', 'Lead ID'),
    f('status', 'Application Status'),
    f('portal_url', 'Portal URL'),
    f('reasons', 'Reasons'),
    f('desired_move_in_date', 'Desired Move-In Date', 'datetime'),
    f('dependents', 'Dependents'),
    f('pets', 'Pets'),
    ...rentFields,
    ...lineItems(
      'applicants',
      [f('first_name', 'First Name'), f('last_name', 'Last Name'), f('email', 'Email'), f('role', 'Role'), f('application_status', 'Status')],
      'Applicant',
    ),
    f('unit__title', 'Unit'),
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
      ],
      'Property',
    ),
    f('created_at', 'Created At', 'datetime'),
    f('external_id', 'External ID'),
  ],
  identity: [
    f('lead_id', 'Lead ID'),
    f('first_name', 'First Name'),
    f('last_name', 'Last Name'),
    f('email', 'Email'),
    f('phone', 'Phone'),
    f('status', 'Verification Status'),
    f('application_id', 'Application ID'),
    f('applicant_id', 'Applicant ID'),
    f('application_status', 'Application Status'),
    f('role', 'Role'),
    f('finished_at', 'Finished At', 'datetime'),
  ],
  merged: [
    f('target_application_id', 'Target Application ID'),
    f('target_application_url', 'Target Application URL'),
    f('merged_application_ids', 'Merged Application IDs'),
    f('merged_at', 'Merged At', 'datetime'),
    f('merged_by', 'Merged By'),
  ],
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

export const BOOM_KINDS = mapRecord<Shape, ShapeDef, RecordKind<BoomApi>>(SHAPES, ({ noun, body, resource }, shape) => ({
  noun,
  delivery: (event) => ({
    event,
    request_id: REQUEST_ID,
    ...body,
    ...('status' in body && APPLICATION_STATUS[event] ? { status: APPLICATION_STATUS[event] } : {}),
  }),
  outputFields: [...envelopeFields, ...FIELDS[shape]],
  api: resource ? { list: resource } : {},
  // BoomReport deliveries name a customer (and an enrollment): what a later step can look up.
  ...('enrollment_id' in body ? { lookedUp: { customer: PERSON, enrollment: LEASE } } : 'customer_id' in body ? { lookedUp: { customer: PERSON } } : {}),
}));

const MONTHS_DELINQUENCY = "Months Delinquent arrives as a number in Boom's webhook example and as text in its API; it is passed on as sent.";
const GUESSED_NAME = 'Boom has not published the exact event name; any spelling of it (dots, spaces, capitals) is accepted.';

/** One row per event (snake_case of the seed's names, a reading VENDORS.md marks [S/G]); keys are permanent. */
export const BOOM_ROWS = [
  {
    key: 'boom_customer_registered',
    events: ['customer_registered'],
    label: 'Customer Registered',
    when: 'a customer registers with BoomReport (name, phone and email entered)',
    kind: 'customer',
  },
  {
    key: 'boom_enrollment_pending',
    events: ['enrollment_pending'],
    label: 'Enrollment Pending',
    when: 'a customer completes a BoomReport enrollment and its verifications start',
    kind: 'enrollment',
  },
  {
    key: 'boom_enrollment_approved',
    events: ['enrollment_approved'],
    label: 'Enrollment Approved',
    when: 'a BoomReport enrollment passes all verifications and becomes active',
    kind: 'enrollment',
  },
  {
    key: 'boom_enrollment_rejected',
    events: ['enrollment_rejected'],
    label: 'Enrollment Rejected',
    when: 'a BoomReport enrollment is rejected after a failed verification',
    kind: 'enrollment',
  },
  {
    key: 'boom_customer_unenrolled',
    events: ['customer_unenrolled'],
    label: 'Customer Unenrolled',
    when: 'a customer is unenrolled from BoomReport rent reporting',
    kind: 'unenrolled',
  },
  {
    key: 'boom_furnishment_finished',
    events: ['furnishment_finished'],
    label: 'Rent Reported to Bureau',
    when: 'BoomReport reports a month of rent to a credit bureau',
    kind: 'furnishment',
    note: MONTHS_DELINQUENCY,
  },
  {
    key: 'boom_issue_pending',
    events: ['issue_pending'],
    label: 'Enrollment Issue Pending',
    when: 'BoomReport finds an enrollment issue that needs the customer',
    kind: 'issue',
  },
  {
    key: 'boom_issue_resolved',
    events: ['issue_resolved'],
    label: 'Enrollment Issue Resolved',
    when: 'a customer resolves a BoomReport enrollment issue',
    kind: 'issue',
  },
  {
    key: 'boom_rental_payment_verified',
    events: ['rental_payment_verified'],
    label: 'Rental Payment Verified',
    when: 'BoomReport verifies a monthly rent payment',
    kind: 'payment',
  },
  {
    key: 'boom_enrollment_verification_verified',
    events: ['enrollment_verification_verified'],
    label: 'Enrollment Verification Approved',
    when: 'a BoomReport identity, lease or landlord verification is approved',
    kind: 'verification',
  },
  {
    key: 'boom_enrollment_verification_rejected',
    events: ['enrollment_verification_rejected'],
    label: 'Enrollment Verification Rejected',
    when: 'a BoomReport identity, lease or landlord verification is rejected',
    kind: 'verification',
  },
  {
    key: 'boom_enrollment_moved_out',
    events: ['enrollment_moved_out'],
    label: 'Customer Moved Out',
    when: 'a BoomReport customer is marked as moved out of their unit',
    kind: 'enrollment',
  },
  {
    key: 'boom_boomreport_plaid_link_visited',
    events: ['boomreport_plaid_link_visited'],
    label: 'Plaid Link Visited',
    when: 'a customer opens their BoomReport Plaid bank-linking URL',
    kind: 'plaid',
  },
  {
    key: 'boom_boomreport_plaid_link_requested',
    events: ['boomreport_plaid_link_requested'],
    label: 'Plaid Link Requested',
    when: 'a customer copies or requests their BoomReport Plaid bank-linking URL',
    kind: 'plaid',
  },
  {
    key: 'boom_application_approved',
    events: ['application_approved'],
    label: 'Application Approved',
    when: 'a BoomScreen application is approved',
    kind: 'application',
  },
  {
    key: 'boom_application_conditionally_approved',
    events: ['application_conditionally_approved'],
    label: 'Application Conditionally Approved',
    when: 'a BoomScreen application is approved with conditions',
    kind: 'application',
  },
  {
    key: 'boom_application_canceled',
    events: ['application_canceled'],
    label: 'Application Canceled',
    when: 'a BoomScreen application is canceled',
    kind: 'application',
  },
  {
    key: 'boom_application_declined',
    events: ['application_declined'],
    label: 'Application Declined',
    when: 'a BoomScreen application is declined',
    kind: 'application',
  },
  {
    key: 'boom_applicant_submitted',
    events: ['applicant_submitted'],
    label: 'Applicant Submitted',
    when: 'a BoomScreen applicant submits their part of an application',
    kind: 'application',
  },
  {
    key: 'boom_applicant_started',
    events: ['applicant_started'],
    label: 'Applicant Started',
    when: 'a BoomScreen applicant starts their part of an application',
    kind: 'application',
  },
  {
    key: 'boom_application_submitted',
    events: ['application_submitted'],
    label: 'Application Submitted',
    when: 'a BoomScreen application is submitted',
    kind: 'application',
  },
  {
    key: 'boom_application_updated',
    events: ['application_updated'],
    label: 'Application Updated',
    when: 'a BoomScreen application is updated',
    kind: 'application',
  },
  {
    key: 'boom_application_started',
    events: ['application_started'],
    label: 'Application Started',
    when: 'a BoomScreen application is started',
    kind: 'application',
  },
  {
    key: 'boom_applicant_created',
    events: ['applicant_created'],
    label: 'Applicant Created',
    when: 'a BoomScreen applicant is created',
    kind: 'application',
    retired: true,
  },
  {
    key: 'boom_application_created',
    events: ['application_created'],
    label: 'Application Created',
    when: 'a BoomScreen application is created',
    kind: 'application',
    retired: true,
  },
  {
    key: 'boom_applicant_completed',
    events: ['applicant_completed'],
    label: 'Applicant Completed',
    when: 'a BoomScreen applicant completes the application',
    kind: 'application',
    retired: true,
  },
  {
    key: 'boom_application_completed',
    events: ['application_completed'],
    label: 'Application Completed',
    when: 'a BoomScreen application is completed',
    kind: 'application',
    retired: true,
  },
  {
    key: 'boom_application_merged',
    events: ['application_merged'],
    label: 'Applications Merged',
    when: 'BoomScreen applications are merged into one',
    kind: 'merged',
  },
  {
    key: 'boom_identity_verification_finished',
    events: ['identity_verification_finished'],
    label: 'Identity Verification Finished',
    when: 'a BoomScreen lead or applicant finishes identity verification',
    kind: 'identity',
  },
  {
    key: 'boom_identity_verification_expired',
    events: ['identity_verification_expired'],
    label: 'Identity Verification Expired',
    when: 'a BoomScreen identity verification expires (30 days after it finished)',
    kind: 'identity',
  },
  {
    key: 'boom_push_applicants_to_property_management_system',
    events: ['push_applicants_to_property_management_system'],
    label: 'Applicants Pushed to Property Management System',
    when: 'BoomScreen pushes applicants to a property management system',
    kind: 'pms',
    note: GUESSED_NAME,
  },
  {
    key: 'boom_applicant_invite_followup',
    events: ['applicant_invite_followup'],
    label: 'Applicant Invite Follow-Up',
    when: 'an invited BoomScreen applicant has not started after the set delay',
    kind: 'group',
  },
  {
    key: 'boom_applicant_identity_followup',
    events: ['applicant_identity_followup'],
    label: 'Applicant Identity Follow-Up',
    when: 'a BoomScreen applicant has not finished identity verification after the set delay',
    kind: 'group',
  },
  {
    key: 'boom_applicant_income_followup',
    events: ['applicant_income_followup'],
    label: 'Applicant Income Follow-Up',
    when: 'a BoomScreen applicant has not finished income verification after the set delay',
    kind: 'group',
  },
  {
    key: 'boom_applicant_checkout_followup',
    events: ['applicant_checkout_followup'],
    label: 'Applicant Checkout Follow-Up',
    when: 'a BoomScreen applicant finished verifications but has not submitted after the set delay',
    kind: 'group',
  },
  {
    key: 'boom_pet_screening_requested',
    events: ['pet_screening_requested'],
    label: 'Pet Screening Requested',
    when: 'a pet screening is requested for a BoomScreen applicant',
    kind: 'group',
  },
  {
    key: 'boom_application_under_review',
    events: ['application_under_review'],
    label: 'Application Under Review',
    when: 'a BoomScreen group application is submitted and enters review',
    kind: 'group',
  },
  {
    key: 'boom_applicant_receipt',
    events: ['applicant_receipt'],
    label: 'Applicant Fee Receipt Sent',
    when: 'BoomScreen sends an application fee receipt email',
    kind: 'group',
  },
  {
    key: 'boom_application_decision_reverted',
    events: ['application_decision_reverted'],
    label: 'Application Decision Reverted',
    when: 'a BoomScreen application decision is reversed',
    kind: 'group',
  },
] as const satisfies readonly EventRow<string, Shape>[];

export type BoomEvent = EventsOf<typeof BOOM_ROWS>;

export const BOOM_ANY_EVENT = {
  key: 'boom_event',
  label: 'New Boom Event',
  when: 'Boom sends any event you pick (or any event at all, including new types Boom adds later) to this Zap',
  sampleOf: 'boom_enrollment_approved',
  outputFields: [...envelopeFields, ...enrollmentFields],
};
