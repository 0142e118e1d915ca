import type { JsonRecord, OutputField } from '../src/lib/catalog';
import { valueAt } from './support/fidelity';
import { app, entryOf, isIsoWithZone, resetCache, resolved, run } from './support/runtime';
import { CONNECTIONS, liveDelivery, vendorApis } from './support/vendor-apis';

/**
 * Zaps as a person builds them: pick the trigger, run Test trigger, map each field the
 * action needs by its label. Every field must be labelled and hold a value in the form the action
 * takes, from a live delivery and from Test trigger, with no Formatter step. Fields a lookup adds
 * with an optional credential are marked `needs`: without it they are absent and their label
 * says which credential brings them; with it they are filled.
 *
 * Lookups are resolved as Zapier does when a later step maps them, against nock stand-ins of the
 * vendors' APIs (test/support/vendor-apis.ts).
 */

/** The forms actions take: an email address, text, a decimal amount, a whole number, a calendar day, a time with its zone, yes or no, a currency code. */
const FORMS = {
  email: (v: unknown) => typeof v === 'string' && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v),
  text: (v: unknown) => typeof v === 'string' && v.trim() !== '',
  amount: (v: unknown) => typeof v === 'number' && Number.isFinite(v),
  count: (v: unknown) => Number.isInteger(v),
  day: (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
  time: (v: unknown) => typeof v === 'string' && isIsoWithZone(v),
  // The ISO 4217 code, in capitals, as actions that take a currency expect it.
  yesNo: (v: unknown) => typeof v === 'boolean',
  currency: (v: unknown) => typeof v === 'string' && /^[A-Z]{3}$/.test(v),
} as const;
type Form = keyof typeof FORMS;

interface Need {
  label: string;
  form: Form;
  /** The optional credential the field's lookup needs. */
  needs?: 'Boom API keys' | 'a Claimable API token';
  /** Why Test trigger cannot show its value even with every credential (the field is still there to map). */
  notInTestTrigger?: string;
}

interface Zap {
  zap: string;
  trigger: string;
  inputData?: JsonRecord;
  /** The connection every such Zap has. */
  connection: Record<string, string>;
  /** The connection with the optional credential the `needs` fields take. */
  withOptional?: Record<string, string>;
  needs: Need[];
}

const ZAPS: Zap[] = [
  {
    zap: 'Order Reserved → Gmail confirmation',
    trigger: 'booqable_order_reserved',
    connection: CONNECTIONS.booqable,
    needs: [
      { label: 'Customer Email', form: 'email' },
      { label: 'Customer First Name', form: 'text' },
      { label: 'Order Number', form: 'count' },
      { label: 'Order Rental Start (Planned Pickup)', form: 'time' },
      { label: 'Line Items Summary', form: 'text' },
      { label: 'Order Total With Tax', form: 'amount' },
      { label: 'Currency', form: 'currency' },
    ],
  },
  {
    zap: 'Order Picked Up → text message with the items',
    trigger: 'booqable_order_started',
    connection: CONNECTIONS.booqable,
    needs: [
      { label: 'Customer Phone', form: 'text' },
      { label: 'Customer First Name', form: 'text' },
      { label: 'Order Number', form: 'count' },
      // Removed lines left out, each bundle once with its parts.
      { label: 'Line Items Summary', form: 'text' },
      { label: 'Line Count', form: 'count' },
    ],
  },
  {
    zap: 'Invoice Finalized → QuickBooks invoice',
    trigger: 'booqable_invoice_finalized',
    connection: CONNECTIONS.booqable,
    needs: [
      { label: 'Customer Name', form: 'text' },
      { label: 'Customer Email', form: 'email' },
      { label: 'Invoice Full Number', form: 'text' },
      { label: 'Invoice Due Date', form: 'day' },
      { label: 'Line Title', form: 'text' },
      { label: 'Line Quantity', form: 'count' },
      { label: 'Line Price Each', form: 'amount' },
      { label: 'Tax Line Rate (%)', form: 'amount' },
      { label: 'Invoice Total With Tax', form: 'amount' },
      { label: 'Currency', form: 'currency' },
    ],
  },
  {
    zap: 'Payment Completed → Google Sheets row',
    trigger: 'booqable_payment_completed',
    connection: CONNECTIONS.booqable,
    needs: [
      { label: 'Payment Total', form: 'amount' },
      { label: 'Payment Currency', form: 'currency' },
      { label: 'Payment Succeeded At', form: 'time' },
      { label: 'Order Number (If the Payment Has One)', form: 'count' },
      { label: 'Customer Name (If the Payment Has One)', form: 'text' },
    ],
  },
  {
    zap: 'Customer Created → Mailchimp subscriber',
    trigger: 'booqable_customer_created',
    connection: CONNECTIONS.booqable,
    needs: [
      { label: 'Customer Email', form: 'email' },
      { label: 'Customer First Name', form: 'text' },
      { label: 'Customer Last Name', form: 'text' },
    ],
  },
  {
    zap: 'Customer Created → contacts app and mailing list (address, phone, marketing consent)',
    trigger: 'booqable_customer_created',
    connection: CONNECTIONS.booqable,
    needs: [
      { label: 'Customer Email', form: 'email' },
      { label: 'Customer First Name', form: 'text' },
      { label: 'Customer Last Name', form: 'text' },
      { label: 'Customer Phone', form: 'text' },
      { label: 'Customer Address Line 1', form: 'text' },
      { label: 'Customer City', form: 'text' },
      { label: 'Customer Postcode', form: 'text' },
      { label: 'Customer Country', form: 'text' },
      { label: 'Customer Email Marketing Consented', form: 'yesNo' },
    ],
  },
  {
    zap: 'Order Updated, skipping orders still being created → Google Sheets row',
    trigger: 'booqable_order_updated',
    inputData: { orders_without_number: 'skip' },
    connection: CONNECTIONS.booqable,
    needs: [
      { label: 'Order Number', form: 'count' },
      { label: 'Order Status', form: 'text' },
      { label: 'Order Payment Status', form: 'text' },
      { label: 'Customer Email', form: 'email' },
    ],
  },
  {
    zap: 'Enrollment Approved → welcome email',
    trigger: 'boom_enrollment_approved',
    connection: {},
    withOptional: CONNECTIONS.boomKeys,
    needs: [
      // Boom's own customer id: every delivery has it; the partner's tenant id comes from older integrations only.
      { label: 'Customer ID', form: 'text' },
      { label: 'Customer Email (with Boom API keys)', form: 'email', needs: 'Boom API keys' },
      { label: 'Customer First Name (with Boom API keys)', form: 'text', needs: 'Boom API keys' },
      { label: 'Lease Address (with Boom API keys)', form: 'text', needs: 'Boom API keys' },
    ],
  },
  {
    zap: 'Application Approved → Slack message',
    trigger: 'boom_application_approved',
    connection: {},
    withOptional: CONNECTIONS.boomKeys,
    needs: [
      { label: 'Applicant Full Name', form: 'text' },
      { label: 'Desired Move-In Date (YYYY-MM-DD)', form: 'day' },
      { label: 'Monthly Rent', form: 'amount' },
      { label: 'Monthly Rent Currency', form: 'currency' },
    ],
  },
  {
    zap: 'Rental Payment Verified → Google Sheets row',
    trigger: 'boom_rental_payment_verified',
    connection: {},
    withOptional: CONNECTIONS.boomKeys,
    needs: [
      { label: 'Customer ID', form: 'text' },
      { label: 'Rent Month (YYYY-MM-DD)', form: 'day' },
      { label: 'Transactions Total', form: 'amount' },
      {
        label: 'Customer Full Name (with Boom API keys)',
        form: 'text',
        needs: 'Boom API keys',
        notInTestTrigger: "Boom's API has no list of rent payments: Test trigger shows the sample, which holds only what every delivery has",
      },
    ],
  },
  {
    zap: 'Claim Created → Trello card',
    trigger: 'claimable_claim_created',
    connection: {},
    withOptional: CONNECTIONS.claimableToken,
    needs: [
      { label: 'Claim Title', form: 'text' },
      { label: 'Claim Reference', form: 'text' },
      { label: 'Claim Incident Description', form: 'text' },
      { label: 'Claim Incident Address (One Line)', form: 'text' },
      { label: 'Claim Claimant Full Name', form: 'text' },
      { label: 'Claim Reported At', form: 'time' },
    ],
  },
  {
    zap: "Claim Created → CRM record with the incident's address in parts",
    trigger: 'claimable_claim_created',
    connection: {},
    withOptional: CONNECTIONS.claimableToken,
    needs: [
      { label: 'Claim Reference', form: 'text' },
      { label: 'Claim Incident Address Line 1', form: 'text' },
      { label: 'Claim Incident City', form: 'text' },
      { label: 'Claim Incident Postcode', form: 'text' },
      { label: 'Claim Incident Country', form: 'text' },
      { label: 'Claim Incident Location Note', form: 'text' },
    ],
  },
  {
    zap: "Applicant Invite Follow-Up → email to Boom's invited lead",
    trigger: 'boom_applicant_invite_followup',
    connection: {},
    needs: [
      { label: 'Invited Lead Email', form: 'email' },
      { label: 'Invited Lead First Name', form: 'text' },
      { label: 'Inviting Applicant First Name', form: 'text' },
      { label: 'Portal URL', form: 'text' },
    ],
  },
  {
    zap: 'Claim Assigned → Slack DM to the assignee',
    trigger: 'claimable_claim_assigned',
    connection: {},
    withOptional: CONNECTIONS.claimableToken,
    needs: [
      { label: 'Claim Title', form: 'text' },
      { label: 'Claim Reference', form: 'text' },
      { label: 'Claim Assigned At', form: 'time' },
      { label: 'Assignee Email (with a Claimable API token)', form: 'email', needs: 'a Claimable API token' },
    ],
  },
  {
    zap: 'Claim Damage Created → task in a task app',
    trigger: 'claimable_claim_damage_created',
    connection: {},
    withOptional: CONNECTIONS.claimableToken,
    needs: [
      { label: 'Damage Type', form: 'text' },
      { label: 'Damage Description', form: 'text' },
      { label: 'Own Damage Reserve', form: 'amount' },
      { label: 'Claim Title', form: 'text' },
      { label: 'Claim Reference', form: 'text' },
      { label: 'Assignee Email (with a Claimable API token)', form: 'email', needs: 'a Claimable API token' },
    ],
  },
  {
    zap: 'Lead Scanned → CRM contact',
    trigger: 'romify_completed_flow_all_changes',
    connection: CONNECTIONS.romify,
    needs: [
      { label: 'Lead Email', form: 'email' },
      { label: 'Lead First Name', form: 'text' },
      { label: 'Lead Last Name', form: 'text' },
      { label: 'Lead Company', form: 'text' },
      { label: 'Lead Job Title', form: 'text' },
      { label: 'Lead Phone', form: 'text' },
    ],
  },
  {
    zap: 'Contact Created → CRM contact',
    trigger: 'claimable_contact_created',
    connection: {},
    withOptional: CONNECTIONS.claimableToken,
    needs: [
      { label: 'Contact Email', form: 'email' },
      { label: 'Contact First Name', form: 'text' },
      { label: 'Contact Last Name', form: 'text' },
      { label: 'Contact Full Name', form: 'text' },
      { label: 'Contact Mobile Phone', form: 'text' },
    ],
  },
];

/** What the action's mapped fields get: from a live delivery of the sample record, and from Test trigger (its records, or its sample where it lists none). */
const itemsOf = async (zap: Zap, authData: Record<string, string>) => {
  const inputData = zap.inputData ?? {};
  const [live] = await run(zap.trigger, 'perform', liveDelivery(zap.trigger, authData, undefined, inputData));
  const [listed] = await run(zap.trigger, 'performList', { authData, inputData });
  const test = listed ?? app.triggers[zap.trigger]!.operation.sample;
  return { 'a live delivery': await resolved(live, authData), 'Test trigger': await resolved(test, authData) };
};

/** The field a person picks by its label in the editor: exactly one. */
const fieldOf = (fields: readonly OutputField[], label: string): OutputField => {
  const found = fields.filter((f) => f.label === label);
  if (found.length !== 1) throw new Error(`${found.length} fields labelled "${label}"`);
  return found[0]!;
};

/** The needs a value from this source fails: label → what it got. */
const unmet = (needs: readonly Need[], fields: readonly OutputField[], item: unknown, source: string) =>
  needs
    .filter((need) => !(source === 'Test trigger' && need.notInTestTrigger))
    .filter((need) => !FORMS[need.form](valueAt(item, fieldOf(fields, need.label).key)))
    .map((need) => `${need.label}: ${JSON.stringify(valueAt(item, fieldOf(fields, need.label).key))}`);

beforeEach(() => {
  resetCache();
  vendorApis();
});

describe.each(ZAPS)('$zap', (zap) => {
  const always = zap.needs.filter((need) => !need.needs);
  const optional = zap.needs.filter((need) => need.needs);

  it(optional.length ? `maps every field but the ${optional[0]!.needs} ones with the connection every such Zap has` : 'maps every field it needs', async () => {
    const fields = await run<OutputField[]>(zap.trigger, 'outputFields', { authData: zap.connection, inputData: zap.inputData ?? {} });
    for (const [source, item] of Object.entries(await itemsOf(zap, zap.connection))) {
      expect({ source, unmet: unmet(always, fields, item, source) }).toEqual({ source, unmet: [] });
      // A field that needs the optional credential is absent without it, and its label says what brings it.
      for (const need of optional) {
        expect(need.label).toMatch(new RegExp(`\\(with ${need.needs}\\)$`));
        expect(valueAt(item, fieldOf(fields, need.label).key)).toBeUndefined();
      }
    }
  });

  if (zap.withOptional && optional.length > 0)
    it(`maps every field with ${optional[0]!.needs}`, async () => {
      const authData = { ...zap.connection, ...zap.withOptional };
      const fields = await run<OutputField[]>(zap.trigger, 'outputFields', { authData, inputData: zap.inputData ?? {} });
      for (const [source, item] of Object.entries(await itemsOf(zap, authData)))
        expect({ source, unmet: unmet(zap.needs, fields, item, source) }).toEqual({ source, unmet: [] });
    });
});

it('the Order Updated Zap that skips orders still being created gets none of them', async () => {
  const sample = entryOf('booqable_order_updated').body;
  const body = { ...sample, data: { ...(sample.data as JsonRecord), number: null, status: 'new' } };
  const bundle = liveDelivery('booqable_order_updated', CONNECTIONS.booqable, body, { orders_without_number: 'skip' });
  expect(await run('booqable_order_updated', 'perform', bundle)).toEqual([]);
});

describe('a several-event Booqable Zap with Paths: every branch maps from Test trigger', () => {
  // New Booqable Event with three events picked, one Paths branch each, mapping its own fields.
  const branches: { event: string; needs: Need[] }[] = [
    {
      event: 'order.reserved',
      needs: [
        { label: 'Number', form: 'count' },
        { label: 'Line Items Summary', form: 'text' },
      ],
    },
    {
      event: 'invoice.finalized',
      needs: [
        { label: 'Invoice Full Number', form: 'text' },
        { label: 'Total With Tax', form: 'amount' },
      ],
    },
    {
      event: 'payment.completed',
      needs: [
        { label: 'Payment Total', form: 'amount' },
        { label: 'Payment Currency', form: 'currency' },
      ],
    },
  ];
  const inputData = { events: branches.map((b) => b.event) };

  it('lists a real record of every picked event, each mapping its branch', async () => {
    const authData = CONNECTIONS.booqable;
    const listed = await run<JsonRecord[]>('booqable_event', 'performList', { authData, inputData });
    const fields = await run<OutputField[]>('booqable_event', 'outputFields', { authData, inputData });
    for (const branch of branches) {
      const item = listed.find((i) => i.event === branch.event);
      expect({ event: branch.event, listed: item !== undefined }).toEqual({ event: branch.event, listed: true });
      expect({ event: branch.event, unmet: unmet(branch.needs, fields, await resolved(item, authData), 'Test trigger') }).toEqual({
        event: branch.event,
        unmet: [],
      });
    }
    // The first records shown are one of each picked event.
    expect(listed.slice(0, branches.length).map((i) => i.event)).toEqual(inputData.events);
  });
});

describe('three Boom Zaps at once: one instant Zap per environment, the others checked every few minutes', () => {
  // Boom sends an environment's events to one URL: the instant Zap takes the BoomReport events it
  // needs (split with Paths); the others poll Boom's API, any number of them, with the API keys.
  const keys = { ...CONNECTIONS.boomKeys };

  it('enrollment rejected and issue pending reach the one instant Zap (New Boom Event, split with Paths)', async () => {
    const inputData = { events: ['enrollment_rejected', 'issue_pending'] };
    const titles: unknown[] = [];
    for (const key of ['boom_enrollment_rejected', 'boom_issue_pending']) {
      const [item] = await run('boom_event', 'perform', liveDelivery(key, keys, undefined, inputData));
      titles.push(item?.event_title);
    }
    expect(titles).toEqual(['Enrollment Rejected', 'Enrollment Issue Pending']);
  });

  it('an application declined reaches its own Zap, with the applicant to email', async () => {
    const fields = await run<OutputField[]>('boom_new_application_activity', 'outputFields', { authData: keys, inputData: {} });
    const [item] = await run('boom_new_application_activity', 'perform', { authData: keys, inputData: { activity: ['decision_made'] } });
    const full = await resolved(item, keys);
    expect(valueAt(full, fieldOf(fields, 'Decision or Status (Where the Activity Gives One)').key)).toBe('rejected');
    expect(FORMS.email(valueAt(full, fieldOf(fields, 'Applicant Email').key))).toBe(true);
    expect(FORMS.text(valueAt(full, fieldOf(fields, 'Applicant First Name').key))).toBe(true);
  });

  it('a new customer reaches a third Zap, into a CRM', async () => {
    const fields = await run<OutputField[]>('boom_new_customer', 'outputFields', { authData: keys, inputData: {} });
    const [item] = await run('boom_new_customer', 'perform', { authData: keys, inputData: {} });
    expect(FORMS.email(valueAt(item, fieldOf(fields, 'Email').key))).toBe(true);
    expect(FORMS.text(valueAt(item, fieldOf(fields, 'Full Name').key))).toBe(true);
  });
});
