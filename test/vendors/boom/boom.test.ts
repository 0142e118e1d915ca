import nock from 'nock';
import { captureBundle, loadCapture } from '../../support/fixtures';
import { app, deliveryBundle, entryOf, failure, resetCache, run, testAuth } from '../../support/runtime';

const SECRET = 'boom-whsec-TEST-5555';
const withSecret = { boom_webhook_secret: SECRET };
const API = 'https://api.production.boompay.app';

beforeEach(resetCache);

describe('Boom authenticity (x-api-key)', () => {
  const body = { event: 'enrollment_approved', request_id: 'r-1', customer_id: 'c', enrollment_id: 'e' };

  it('accepts the right key, compared as sent in the Http-X-Api-Key header', async () => {
    await expect(
      run('boom_enrollment_approved', 'perform', deliveryBundle(body, { headers: { 'x-api-key': SECRET }, authData: withSecret })),
    ).resolves.toHaveLength(1);
  });

  it.each([
    ['a wrong key', { 'x-api-key': 'boom-whsec-FORGED' }, /does not match the Boom Webhook Secret/],
    ['no key', {}, /x-api-key header is missing/],
  ])('halts a delivery with %s, printing neither key', async (_name, headers, reason) => {
    const error = await failure(run('boom_enrollment_approved', 'perform', deliveryBundle(body, { headers, authData: withSecret })));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toMatch(reason);
    expect(error.message).not.toContain(SECRET);
    expect(error.message).not.toContain('FORGED');
  });

  it('accepts any delivery when no secret is set (the help text says the check is off)', async () => {
    await expect(run('boom_enrollment_approved', 'perform', deliveryBundle(body))).resolves.toHaveLength(1);
  });
});

describe('Boom matching and de-duplication', () => {
  const older = loadCapture('vendors/boom/fixtures/enrollment-approved-older.json');
  const current = loadCapture('vendors/boom/fixtures/rental-payment-verified-current.json');

  it('reads an older-style body with the customer details', async () => {
    const [item] = await run('boom_enrollment_approved', 'perform', captureBundle(older, { authData: withSecret }));
    expect(item).toMatchObject({ id: '7d0c7a52-3f5e-4f7b-9a51-1c2d3e4f5a6b', customer_first_name: 'Luis', customer_email: 'luis@example.com' });
  });

  it('reads a current body with ids only, keeps unknown fields and adds decimal amounts', async () => {
    const [item] = await run('boom_rental_payment_verified', 'perform', captureBundle(current, { authData: withSecret }));
    expect(item).toMatchObject({ future_field: { added: 'later' }, transactions: [{ amount: 182550, amount_decimal: 1825.5 }] });
    expect(item!.customer_first_name).toBeUndefined();
  });

  it('skips another event', async () => {
    await expect(run('boom_enrollment_rejected', 'perform', captureBundle(older, { authData: withSecret }))).resolves.toEqual([]);
  });

  it('runs the Zap once for a retried request_id, where the platform names the Zap', async () => {
    const toZap = { authData: withSecret, meta: { zap: { id: 3 } } };
    await expect(run('boom_enrollment_approved', 'perform', captureBundle(older, toZap))).resolves.toHaveLength(1);
    await expect(run('boom_enrollment_approved', 'perform', captureBundle(older, toZap))).resolves.toEqual([]);
  });

  it('runs it twice for equal bodies with different request ids', async () => {
    const body = { event: 'issue_pending', customer_id: 'c' };
    await expect(run('boom_issue_pending', 'perform', deliveryBundle({ ...body, request_id: 'a' }))).resolves.toHaveLength(1);
    await expect(run('boom_issue_pending', 'perform', deliveryBundle({ ...body, request_id: 'b' }))).resolves.toHaveLength(1);
  });

  it('accepts other spellings of an event name', async () => {
    await expect(run('boom_application_approved', 'perform', deliveryBundle({ event: 'Application Approved', request_id: 'x1' }))).resolves.toHaveLength(1);
    await expect(run('boom_application_approved', 'perform', deliveryBundle({ event: 'application.approved', request_id: 'x2' }))).resolves.toHaveLength(1);
  });

  it('"New Boom Event" passes on future event types when nothing is picked, and only the picked ones otherwise', async () => {
    const future = { event: 'lease_signed', request_id: 'f-1', lease_id: 'l-1' };
    await expect(run('boom_event', 'perform', deliveryBundle(future))).resolves.toEqual([{ ...future, id: 'f-1', event_title: 'Lease Signed' }]);
    await expect(
      run('boom_event', 'perform', deliveryBundle({ ...future, request_id: 'f-2' }, { inputData: { events: ['enrollment_approved'] } })),
    ).resolves.toEqual([]);
    await expect(run('boom_enrollment_approved', 'perform', deliveryBundle({ ...future, request_id: 'f-3' }))).resolves.toEqual([]);
  });

  it('"New Boom Event" with nothing picked passes on the 2026 notes webhook, whose name Boom has not published', async () => {
    // An invented name and fields: the point is that an event this app has never heard of reaches the Zap whole.
    const note = { event: 'application_note_added', request_id: 'n-1', application_id: 'app_5521', note: { body: 'Called the landlord', author: 'PM' } };
    await expect(run('boom_event', 'perform', deliveryBundle(note))).resolves.toEqual([{ ...note, id: 'n-1', event_title: 'Application Note Added' }]);
  });

  it.each([0, '0'])('takes months_delinquency as %j without a type note (a number in the webhook example, text in the API)', async (months) => {
    const log = console.log as jest.Mock;
    log.mockClear();
    const body = { ...entryOf('boom_furnishment_finished').body, request_id: `md-${typeof months}` };
    const [item] = await run(
      'boom_furnishment_finished',
      'perform',
      deliveryBundle({ ...body, rental_verification: { id: 'rv', months_delinquency: months } }),
    );
    expect(item).toMatchObject({ rental_verification: { months_delinquency: months } });
    expect(log.mock.calls.flat().join(' ')).not.toContain('unexpected types');
  });

  it('never throws a TypeError on a body missing every optional field or with odd types', async () => {
    const odd = { event: 'rental_payment_verified', transactions: 'none', monthly_rent_amount: [1], unit: null };
    const [item] = await run('boom_rental_payment_verified', 'perform', deliveryBundle(odd));
    expect(item).toMatchObject(odd);
    expect(typeof item!.id).toBe('string');
  });
});

describe('Boom samples for "Test trigger"', () => {
  const keys = { boom_access_key: 'ak_live_1', boom_secret_key: 'sk_live_SECRET' };

  it('returns nothing without API keys, calling nothing: the editor offers its sample', async () => {
    await expect(run('boom_enrollment_approved', 'performList', { authData: withSecret })).resolves.toEqual([]);
  });

  it('signs in once and shapes recent applications like the delivery', async () => {
    const scope = nock(API)
      .post('/partner/v1/authenticate', { access_key: 'ak_live_1', secret_key: 'sk_live_SECRET' })
      .reply(200, { auth_token: 'jwt-1' })
      .get('/partner/v1/applications')
      .query({ page: '1', per_page: '3' })
      .matchHeader('authorization', 'Bearer jwt-1')
      .reply(200, {
        object: 'list',
        has_more: false,
        items: [
          {
            id: 'app_1',
            status: 'approved',
            monthly_rent_amount: { cents: 200000, currency: 'USD' },
            applicants: [{ first_name: 'Kim', last_name: 'Ng', email: 'kim@example.com' }],
          },
        ],
      });
    const [item] = await run('boom_application_approved', 'performList', { authData: keys });
    expect(item).toMatchObject({
      event: 'application_approved',
      id: 'sample-app_1',
      source_id: 'app_1',
      first_name: 'Kim',
      status: 'approved',
      monthly_rent_amount: { cents: 200000, amount_decimal: 2000 },
    });
    expect(scope.isDone()).toBe(true);
  });

  it('a refused sign-in names the Boom API keys', async () => {
    nock('https://api.sandbox.boompay.app')
      .post('/partner/v1/authenticate')
      .reply(401, { error: { message: 'Invalid credentials', status: 401 } });
    const error = await failure(testAuth({ ...keys, boom_environment: 'sandbox', boom_secret_key: 'sk_other' }));
    expect(error.message).toMatch(/Boom rejected the Boom API Access Key and Secret Key/);
    expect(error.message).not.toContain('sk_other');
  });

  it('a connection with only the webhook secret passes without a call', async () => {
    await expect(testAuth(withSecret)).resolves.toEqual({ connected_vendors: 'Boom', account: 'Boom (production, webhooks only)' });
  });
});

describe('Boom directions', () => {
  it('say first and plainly that a second Zap URL replaces the first, then the secret step', () => {
    const directions = app.triggers.boom_enrollment_approved!.display.directions!;
    expect(directions.split('\n')[0]).toMatch(/one URL: giving Boom this Zap's URL replaces the URL of any other Zap/);
    expect(directions).toContain('"New Boom Event" trigger in a single Zap and split it with Paths');
    expect(directions).toMatch(/secret it sends in the `x-api-key` header and enter it as the Boom Webhook Secret/);
  });
});

describe('Boom samples agree with their event', () => {
  it.each([
    ['boom_application_approved', 'approved'],
    ['boom_application_conditionally_approved', 'approved_with_conditions'],
    ['boom_application_canceled', 'canceled'],
    ['boom_application_declined', 'rejected'],
    ['boom_application_started', 'started'],
    ['boom_application_submitted', 'submitted'],
    ['boom_application_under_review', 'submitted'],
  ])('%s: the application is %s', (key, status) => {
    expect(entryOf(key).sample).toMatchObject({ status });
    expect(entryOf(key).sample.event).toBe(entryOf(key).events[0]);
  });

  it('BoomReport samples carry only the ids current deliveries carry; what a lookup adds is labelled as needing the API keys', () => {
    const { body, sample } = entryOf('boom_enrollment_approved');
    expect(Object.keys(body).sort()).toEqual(['customer_external_id', 'customer_id', 'enrollment_id', 'event', 'request_id']);
    // What a lookup adds needs the optional API keys: not in the sample, and labelled as needing them.
    expect(Object.keys(sample)).not.toContain('customer');
    expect(Object.keys(sample)).not.toContain('enrollment');
    const { outputFields } = entryOf('boom_enrollment_approved');
    expect(outputFields.find((f) => f.key === 'customer__email')?.label).toMatch(/\(with Boom API keys\)$/);
    expect(outputFields.find((f) => f.key === 'enrollment__status')?.label).toMatch(/\(with Boom API keys\)$/);
  });
});

describe("Boom's sign-in token", () => {
  const jwt = (exp: number) => `h.${Buffer.from(JSON.stringify({ exp })).toString('base64url')}.s`;
  const keysOf = (n: string) => ({ boom_access_key: `ak-renew-${n}`, boom_secret_key: `sk-renew-${n}` });
  const list = (authData: Record<string, string>) => run('boom_enrollment_approved', 'performList', { authData, inputData: {} });
  const enrollments = { object: 'list', has_more: false, items: [{ id: 'enr_9', customer_id: 'cus_9' }] };

  it('refused once (401) signs in again once, and the call succeeds with the new token', async () => {
    const far = Math.floor(Date.now() / 1000) + 3600;
    const scope = nock(API)
      .post('/partner/v1/authenticate')
      .reply(200, { auth_token: jwt(far) })
      .get('/partner/v1/enrollments')
      .query(true)
      .matchHeader('authorization', `Bearer ${jwt(far)}`)
      .reply(401, { error: { message: 'token revoked', status: 401 } })
      .post('/partner/v1/authenticate')
      .reply(200, { auth_token: 'renewed-token-1' })
      .get('/partner/v1/enrollments')
      .query(true)
      .matchHeader('authorization', 'Bearer renewed-token-1')
      .reply(200, enrollments);
    await expect(list(keysOf('a'))).resolves.toHaveLength(1);
    expect(scope.isDone()).toBe(true);
  });

  it('is reused until shortly before the expiry it carries, then renewed', async () => {
    const now = Math.floor(Date.now() / 1000);
    const scope = nock(API)
      .post('/partner/v1/authenticate')
      .reply(200, { auth_token: jwt(now + 3600) })
      .get('/partner/v1/enrollments')
      .query(true)
      .times(2)
      .reply(200, enrollments);
    await list(keysOf('b'));
    await list(keysOf('b'));
    expect(scope.isDone()).toBe(true);
    // A token that lapses within the minute is not used again: the next call signs in.
    const soon = nock(API)
      .post('/partner/v1/authenticate')
      .times(2)
      .reply(200, { auth_token: jwt(now + 30) })
      .get('/partner/v1/enrollments')
      .query(true)
      .times(2)
      .reply(200, enrollments);
    await list(keysOf('c'));
    await list(keysOf('c'));
    expect(soon.isDone()).toBe(true);
  });

  it('is kept per connection: other keys sign in for themselves', async () => {
    const scope = nock(API)
      .post('/partner/v1/authenticate', { access_key: 'ak-renew-d', secret_key: 'sk-renew-d' })
      .reply(200, { auth_token: 'token-d' })
      .post('/partner/v1/authenticate', { access_key: 'ak-renew-e', secret_key: 'sk-renew-e' })
      .reply(200, { auth_token: 'token-e' })
      .get('/partner/v1/enrollments')
      .query(true)
      .matchHeader('authorization', 'Bearer token-d')
      .reply(200, enrollments)
      .get('/partner/v1/enrollments')
      .query(true)
      .matchHeader('authorization', 'Bearer token-e')
      .reply(200, enrollments);
    await list(keysOf('d'));
    await list(keysOf('e'));
    expect(scope.isDone()).toBe(true);
  });

  it('a 401 to the sign-in itself is the keys’ own failure: the user is told to fix them', async () => {
    nock(API)
      .post('/partner/v1/authenticate')
      .reply(401, { error: { message: 'invalid keys', status: 401 } });
    const error = await failure(list(keysOf('f')));
    expect(error.message).toMatch(/Boom rejected the Boom API Access Key and Secret Key while signing in/);
  });
});

describe('Boom values in the forms a delivery may send them (shapes Boom does not pin down)', () => {
  const application = (fields: Record<string, unknown>) => ({ event: 'application_approved', request_id: 'r-forms', application_id: 'app_1', ...fields });

  it.each([
    ['a plain number', 2450],
    ['a plain decimal string', '2450.00'],
  ])('reads rent sent as %s as dollars, beside the value as sent', async (_form, rent) => {
    const [item] = await run('boom_application_approved', 'perform', deliveryBundle(application({ monthly_rent_amount: rent })));
    expect(item).toMatchObject({ monthly_rent_amount: rent, monthly_rent: { amount_decimal: 2450, cents: 245000 } });
  });

  it('reads rent sent as a money object, kept as it came', async () => {
    const [item] = await run('boom_application_approved', 'perform', deliveryBundle(application({ monthly_rent_amount: { cents: 245000, currency: 'USD' } })));
    expect(item).toMatchObject({
      monthly_rent_amount: { cents: 245000, currency: 'USD' },
      monthly_rent: { cents: 245000, amount_decimal: 2450, currency: 'USD' },
    });
  });

  it('gives a unit address sent as an object as one line of text, the object kept', async () => {
    const unitAddress = {
      address1: '123 Main St',
      address2: 'Apt 4B',
      city: 'San Francisco',
      state_or_province: 'CA',
      postal_code: '94107',
      country: 'United States',
    };
    const [item] = await run('boom_application_approved', 'perform', deliveryBundle(application({ unit_address: unitAddress })));
    expect(item).toMatchObject({ unit_address: unitAddress, unit_one_line_address: '123 Main St, Apt 4B, San Francisco, CA 94107, United States' });
  });

  it("fills Issue Title and Description from the older page's issue object", async () => {
    const issue = { slug: 'bank_verification_failed', title: 'Bank verification failed', description: 'Please reconnect your bank.' };
    const body = { event: 'issue_pending', request_id: 'r-issue', customer_id: 'c', enrollment_id: 'e', issue };
    const [item] = await run('boom_issue_pending', 'perform', deliveryBundle(body));
    expect(item).toMatchObject({ slug: issue.slug, title: issue.title, description: issue.description, issue });
  });

  it('says in its label that the customer external id comes only from older integrations', () => {
    const field = entryOf('boom_enrollment_approved').outputFields.find((f) => f.key === 'customer_external_id');
    expect(field?.label).toMatch(/older/i);
  });
});
