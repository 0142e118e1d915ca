import { describeFidelity } from '../../support/fidelity';
import documented from './fixtures/documented-fields.json';

describeFidelity({
  vendorId: 'boom',
  examples: [
    ['boom_customer_registered', 'docs-customer-registered.json'],
    ['boom_enrollment_approved', 'docs-enrollment-approved.json'],
    ['boom_customer_unenrolled', 'docs-customer-unenrolled.json'],
    ['boom_furnishment_finished', 'docs-furnishment-finished.json'],
    ['boom_issue_pending', 'docs-issue-pending.json'],
    ['boom_rental_payment_verified', 'docs-rental-payment-verified.json'],
    ['boom_enrollment_verification_verified', 'docs-enrollment-verification-verified.json'],
    ['boom_boomreport_plaid_link_requested', 'docs-boomreport-plaid-link-requested.json'],
    ['boom_event', 'docs-enrollment-approved.json'],
    // Shaped as Boom's older page and current page show these events (values ours): the customer inline, transactions.
    ['boom_enrollment_approved', 'enrollment-approved-older.json'],
    ['boom_rental_payment_verified', 'rental-payment-verified-current.json'],
    // BoomScreen's events and the older issue object: field names from Boom's pages, values ours (each fixture names its source).
    ['boom_applicant_invite_followup', 'page-applicant-invite-followup.json'],
    ['boom_identity_verification_finished', 'page-identity-verification-finished.json'],
    ['boom_application_approved', 'page-application-approved.json'],
    ['boom_issue_pending', 'older-issue-pending.json'],
  ],
  documented: documented.keys,
  unlabelled: documented.unlabelled,
  // `amount_decimal` stands beside a transaction's `amount` (the rent's forms are ours: `monthly_rent`, below).
  minorOf: (key) => (key.endsWith('[]amount_decimal') ? key.replace(/_decimal$/, '') : undefined),
  exceptions: {
    event_title: 'the event in words, added by New … Event beside the vendor code',
    id: "the item id: Boom's request_id, so that a retry repeats it",
    source_id: "Boom's own `id` of the application (the item id is the request id)",
    customer_external_id: "the partner's own tenant id: on every BoomReport event of Boom's older webhook page, not in the current one",
    full_name: 'ours: first and last name joined, for a To or Name field',
    customer__full_name: 'ours: first and last name joined, for a To or Name field',
    desired_move_in_day: 'ours: `desired_move_in_date` as a calendar day (YYYY-MM-DD), so a US time zone does not show the day before',
    transactions_total: 'ours: the sum of the transactions, in dollars',
    transactions_total_in_cents: 'ours: the sum of the transactions, in cents as Boom gives amounts',
    monthly_rent__cents: "ours: `monthly_rent_amount`'s cents, whether Boom sends a money object or a plain number",
    monthly_rent__amount_decimal: 'ours: the rent in dollars, from either form',
    monthly_rent__currency: "ours: the money object's currency (none for a plain number)",
    unit_one_line_address: 'ours: `unit_address` as one line, whether Boom sends text or an address object',
  },
  notInExamples: {
    customer_external_id:
      "on every BoomReport event of Boom's older page only: an enrollment_approved of that page fills it (enrollment-approved-older.json); the kinds share the field",
    'customer__*': "looked up with Boom API keys from Boom's customers resource (test/vendors/boom/enrichment.test.ts), or carried inline by older deliveries",
    'enrollment__*': "looked up with Boom API keys from Boom's enrollments resource (test/vendors/boom/enrichment.test.ts)",
  },
});
