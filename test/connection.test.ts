import nock from 'nock';
import { buildApp } from '../src/app';
import { VENDORS } from '../src/vendors';
import { failure, testerFor } from './support/runtime';

/**
 * The connection as a person saves it (Zapier checks D003: the label tells accounts apart and does
 * not repeat the app's name). Through core's Lambda handler, each vendor's own app as people install it.
 */

const ownApp = (id: string) => testerFor(buildApp(VENDORS.filter((v) => v.id === id)));
const combined = testerFor(buildApp(VENDORS));

describe("a vendor's own app whose webhooks need nothing from the connection", () => {
  it.each(['claimable', 'boom'])('%s: connects with nothing, as "webhooks only"', async (id) => {
    const result = await ownApp(id).testAuth({});
    expect(result.account).toMatch(/webhooks only/);
  });

  it('Boom: connects with only the webhook secret, and checks the keys when they are filled', async () => {
    await expect(ownApp('boom').testAuth({ boom_webhook_secret: 'whsec-only-1234' })).resolves.toMatchObject({ account: 'production, webhooks only' });
    nock('https://api.production.boompay.app')
      .post('/partner/v1/authenticate')
      .reply(401, { error: { message: 'bad keys' } });
    const error = await failure(ownApp('boom').testAuth({ boom_access_key: 'ak_conn_test_1234', boom_secret_key: 'sk_conn_test_5678' }));
    expect(error.message).toMatch(/Boom rejected the Boom API Access Key and Secret Key/);
  });

  it('Claimable: checks the token when it is filled', async () => {
    nock('https://api.claimable.com').get('/claims').reply(401, { error: 'Invalid or revoked API token!' });
    const error = await failure(ownApp('claimable').testAuth({ claimable_api_token: 'clm-token-conn-0001' }));
    expect(error.message).toMatch(/Claimable rejected the Claimable API Token/);
  });
});

describe('the combined app', () => {
  it('still asks for at least one vendor', async () => {
    const error = await failure(combined.testAuth({}));
    expect(error.message).toMatch(/Fill in the fields of at least one vendor/);
  });
});

describe('connection labels', () => {
  it('two Romify tokens give two labels', async () => {
    nock('https://hub.romify.io').post('/api/v1/version').times(2).reply(200, { version: '1' });
    const first = await ownApp('romify').testAuth({ romify_api_token: 'romify-token-first-AAAA' });
    const second = await ownApp('romify').testAuth({ romify_api_token: 'romify-token-second-BBBB' });
    expect(first.account).not.toBe(second.account);
  });

  it.each(VENDORS.map((v) => [v.id, v.name] as const))("%s's own app does not repeat its name", async (id, name) => {
    nock.cleanAll();
    nock(/.*/).persist().get(/.*/).reply(200, { data: [], items: [] }).post(/.*/).reply(200, { auth_token: 'label-token-1', version: '1' });
    const authData = Object.fromEntries(
      VENDORS.find((v) => v.id === id)!
        .adapter.credentials.fields.filter((f) => !f.choices)
        // Values that share no 8 characters: a subdomain holding part of the token is refused as a pasted credential.
        .map((f, i) => [f.key, `value${i}-${['q7rt', 'm2zx', 'p9wd', 'k4hs', 'f3jn'][i]}`]),
    );
    const { account } = await ownApp(id).testAuth(authData);
    expect(String(account)).not.toContain(name);
    expect(String(account).length).toBeGreaterThan(0);
  });
});
