import type { Bundle } from 'zapier-platform-core';
import type { JsonRecord, SubscriptionAdapter } from '../../lib/catalog';
import type { ErrorContext } from '../../lib/errors';
import { vendorRequest } from '../../lib/http';
import { asRecord, asString, authValue, sha256 } from '../../lib/values';
import type { RomifyApi, RomifyWebhookType } from './events';

export const TOKEN = 'romify_api_token';
const TOKEN_LABEL = 'Romify API Token';
export const HUB = 'https://hub.romify.io/api/v1';

/** A URL no Zap can have: unsubscribing it checks the token and changes nothing. */
export const CONNECTION_CHECK_URL = 'https://connection-check.invalid/zapier';

const context = (bundle: Bundle, action: string): ErrorContext => ({
  vendor: 'Romify',
  credential: TOKEN_LABEL,
  action,
  authData: bundle.authData,
});

const auth = (bundle: Bundle) => ({ authorization: `Bearer ${authValue(bundle.authData, TOKEN)}` });

/** The type a delivery says it is (its body, if it says; else what Romify registered the hook as). */
const typeOf = (body: unknown, bundle: Bundle): string | undefined => {
  const record = asRecord(body);
  return asString(record?.webhookType) ?? asString(record?.webhook_type) ?? asString((bundle.subscribeData as JsonRecord | undefined)?.webhookType);
};

export const romifyAdapter: SubscriptionAdapter<RomifyWebhookType, RomifyApi> = {
  credentials: {
    fields: [
      {
        key: TOKEN,
        label: TOKEN_LABEL,
        type: 'password',
        helpText:
          'The API token Romify issues for its API (sent as a Bearer token). If you cannot find it in Romify, ask Romify support for one. The connection test checks it by asking Romify to remove a webhook that never existed, which changes nothing in your account.',
      },
    ],
    required: [TOKEN],
  },

  isConnected: (authData) => Boolean(authValue(authData, TOKEN)),

  async testConnection(z, bundle) {
    // Romify documents no read call; an unsubscribe of an unknown URL is answered, but changes nothing.
    await vendorRequest(
      z,
      { method: 'POST', url: `${HUB}/unsubscribewebhook`, headers: auth(bundle), body: { hookUrl: CONNECTION_CHECK_URL }, alsoOk: [400, 404, 410, 422] },
      context(bundle, 'testing the connection'),
    );
  },

  async subscribe(z, bundle, types) {
    const webhookType = types[0];
    const answer = await vendorRequest(
      z,
      { method: 'POST', url: `${HUB}/subscribewebhook`, headers: auth(bundle), body: { hookUrl: bundle.targetUrl, webhookType }, needsJson: true },
      context(bundle, `subscribing to ${webhookType}`),
    );
    const hook = asRecord(answer.data) ?? {};
    const id = asString(hook.id);
    if (!id) throw new z.errors.Error('Romify accepted the subscription but returned no webhook id. Turn the Zap off and on again.', 'VendorError');
    // The whole APIv1Webhook is kept: perform reads its webhookType, unsubscribe its id.
    return { ...hook, id, requestedType: webhookType };
  },

  async unsubscribe(z, bundle) {
    const hookId = asString(bundle.subscribeData?.id);
    const body: JsonRecord = { hookUrl: bundle.targetUrl };
    if (hookId) body.hookId = hookId;
    const answer = await vendorRequest(
      z,
      { method: 'POST', url: `${HUB}/unsubscribewebhook`, headers: auth(bundle), body, alsoOk: [404, 410] },
      context(bundle, 'removing the webhook'),
    );
    return { status: answer.status, ...(asRecord(answer.data) ?? {}) };
  },

  eventOf: (delivery, bundle) => typeOf(delivery.body, bundle),

  // Romify documents no signature; the Zap's secret URL is the check.
  verify: () => ({ ok: true }),

  // Romify sends no delivery id: the same body (a retry) gives the same id, any change a new one.
  deliveryId: (body, delivery) => sha256(delivery.content || JSON.stringify(body)),

  normalise: (body) => body,

  // No read API is documented: "Test trigger" shows the illustrative sample.
  recent: async () => null,
};
