import type { EventRow, PollRow } from '../../lib/catalog';
import type { EventsOf } from '../../lib/vendor';
import { type BOOM_KINDS, type BOOM_POLL_KINDS, enrollmentFields, envelopeFields } from './kinds';

const MONTHS_DELINQUENCY = "Months Delinquent arrives as a number in Boom's webhook example and as text in its API; it is passed on as sent.";
const GUESSED_NAME = 'Boom has not published the exact event name; any spelling of it (dots, spaces, capitals) is accepted.';

/** One row per event (snake_case of the names on Boom's webhook page; docs/vendors.md says which are confirmed); keys are permanent. */
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
] as const satisfies readonly EventRow<string, keyof typeof BOOM_KINDS>[];

export type BoomEvent = EventsOf<typeof BOOM_ROWS>;

export const BOOM_ANY_EVENT = {
  key: 'boom_event',
  label: 'New Boom Event',
  when: 'Boom sends any event you pick (or any event at all, including new types Boom adds later) to this Zap',
  sampleOf: 'boom_enrollment_approved',
  outputFields: [...envelopeFields, ...enrollmentFields],
};

/** What a Boom polling trigger says in its set-up: what it needs, and what it is for. */
const POLLED =
  "Checked every few minutes through Boom's partner API: it needs the Boom API Access Key and Secret Key in the connection (Boom support issues them), and any number of Zaps can use it at once, with no support ticket.";

/**
 * BoomScreen's activity types a person picks (the `event_type` of Boom's activity log; not the webhook
 * event names: a decision is one activity, its outcome in the activity's details).
 */
const ACTIVITY_INPUT = {
  key: 'activity',
  label: 'Activity',
  helpText:
    'The application activity that runs the Zap (pick one or more), or leave empty for every activity. "Decision made" covers approvals, conditional approvals and declines: the "Decision or Status" field says which (add a Filter on it for declines only).',
  choices: {
    submitted: 'Application submitted',
    group_submitted: 'Group application submitted',
    decision_made: 'Decision made (approved, conditionally approved or declined)',
    canceled: 'Application canceled',
    uncanceled: 'Application un-canceled',
    placed_on_hold: 'Application placed on hold',
    resumed: 'Application resumed',
    invited: 'Applicant invited',
    application_assigned: 'Application assigned',
    application_merged: 'Applications merged',
    desired_move_in_date_updated: 'Desired move-in date changed',
    fee_refunded: 'Application fee refunded',
  },
  list: true,
} as const;

/**
 * Triggers Zapier polls through Boom's partner API: any number of Zaps, where the instant triggers take
 * one URL per environment. Only what the API lists newest first or by date is polled (docs/vendors.md):
 * enrollments have neither, so an enrollment's status is not.
 */
export const BOOM_POLL_ROWS = [
  {
    key: 'boom_new_application_activity',
    label: 'New Application Activity (Checked Every Few Minutes)',
    when: 'a BoomScreen application has new activity you pick (submitted, decision made, canceled, placed on hold…), checked every few minutes with your Boom API keys so that any number of Zaps can use it',
    kind: 'activity',
    inputs: [ACTIVITY_INPUT],
    note: POLLED,
  },
  {
    key: 'boom_new_customer',
    label: 'New Customer (Checked Every Few Minutes)',
    when: 'a customer is created in BoomReport, checked every few minutes with your Boom API keys so that any number of Zaps can use it',
    kind: 'customer_record',
    note: POLLED,
  },
] as const satisfies readonly PollRow<keyof typeof BOOM_POLL_KINDS>[];
