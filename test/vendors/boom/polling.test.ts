import nock from 'nock';
import { buildApp } from '../../../src/app';
import { valueAt } from '../../../src/lib/fields';
import { VENDORS } from '../../../src/vendors';
import { app, failure, hydrate, run, testerFor } from '../../support/runtime';
import activityLogs from './fixtures/api-activity-logs.json';
import application from './fixtures/api-application.json';
import customers from './fixtures/api-customers.json';

/**
 * Boom's triggers that Zapier polls: its partner API lists what happened, so any number of Zaps can
 * use them (the instant ones share one URL per environment). Requests and answers as Boom's API
 * specifications give them (the fixtures name their source), through the real runtime.
 */

const API = 'https://api.production.boompay.app';
const ACTIVITY = 'boom_new_application_activity';
const CUSTOMERS = 'boom_new_customer';

let keyPair = 0;
/** Keys of their own for each test: the app keeps a signed-in token per key pair for the process. */
const keys = () => {
  keyPair += 1;
  return { boom_access_key: `poll-ak-${keyPair}`, boom_secret_key: `poll-sk-${keyPair}` };
};
const signIn = (token = 'poll-jwt') => nock(API).post('/partner/v1/authenticate').reply(200, { auth_token: token });

afterEach(() => nock.cleanAll());

describe('New Application Activity (polling)', () => {
  it("lists the last day's activity of the picked types with the sign-in token, newest first, each by its own id", async () => {
    signIn();
    const listed = nock(API, { reqheaders: { authorization: 'Bearer poll-jwt' } })
      .get('/partner/v1/applications/activity_logs')
      .query((q) => q.event_type === 'decision_made' && q.page === '1' && q.per_page === '100' && typeof q.from_date === 'string')
      .reply(200, { ...activityLogs.answer, items: [activityLogs.answer.items[0]] })
      .get('/partner/v1/applications/activity_logs')
      .query((q) => q.event_type === 'submitted')
      .reply(200, { ...activityLogs.answer, items: [activityLogs.answer.items[1]] });
    const items = await run(ACTIVITY, 'perform', { authData: keys(), inputData: { activity: ['submitted', 'decision_made'] } });
    expect(listed.isDone()).toBe(true);
    expect(items.map((i) => i.id)).toEqual(['12345', '12340']);
    expect(items[0]).toMatchObject({ event_description: 'Decision Made', actor: { name: 'Jane Smith' }, details: { status: 'approved' } });
  });

  it('asks from a date (a day back), for every activity when none is picked', async () => {
    signIn();
    let fromDate = '';
    nock(API)
      .get('/partner/v1/applications/activity_logs')
      .query((q) => {
        fromDate = String(q.from_date);
        return q.event_type === undefined;
      })
      .reply(200, activityLogs.answer);
    await run(ACTIVITY, 'perform', { authData: keys(), inputData: {} });
    // A day back, whatever the clock says: the query's own date, not a timed assertion.
    expect(fromDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('reads every page while Boom says there are more', async () => {
    signIn();
    const pages = nock(API)
      .get('/partner/v1/applications/activity_logs')
      .query((q) => q.page === '1')
      .reply(200, { ...activityLogs.answer, has_more: true, items: [activityLogs.answer.items[0]] })
      .get('/partner/v1/applications/activity_logs')
      .query((q) => q.page === '2')
      .reply(200, { ...activityLogs.answer, has_more: false, items: [activityLogs.answer.items[1]] });
    const items = await run(ACTIVITY, 'perform', { authData: keys(), inputData: {} });
    expect(pages.isDone()).toBe(true);
    expect(items).toHaveLength(2);
  });

  it('gives the same ids for the same activity at the next poll, and a new id for a new state of the application', async () => {
    const authData = keys();
    // One sign-in for both polls: the token is reused.
    const signedIn = signIn();
    nock(API).get('/partner/v1/applications/activity_logs').query(true).times(2).reply(200, activityLogs.answer);
    const first = await run(ACTIVITY, 'perform', { authData, inputData: {} });
    const second = await run(ACTIVITY, 'perform', { authData, inputData: {} });
    expect(signedIn.isDone()).toBe(true);
    expect(second.map((i) => i.id)).toEqual(first.map((i) => i.id));
    // The application placed on hold: Boom logs a new activity, with its own id.
    const onHold = {
      ...activityLogs.answer.items[0]!,
      id: 12399,
      event_type: 'placed_on_hold',
      event_description: 'Placed On Hold',
      occurred_at: '2025-01-16T09:00:00Z',
    };
    nock(API)
      .get('/partner/v1/applications/activity_logs')
      .query(true)
      .reply(200, { ...activityLogs.answer, items: [onHold, ...activityLogs.answer.items] });
    const third = await run(ACTIVITY, 'perform', { authData, inputData: {} });
    expect(third.map((i) => i.id)).toEqual(['12399', ...first.map((i) => i.id)]);
  });

  it("looks up the application's applicant, status and rent when a Zap step maps them", async () => {
    const authData = keys();
    signIn();
    nock(API).get('/partner/v1/applications/activity_logs').query(true).reply(200, activityLogs.answer);
    const [item] = await run(ACTIVITY, 'perform', { authData, inputData: {} });
    nock(API).get('/partner/v1/applications/app_abc123def456').reply(200, application.answer);
    const looked = await hydrate(item!.application, authData);
    expect(looked).toMatchObject({
      status: 'approved',
      primary_applicant: { full_name: 'Sam Lee', email: 'sam@example.com' },
      desired_move_in_day: '2026-12-15',
      monthly_rent_amount: { cents: 245000, amount_decimal: 2450, currency: 'USD' },
    });
    for (const field of ['application__primary_applicant__email', 'application__monthly_rent__amount_decimal'])
      expect(valueAt({ application: looked }, field)).toBeDefined();
  });
});

describe('New Customer (polling)', () => {
  it('lists the newest customers first, each by its id, without the date of birth', async () => {
    signIn();
    const listed = nock(API)
      .get('/partner/v1/customers')
      .query({ page: '1', per_page: '50', order_by: 'created_at', order_direction: 'desc' })
      .reply(200, customers.answer);
    const items = await run(CUSTOMERS, 'perform', { authData: keys(), inputData: {} });
    expect(listed.isDone()).toBe(true);
    expect(items).toEqual([
      { id: 'cust_new2', first_name: 'Ana', last_name: 'Ruiz', full_name: 'Ana Ruiz', email: 'ana@example.com', phone: '15551230002' },
      { id: 'cust_new1', first_name: 'Bo', last_name: 'Chen', full_name: 'Bo Chen', email: 'bo@example.com', phone: '15551230001' },
    ]);
  });
});

describe.each([ACTIVITY, CUSTOMERS])('%s', (key) => {
  it('without the Boom API keys, fails naming them, before any request', async () => {
    const error = await failure(run(key, 'perform', { authData: { boom_webhook_secret: 'only-the-secret' }, inputData: {} }));
    expect(error.message).toMatch(/fill in the Boom API Access Key and Secret Key in the connection/);
  });

  it('a 401 at sign-in names the keys to fix; a 429 is a throttle Zapier retries', async () => {
    nock(API)
      .post('/partner/v1/authenticate')
      .reply(401, { error: { status: 401, message: 'Unauthenticated', code: 'unauthenticated' } });
    const refused = await failure(run(key, 'perform', { authData: keys(), inputData: {} }));
    expect(refused.message).toMatch(/Boom rejected the Boom API Access Key and Secret Key/);
    signIn();
    nock(API)
      .get(/\/partner\/v1\/.*/)
      .query(true)
      .reply(429, { error: 'Too many requests. Please try again later.' }, { 'Retry-After': '30' });
    const throttled = await failure(run(key, 'perform', { authData: keys(), inputData: {} }));
    expect(throttled.name).toBe('ThrottledError');
    expect(throttled.details).toMatchObject({ delay: 30 });
  });

  it('is in the combined app and in Boom’s own app, labelled for the trigger list', () => {
    const own = buildApp(VENDORS.filter((v) => v.id === 'boom'));
    for (const built of [app, own]) {
      expect(built.triggers[key]?.display.description).toMatch(/checked every few minutes with your Boom API keys so that any number of Zaps can use it/);
      expect(built.triggers[key]?.operation.type ?? 'polling').toBe('polling');
    }
  });
});

describe("Boom's instant triggers say the one-URL limit where a person picks them", () => {
  const boom = VENDORS.find((v) => v.id === 'boom')!;
  it.each(boom.entries.filter((e) => !e.hidden).map((e) => [e.key, e] as const))('%s', (_key, entry) => {
    expect(entry.description).toMatch(
      /Boom sends all its events to one Zap URL per environment.*"New Boom Event" with Paths, or a trigger checked every few minutes/,
    );
  });

  it('New Boom Event says it is the one instant Zap that takes several events', () => {
    expect(boom.anyEvent?.description).toMatch(/the one instant Boom Zap that takes several Boom events: split them with Paths/);
  });

  it('the polled item runs through the editor’s fields as a delivery does', async () => {
    const tester = testerFor(app);
    const fields = await tester.run<{ key: string; label: string }[]>(ACTIVITY, 'outputFields', { authData: {}, inputData: {} });
    expect(fields.map((f) => f.label)).toEqual(expect.arrayContaining(['Activity', 'Applicant Email', 'Decision or Status (Where the Activity Gives One)']));
  });
});
