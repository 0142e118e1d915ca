import { DELIVERY_SCHEMAS } from '../../lib/delivery-schemas';
import type { AnyEventEntry, CatalogEntry, JsonRecord, OutputField } from '../../lib/catalog';
import { lineItems, prefixed } from '../../lib/fields';

/** Boom's event names: snake_case of the seed's names (a reading VENDORS.md marks [S/G]). */
export const BOOM_EVENTS = [
  'customer_registered', 'enrollment_pending', 'enrollment_approved', 'enrollment_rejected', 'customer_unenrolled',
  'furnishment_finished', 'issue_pending', 'issue_resolved', 'rental_payment_verified',
  'enrollment_verification_verified', 'enrollment_verification_rejected', 'enrollment_moved_out',
  'boomreport_plaid_link_visited', 'boomreport_plaid_link_requested',
  'application_approved', 'application_conditionally_approved', 'application_canceled', 'application_declined',
  'applicant_submitted', 'applicant_started', 'application_submitted', 'application_updated', 'application_started',
  'applicant_created', 'application_created', 'applicant_completed', 'application_completed',
  'application_merged', 'identity_verification_finished', 'identity_verification_expired',
  'push_applicants_to_property_management_system',
  'applicant_invite_followup', 'applicant_identity_followup', 'applicant_income_followup', 'applicant_checkout_followup',
  'pet_screening_requested', 'application_under_review', 'applicant_receipt', 'application_decision_reverted',
] as const;

export type BoomEvent = (typeof BOOM_EVENTS)[number];

/** Delivery shapes: which fields a delivery carries, which record list gives real samples. */
type Shape = 'customer' | 'enrollment' | 'unenrolled' | 'furnishment' | 'issue' | 'payment' | 'verification' | 'plaid'
  | 'application' | 'group' | 'identity' | 'merged' | 'pms';

const REQUEST_ID = 'a1b2c3d4-e5f6-7890-abcd-ef1234567890';
const customerIds = { customer_id: 'cust_abc123' };
const enrollmentIds = { ...customerIds, enrollment_id: 'enr_def456' };
// Older deliveries carried the customer's contact details on every event; current ones mostly ids.
const contact = {
  customer_first_name: 'Jane',
  customer_last_name: 'Doe',
  customer_email: 'jane@example.com',
  customer_phone: '15551234567',
  customer_external_id: 'tenant-8841',
};
const money = (cents: number) => ({ cents, currency: 'USD', amount_decimal: cents / 100 });
const address = {
  address1: '123 Main St', address2: 'Apt 4B', city: 'San Francisco', state_or_province: 'CA', postal_code: '94107', country: 'United States',
  one_line_address: '123 Main St, Apt 4B, San Francisco, CA 94107',
};
const unit = { id: 'unit_77', title: 'Unit 4B', property: { name: 'Mission Lofts', address }, monthly_rent_amount: money(245000) };
const applicationFields = {
  dependents: 1,
  pets: 0,
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

const SHAPES: Record<Shape, { noun: string; body: JsonRecord; resource?: 'customers' | 'enrollments' | 'applications' | 'leads' }> = {
  customer: { noun: 'Customer', body: { ...customerIds, ...contact }, resource: 'customers' },
  plaid: {
    noun: 'Customer',
    body: { ...customerIds, ...contact, customer_created_at: '2026-01-15T10:30:00Z', plaid_connect_url: 'https://cdn.plaid.com/link/v2/stable/link.html?token=link-sandbox-1' },
    resource: 'customers',
  },
  enrollment: { noun: 'Enrollment', body: { ...enrollmentIds, ...contact }, resource: 'enrollments' },
  unenrolled: { noun: 'Enrollment', body: { ...enrollmentIds, reasons: ['identity_verification_pending'] }, resource: 'enrollments' },
  furnishment: {
    noun: 'Enrollment',
    body: { ...enrollmentIds, bureau: 'experian', rental_verification: { id: 'rv_ghi012', for_month: '2026-03-01', status: 'pending_confirmation', months_delinquency: 0 } },
    resource: 'enrollments',
  },
  issue: {
    noun: 'Issue',
    body: { ...enrollmentIds, slug: 'bank_verification_failed', title: 'Bank verification failed', description: 'We were unable to verify your bank account. Please reconnect your bank.' },
    resource: 'enrollments',
  },
  payment: {
    noun: 'Rent Payment',
    body: {
      ...enrollmentIds,
      rental_verification_id: 'rv_ghi012',
      for_month: '2026-03-01',
      transactions: [{ name: 'Rent payment', amount: 150000, amount_decimal: 1500, source: 'plaid', external_id: 'txn_abc123' }],
    },
    resource: 'enrollments',
  },
  verification: {
    noun: 'Verification',
    body: { ...enrollmentIds, verification_id: 'ver_jkl012', kind: 'lease', memo: '', review_method: 'automatic' },
    resource: 'enrollments',
  },
  application: { noun: 'Application', body: applicationFields, resource: 'applications' },
  pms: { noun: 'Application', body: { ...applicationFields, pms_push_status: 'failed', error_message: 'Unit not found in property management system' }, resource: 'applications' },
  group: {
    noun: 'Application',
    body: {
      id: 'app_5521',
      lead_id: 'lead_9001',
      invited_lead: { id: 'lead_9002', first_name: 'Sam', last_name: 'Lee', email: 'sam@example.com' },
      inviting_applicant: { id: 'apl_1', first_name: 'Jane', last_name: 'Doe', email: 'jane@example.com' },
      dependents: 1,
      pets: 0,
      applicants: [{ id: 'apl_1', first_name: 'Jane', last_name: 'Doe', email: 'jane@example.com', phone: '15551234567', role: 'applicant', application_status: 'started' }],
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
};

const f = (key: string, label: string, type?: OutputField['type']): OutputField => (type ? { key, label, type } : { key, label });
const envelopeFields = [f('id', 'Request ID'), f('event', 'Event')];
const customerFields = [f('customer_id', 'Customer ID'), f('customer_first_name', 'Customer First Name'), f('customer_last_name', 'Customer Last Name'), f('customer_email', 'Customer Email'), f('customer_phone', 'Customer Phone'), f('customer_external_id', 'Customer External ID')];
const enrollmentFields = [f('customer_id', 'Customer ID'), f('enrollment_id', 'Enrollment ID')];
const rentFields = [f('monthly_rent_amount__cents', 'Monthly Rent (Cents)', 'integer'), f('monthly_rent_amount__currency', 'Monthly Rent Currency'), f('monthly_rent_amount__amount_decimal', 'Monthly Rent Amount', 'number')];
const applicationOutput = [
  f('first_name', 'Applicant First Name'), f('last_name', 'Applicant Last Name'), f('email', 'Applicant Email'), f('phone', 'Applicant Phone'),
  f('status', 'Application Status'), f('desired_move_in_date', 'Desired Move-In Date', 'datetime'), f('unit_address', 'Unit Address'),
  f('dependents', 'Dependents'), f('pets', 'Pets'), ...rentFields, f('created_at', 'Created At', 'datetime'), f('application_updated_at', 'Application Updated At', 'datetime'), f('external_id', 'External ID'),
];

const FIELDS: Record<Shape, OutputField[]> = {
  customer: customerFields,
  plaid: [...customerFields, f('customer_created_at', 'Customer Created At', 'datetime'), f('plaid_connect_url', 'Plaid Connect URL')],
  enrollment: [...enrollmentFields, ...customerFields.slice(1)],
  unenrolled: [...enrollmentFields, f('reasons', 'Unenrollment Reasons')],
  furnishment: [
    ...enrollmentFields, f('bureau', 'Credit Bureau'),
    ...prefixed('rental_verification', [f('id', 'ID'), f('for_month', 'Month'), f('status', 'Status'), f('months_delinquency', 'Months Delinquent', 'integer')], 'Rental Verification'),
  ],
  issue: [...enrollmentFields, f('slug', 'Issue Slug'), f('title', 'Issue Title'), f('description', 'Issue Description')],
  payment: [
    ...enrollmentFields, f('rental_verification_id', 'Rental Verification ID'), f('for_month', 'Month'),
    ...lineItems('transactions', [f('name', 'Name'), f('amount', 'Amount (Cents)', 'integer'), f('amount_decimal', 'Amount', 'number'), f('source', 'Source'), f('external_id', 'External ID')], 'Transaction'),
  ],
  verification: [...enrollmentFields, f('verification_id', 'Verification ID'), f('kind', 'Verification Kind'), f('memo', 'Memo'), f('review_method', 'Review Method')],
  application: applicationOutput,
  pms: [...applicationOutput, f('pms_push_status', 'PMS Push Status'), f('error_message', 'PMS Error Message')],
  group: [
    f('source_id', 'Application ID'), f('lead_id', 'Lead ID'), f('status', 'Application Status'), f('portal_url', 'Portal URL'), f('reasons', 'Reasons'),
    f('desired_move_in_date', 'Desired Move-In Date', 'datetime'), f('dependents', 'Dependents'), f('pets', 'Pets'), ...rentFields,
    ...lineItems('applicants', [f('first_name', 'First Name'), f('last_name', 'Last Name'), f('email', 'Email'), f('role', 'Role'), f('application_status', 'Status')], 'Applicant'),
    f('unit__title', 'Unit'),
    ...prefixed('unit__property', [f('name', 'Name')], 'Property'),
    ...prefixed('unit__property__address', [f('address1', 'Address Line 1'), f('address2', 'Address Line 2'), f('city', 'City'), f('state_or_province', 'State'), f('postal_code', 'Postal Code'), f('country', 'Country')], 'Property'),
    f('created_at', 'Created At', 'datetime'), f('external_id', 'External ID'),
  ],
  identity: [
    f('lead_id', 'Lead ID'), f('first_name', 'First Name'), f('last_name', 'Last Name'), f('email', 'Email'), f('phone', 'Phone'), f('status', 'Verification Status'),
    f('application_id', 'Application ID'), f('applicant_id', 'Applicant ID'), f('application_status', 'Application Status'), f('role', 'Role'), f('finished_at', 'Finished At', 'datetime'),
  ],
  merged: [f('target_application_id', 'Target Application ID'), f('target_application_url', 'Target Application URL'), f('merged_application_ids', 'Merged Application IDs'), f('merged_at', 'Merged At', 'datetime'), f('merged_by', 'Merged By')],
};


const DEPRECATED = ' Deprecated by Boom: kept working for existing Zaps.';

/** [key, event, label, "Triggers when …" phrase, shape, deprecated] — keys are permanent. */
const ROWS: ReadonlyArray<readonly [string, BoomEvent, string, string, Shape, boolean?]> = [
  ['boom_customer_registered', 'customer_registered', 'Customer Registered', 'a customer registers with BoomReport (name, phone and email entered)', 'customer'],
  ['boom_enrollment_pending', 'enrollment_pending', 'Enrollment Pending', 'a customer completes a BoomReport enrollment and its verifications start', 'enrollment'],
  ['boom_enrollment_approved', 'enrollment_approved', 'Enrollment Approved', 'a BoomReport enrollment passes all verifications and becomes active', 'enrollment'],
  ['boom_enrollment_rejected', 'enrollment_rejected', 'Enrollment Rejected', 'a BoomReport enrollment is rejected after a failed verification', 'enrollment'],
  ['boom_customer_unenrolled', 'customer_unenrolled', 'Customer Unenrolled', 'a customer is unenrolled from BoomReport rent reporting', 'unenrolled'],
  ['boom_furnishment_finished', 'furnishment_finished', 'Rent Reported to Bureau', 'BoomReport reports a month of rent to a credit bureau', 'furnishment'],
  ['boom_issue_pending', 'issue_pending', 'Enrollment Issue Pending', 'BoomReport finds an enrollment issue that needs the customer', 'issue'],
  ['boom_issue_resolved', 'issue_resolved', 'Enrollment Issue Resolved', 'a customer resolves a BoomReport enrollment issue', 'issue'],
  ['boom_rental_payment_verified', 'rental_payment_verified', 'Rental Payment Verified', 'BoomReport verifies a monthly rent payment', 'payment'],
  ['boom_enrollment_verification_verified', 'enrollment_verification_verified', 'Enrollment Verification Approved', 'a BoomReport identity, lease or landlord verification is approved', 'verification'],
  ['boom_enrollment_verification_rejected', 'enrollment_verification_rejected', 'Enrollment Verification Rejected', 'a BoomReport identity, lease or landlord verification is rejected', 'verification'],
  ['boom_enrollment_moved_out', 'enrollment_moved_out', 'Customer Moved Out', 'a BoomReport customer is marked as moved out of their unit', 'enrollment'],
  ['boom_boomreport_plaid_link_visited', 'boomreport_plaid_link_visited', 'Plaid Link Visited', 'a customer opens their BoomReport Plaid bank-linking URL', 'plaid'],
  ['boom_boomreport_plaid_link_requested', 'boomreport_plaid_link_requested', 'Plaid Link Requested', 'a customer copies or requests their BoomReport Plaid bank-linking URL', 'plaid'],
  ['boom_application_approved', 'application_approved', 'Application Approved', 'a BoomScreen application is approved', 'application'],
  ['boom_application_conditionally_approved', 'application_conditionally_approved', 'Application Conditionally Approved', 'a BoomScreen application is approved with conditions', 'application'],
  ['boom_application_canceled', 'application_canceled', 'Application Canceled', 'a BoomScreen application is canceled', 'application'],
  ['boom_application_declined', 'application_declined', 'Application Declined', 'a BoomScreen application is declined', 'application'],
  ['boom_applicant_submitted', 'applicant_submitted', 'Applicant Submitted', 'a BoomScreen applicant submits their part of an application', 'application'],
  ['boom_applicant_started', 'applicant_started', 'Applicant Started', 'a BoomScreen applicant starts their part of an application', 'application'],
  ['boom_application_submitted', 'application_submitted', 'Application Submitted', 'a BoomScreen application is submitted', 'application'],
  ['boom_application_updated', 'application_updated', 'Application Updated', 'a BoomScreen application is updated', 'application'],
  ['boom_application_started', 'application_started', 'Application Started', 'a BoomScreen application is started', 'application'],
  ['boom_applicant_created', 'applicant_created', 'Applicant Created (Deprecated)', 'a BoomScreen applicant is created', 'application', true],
  ['boom_application_created', 'application_created', 'Application Created (Deprecated)', 'a BoomScreen application is created', 'application', true],
  ['boom_applicant_completed', 'applicant_completed', 'Applicant Completed (Deprecated)', 'a BoomScreen applicant completes the application', 'application', true],
  ['boom_application_completed', 'application_completed', 'Application Completed (Deprecated)', 'a BoomScreen application is completed', 'application', true],
  ['boom_application_merged', 'application_merged', 'Applications Merged', 'BoomScreen applications are merged into one', 'merged'],
  ['boom_identity_verification_finished', 'identity_verification_finished', 'Identity Verification Finished', 'a BoomScreen lead or applicant finishes identity verification', 'identity'],
  ['boom_identity_verification_expired', 'identity_verification_expired', 'Identity Verification Expired', 'a BoomScreen identity verification expires (30 days after it finished)', 'identity'],
  ['boom_push_applicants_to_property_management_system', 'push_applicants_to_property_management_system', 'Applicants Pushed to Property Management System', 'BoomScreen pushes applicants to a property management system', 'pms'],
  ['boom_applicant_invite_followup', 'applicant_invite_followup', 'Applicant Invite Follow-Up', 'an invited BoomScreen applicant has not started after the set delay', 'group'],
  ['boom_applicant_identity_followup', 'applicant_identity_followup', 'Applicant Identity Follow-Up', 'a BoomScreen applicant has not finished identity verification after the set delay', 'group'],
  ['boom_applicant_income_followup', 'applicant_income_followup', 'Applicant Income Follow-Up', 'a BoomScreen applicant has not finished income verification after the set delay', 'group'],
  ['boom_applicant_checkout_followup', 'applicant_checkout_followup', 'Applicant Checkout Follow-Up', 'a BoomScreen applicant finished verifications but has not submitted after the set delay', 'group'],
  ['boom_pet_screening_requested', 'pet_screening_requested', 'Pet Screening Requested', 'a pet screening is requested for a BoomScreen applicant', 'group'],
  ['boom_application_under_review', 'application_under_review', 'Application Under Review', 'a BoomScreen group application is submitted and enters review', 'group'],
  ['boom_applicant_receipt', 'applicant_receipt', 'Applicant Fee Receipt Sent', 'BoomScreen sends an application fee receipt email', 'group'],
  ['boom_application_decision_reverted', 'application_decision_reverted', 'Application Decision Reverted', 'a BoomScreen application decision is reversed', 'group'],
];

export interface BoomEntry extends CatalogEntry<BoomEvent> {
  shape: Shape;
}

const GUESSED_NAME = ' Boom has not published the exact event name; any spelling of it (dots, spaces, capitals) is accepted.';

export const BOOM_ENTRIES: readonly BoomEntry[] = ROWS.map(([key, event, label, phrase, shape, deprecated]) => ({
  key,
  label,
  noun: SHAPES[shape].noun,
  description: `Triggers when ${phrase}.${event === 'push_applicants_to_property_management_system' ? GUESSED_NAME : ''}${deprecated ? DEPRECATED : ''}`,
  events: [event],
  ...(deprecated ? { hidden: true } : {}),
  shape,
  resource: SHAPES[shape].resource,
  sample: { event, request_id: REQUEST_ID, ...SHAPES[shape].body, id: REQUEST_ID, ...(shape === 'group' ? { source_id: 'app_5521' } : {}) },
  outputFields: [...envelopeFields, ...FIELDS[shape]],
  schema: DELIVERY_SCHEMAS.boom,
}));

export const shapeOf = (shape: Shape) => SHAPES[shape];

export const BOOM_ANY_EVENT: AnyEventEntry<BoomEvent> = {
  anyEvent: true,
  key: 'boom_event',
  label: 'New Boom Event',
  noun: 'Event',
  description: 'Triggers when Boom sends any event you pick (or any event at all, including new types Boom adds later) to this Zap.',
  choices: BOOM_ENTRIES,
  pickRequired: false,
  sample: BOOM_ENTRIES.find((e) => e.key === 'boom_enrollment_approved')!.sample,
  outputFields: [...envelopeFields, f('customer_id', 'Customer ID'), f('enrollment_id', 'Enrollment ID')],
  schema: DELIVERY_SCHEMAS.boom,
};
