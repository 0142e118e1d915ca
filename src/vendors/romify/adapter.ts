import type { Bundle } from 'zapier-platform-core';
import type { JsonRecord, SubscriptionAdapter, Verdict } from '../../lib/catalog';
import type { ErrorContext } from '../../lib/errors';
import { vendorRequest } from '../../lib/http';
import { asRecord, asString, authValue, isRecord, sha256 } from '../../lib/values';
import type { RomifyApi, RomifyWebhookType } from './events';

export const TOKEN = 'romify_api_token';
export const REFRESH_TOKEN = 'romify_refresh_token';
const TOKEN_LABEL = 'Romify API Token';
export const HUB = 'https://hub.romify.io/api/v1';

const context = (bundle: Bundle, action: string): ErrorContext => ({ vendor: 'Romify', credential: TOKEN_LABEL, action, authData: bundle.authData });

/** Every call is a POST with the bearer token; the optional refresh token lets Romify renew an expired one (Romify's REST API page). */
const headers = (bundle: Bundle): Record<string, string> => {
  const refresh = authValue(bundle.authData, REFRESH_TOKEN);
  return { authorization: `Bearer ${authValue(bundle.authData, TOKEN)}`, ...(refresh ? { 'x-refresh-token': refresh } : {}) };
};

const post = (bundle: Bundle, path: string, body: JsonRecord) => ({ method: 'POST' as const, url: `${HUB}/${path}`, headers: headers(bundle), body });

/** A list answer: an array, or (defensively, the envelope is not published) one under `leads`, `items` or `data`. */
const listOf = (data: unknown): JsonRecord[] => {
  const body = asRecord(data);
  const list = Array.isArray(data) ? data : [body?.leads, body?.items, body?.data].find(Array.isArray);
  return (list ?? []).filter(isRecord);
};

// Field names of leads and events are unpublished: a body is told apart by the names it carries.
const LEAD_KEYS = ['email', 'firstName', 'lastName', 'phone', 'company', 'scannedAt', 'leadId', 'answers'];
const EVENT_KEYS = ['startDate', 'endDate', 'startsAt', 'endsAt', 'eventStart', 'eventEnd'];
const EVENT_STATUSES = ['UPCOMING', 'LIVE', 'COMPLETED'];
const namesOf = (body: JsonRecord, keys: readonly string[]) => keys.filter((k) => Object.hasOwn(body, k));

/** A lead must not fire an event trigger, nor an event a lead trigger, if Romify posts both to one URL. */
const carries = (body: JsonRecord, shape: RomifyApi['shape']): Verdict => {
  const lead = namesOf(body, LEAD_KEYS);
  const event = [...namesOf(body, EVENT_KEYS), ...(EVENT_STATUSES.includes(String(body.status)) ? ['status'] : [])];
  if (shape === 'event' && lead.length > 0 && event.length === 0)
    return { ok: false, reason: `this Romify delivery looks like a lead (it has ${lead.join(', ')}), not an event` };
  if (shape === 'lead' && event.length > 0 && lead.length === 0)
    return { ok: false, reason: `this Romify delivery looks like an event (it has ${event.join(', ')}), not a lead` };
  return { ok: true };
};

export const romifyAdapter: SubscriptionAdapter<RomifyWebhookType, RomifyApi> = {
  credentials: {
    fields: [
      {
        key: TOKEN,
        label: TOKEN_LABEL,
        type: 'password',
        helpText:
          "The token of Romify's REST API (see the REST API article at [help.romify.io](https://help.romify.io)). If you cannot find it in your Romify hub, ask Romify support for one.",
      },
      {
        key: REFRESH_TOKEN,
        label: 'Romify Refresh Token',
        type: 'password',
        helpText: 'Optional: the refresh token Romify issues with the API token. With it, Romify renews an expired API token, so the Zap keeps running.',
      },
    ],
    required: [TOKEN],
  },

  isConnected: (authData) => Boolean(authValue(authData, TOKEN)),

  async testConnection(z, bundle) {
    // Romify: "the easiest way to test that your token is valid".
    await vendorRequest(z, post(bundle, 'version', {}), context(bundle, 'testing the connection'));
  },

  async subscribe(z, bundle, types) {
    const webhookType = types[0];
    const answer = await vendorRequest(
      z,
      { ...post(bundle, 'subscribewebhook', { hookUrl: bundle.targetUrl, webhookType }), needsJson: true },
      context(bundle, `subscribing to ${webhookType}`),
    );
    const hook = asRecord(answer.data) ?? {};
    const id = asString(hook.id);
    if (!id) throw new z.errors.Error('Romify accepted the subscription but returned no webhook id. Turn the Zap off and on again.', 'VendorError');
    // The whole APIv1Webhook is kept: perform reads its webhookType, unsubscribe its id.
    return { ...hook, id };
  },

  async unsubscribe(z, bundle) {
    const hookId = asString(bundle.subscribeData?.id);
    const body: JsonRecord = { hookUrl: bundle.targetUrl, ...(hookId ? { hookId } : {}) };
    const answer = await vendorRequest(z, { ...post(bundle, 'unsubscribewebhook', body), alsoOk: [404, 410] }, context(bundle, 'removing the webhook'));
    return { status: answer.status, ...(asRecord(answer.data) ?? {}) };
  },

  // The body is the lead or event itself: the type is the one this trigger's own subscription has
  // (what Romify registered, else what was asked for: `requestedType` in subscriptions made before
  // `requestedEvents`); a type in the body, not documented, is a fallback.
  eventOf: (delivery, subscription) => {
    const requested = Array.isArray(subscription?.requestedEvents) ? asString(subscription.requestedEvents[0]) : undefined;
    return asString(subscription?.webhookType) ?? requested ?? asString(subscription?.requestedType) ?? asString(asRecord(delivery.body)?.webhookType);
  },

  carries: (body, entry) => carries(body, entry.kind.api.shape),

  // Romify documents no signature; the Zap's secret URL is the check.
  verify: () => ({ ok: true }),

  // Romify sends no delivery id: a retry repeats the body exactly, any change (a lead edited again) differs.
  deliveryId: (body, delivery) => sha256(delivery.content || JSON.stringify(body)),

  // The lead's or event's own id is what a person maps.
  itemId: (body) => asString(body.id),

  normalise: (body) => body,

  // Real recent leads; with none yet, Romify's own randomized examples for the account's flows. No events list exists.
  async recent(z, bundle, entry, limit) {
    if (entry.kind.api.shape !== 'lead') return null;
    const ctx = context(bundle, 'loading recent leads as samples');
    let leads = listOf((await vendorRequest(z, { ...post(bundle, 'leads', {}), needsJson: true }, ctx)).data);
    if (leads.length === 0)
      leads = listOf(
        (await vendorRequest(z, { ...post(bundle, 'exampleleads', {}), needsJson: true }, context(bundle, 'loading example leads as samples'))).data,
      );
    return leads.slice(0, limit).map((lead) => ({ ...lead, id: asString(lead.id) ?? sha256(JSON.stringify(lead)) }));
  },
};
