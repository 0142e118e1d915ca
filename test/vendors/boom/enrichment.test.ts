import nock from 'nock';
import { deliveryBundle, entryOf, failure, hydrate, resetCache, run } from '../../support/runtime';

/**
 * Most BoomReport deliveries carry only ids. With API keys in the connection, the customer's name,
 * email and phone and the lease details are added as Zapier dehydration pointers: Boom's API is
 * called only when a later step uses them.
 */

const API = 'https://api.production.boompay.app';
let keyNumber = 0;
// Boom keeps a signed-in token per key pair for the process: each test signs in with keys of its own.
const freshKeys = () => {
  keyNumber += 1;
  return { boom_access_key: `ak_enrich_${keyNumber}`, boom_secret_key: `sk_enrich_SECRET_${keyNumber}` };
};

const approved = () => ({ ...entryOf('boom_enrollment_approved').body, request_id: `req-${keyNumber}-${Math.random()}` });

beforeEach(resetCache);

describe('Boom enrichment', () => {
  it('points at the customer and the enrollment, and calls nothing while the trigger runs', async () => {
    const [item] = await run('boom_enrollment_approved', 'perform', deliveryBundle(approved(), { authData: freshKeys() }));
    expect(item!.customer).toMatch(/^hydrate\|\|\|.*"method":"hydrators\.boomCustomer".*"customer_id":"cust_abc123".*\|\|\|hydrate$/);
    expect(item!.enrollment).toMatch(/^hydrate\|\|\|.*"method":"hydrators\.boomEnrollment".*"enrollment_id":"enr_def456".*\|\|\|hydrate$/);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("gives a later step the customer's name, email and phone, never the access key Boom's record also holds", async () => {
    const authData = freshKeys();
    const [item] = await run('boom_enrollment_approved', 'perform', deliveryBundle(approved(), { authData }));
    const scope = nock(API)
      .post('/partner/v1/authenticate', { access_key: authData.boom_access_key, secret_key: authData.boom_secret_key })
      .reply(200, { auth_token: 'jwt-enrich' })
      .get('/partner/v1/customers/cust_abc123')
      .matchHeader('authorization', 'Bearer jwt-enrich')
      .reply(200, {
        object: 'customer',
        id: 'cust_abc123',
        first_name: 'Jane',
        last_name: 'Doe',
        phone: '15551234567',
        email: 'jane@example.com',
        dob: '1990-01-01',
        access_key: 'cust-access-SECRET',
      });
    await expect(hydrate(item!.customer, authData)).resolves.toEqual({
      first_name: 'Jane',
      last_name: 'Doe',
      full_name: 'Jane Doe',
      email: 'jane@example.com',
      phone: '15551234567',
    });
    expect(scope.isDone()).toBe(true);
  });

  it("gives the enrollment's lease details", async () => {
    const authData = freshKeys();
    const [item] = await run('boom_enrollment_approved', 'perform', deliveryBundle(approved(), { authData }));
    const address = { object: 'address', address1: '1 Elm St', city: 'Austin', one_line_address: '1 Elm St, Austin, TX 78701' };
    nock(API).post('/partner/v1/authenticate').reply(200, { auth_token: 'jwt-lease' }).get('/partner/v1/enrollments/enr_def456').reply(200, {
      object: 'enrollment',
      id: 'enr_def456',
      status: 'active',
      address,
      monthly_rent_amount: '1800.00',
      move_in_date: '2025-09-01',
      customer_id: 'cust_abc123',
      rental_verifications: [],
    });
    await expect(hydrate(item!.enrollment, authData)).resolves.toEqual({
      status: 'active',
      address,
      monthly_rent_amount: '1800.00',
      move_in_date: '2025-09-01',
    });
  });

  it('makes no pointer, and so no call, when the delivery carries the details itself (older deliveries)', async () => {
    const older = {
      ...approved(),
      customer_first_name: 'Luis',
      customer_last_name: 'Ortega',
      customer_email: 'luis@example.com',
      customer_phone: '15555550123',
    };
    const [item] = await run('boom_enrollment_approved', 'perform', deliveryBundle(older, { authData: freshKeys() }));
    expect(item!.customer).toEqual({ first_name: 'Luis', last_name: 'Ortega', full_name: 'Luis Ortega', email: 'luis@example.com', phone: '15555550123' });
  });

  it('works without API keys, with the details it carries and nothing looked up', async () => {
    const [item] = await run('boom_enrollment_approved', 'perform', deliveryBundle(approved()));
    expect(item).not.toHaveProperty('customer');
    expect(item).not.toHaveProperty('enrollment');
    expect(item).toMatchObject({ customer_id: 'cust_abc123', enrollment_id: 'enr_def456' });
  });

  it('a refused look-up names the Boom API keys and shows no secret', async () => {
    const authData = freshKeys();
    const [item] = await run('boom_enrollment_approved', 'perform', deliveryBundle(approved(), { authData }));
    nock(API)
      .post('/partner/v1/authenticate')
      .reply(401, { error: { message: `bad key ${authData.boom_secret_key}` } });
    const error = await failure(hydrate(item!.customer, authData));
    expect(error.message).toMatch(/Boom rejected the Boom API Access Key and Secret Key while signing in/);
    expect(error.message).not.toContain(authData.boom_secret_key);
  });
});
