import type { JsonRecord, SubscriptionAdapter, Verdict } from '../../lib/catalog';
import { tokenAccount } from '../../lib/credentials';
import { byContent } from '../../lib/dedupe';
import { asRecord, asString, authValue, isRecord, sha256 } from '../../lib/values';
import { romifyRequest, TOKEN, TOKEN_LABEL } from './client';
import type { RomifyWebhookType } from './events';
import type { RomifyFacts } from './kinds';
import { hydrators } from './lookups';
import { normalise } from './normalise';

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
const carries = (body: JsonRecord, shape: RomifyFacts['shape']): Verdict => {
  const lead = namesOf(body, LEAD_KEYS);
  const event = [...namesOf(body, EVENT_KEYS), ...(EVENT_STATUSES.includes(String(body.status)) ? ['status'] : [])];
  if (shape === 'event' && lead.length > 0 && event.length === 0)
    return { ok: false, reason: `this Romify delivery looks like a lead (it has ${lead.join(', ')}), not an event` };
  if (shape === 'lead' && event.length > 0 && lead.length === 0)
    return { ok: false, reason: `this Romify delivery looks like an event (it has ${event.join(', ')}), not a lead` };
  return { ok: true };
};

export const romifyAdapter: SubscriptionAdapter<RomifyWebhookType, RomifyFacts> = {
  credentials: {
    fields: [
      {
        key: TOKEN,
        label: TOKEN_LABEL,
        type: 'password',
        helpText:
          "The token of Romify's REST API (see the REST API article at [help.romify.io](https://help.romify.io)). If you cannot find it in your Romify hub, ask Romify support for one.",
      },
    ],
    required: [TOKEN],
  },

  isConnected: (authData) => Boolean(authValue(authData, TOKEN)),
  // Romify's /version answer names no account: the token's last characters tell two connections apart.
  accountOf: (authData) => tokenAccount(authValue(authData, TOKEN)),

  async testConnection(z, bundle) {
    // Romify: "the easiest way to test that your token is valid".
    await romifyRequest(z, bundle, { path: 'version', body: {} }, 'testing the connection');
  },

  async subscribe(z, bundle, types) {
    const webhookType = types[0];
    const answer = await romifyRequest(
      z,
      bundle,
      { path: 'subscribewebhook', body: { hookUrl: bundle.targetUrl, webhookType }, needsJson: true },
      `subscribing to ${webhookType}`,
    );
    const hook = asRecord(answer.data) ?? {};
    const id = asString(hook.id);
    if (!id) throw new z.errors.Error('Romify accepted the subscription but returned no webhook id. Turn the Zap off and on again.', 'VendorError');
    // Romify's page does not document webhookType as a subscribe parameter: a hook of another type
    // would post what this trigger skips, forever. Such a hook is removed and turn-on fails, saying so.
    const registered = asString(hook.webhookType);
    if (registered && registered !== webhookType) {
      await romifyRequest(z, bundle, { path: 'unsubscribewebhook', body: { hookId: id }, alsoOk: [404, 410] }, 'removing the webhook');
      throw new z.errors.Error(
        `Romify registered this Zap's webhook as ${registered}, not ${webhookType}, so it would never receive the events this trigger is for. The webhook was removed again. Set the webhook type in your Romify hub, or ask Romify support.`,
        'VendorError',
      );
    }
    // The whole APIv1Webhook is kept: perform reads its webhookType, unsubscribe its id.
    return { ...hook, id };
  },

  // By the hook's id alone where the Zap has one: Romify takes either, and by URL it may also remove a
  // newer hook of the same Zap (Zapier may subscribe again before it unsubscribes), leaving the Zap deaf.
  async unsubscribe(z, bundle) {
    const hookId = asString(bundle.subscribeData?.id);
    const body: JsonRecord = hookId ? { hookId } : { hookUrl: bundle.targetUrl };
    const answer = await romifyRequest(z, bundle, { path: 'unsubscribewebhook', body, alsoOk: [404, 410] }, 'removing the webhook');
    return { status: answer.status, ...(asRecord(answer.data) ?? {}) };
  },

  // The body is the lead or event itself: the type is the one this trigger's own subscription has
  // (what Romify registered, else what was asked for: `requestedType` in subscriptions made before
  // `requestedEvents`); a type in the body, not documented, is a fallback.
  eventFromSubscription: true,

  eventOf: (delivery, subscription) => {
    const requested = Array.isArray(subscription?.requestedEvents) ? asString(subscription.requestedEvents[0]) : undefined;
    return asString(subscription?.webhookType) ?? requested ?? asString(subscription?.requestedType) ?? asString(asRecord(delivery.body)?.webhookType);
  },

  carries: (body, entry) => carries(body, entry.kind.facts.shape),

  // Romify documents no signature; the Zap's secret URL is the check.
  verify: () => ({ ok: true }),

  // Romify sends no delivery id: a retry repeats the body exactly, any change (a lead edited again) differs.
  deliveryId: (body, delivery) => byContent(sha256(delivery.content || JSON.stringify(body))),

  // The lead's or event's own id is what a person maps.
  itemId: (body) => asString(body.id),

  normalise,

  hydrators,

  // Real recent leads; with none yet, Romify's own randomized examples for the account's flows. No events list exists.
  async recent(z, bundle, entry, limit) {
    if (entry.kind.facts.shape !== 'lead') return null;
    let leads = listOf((await romifyRequest(z, bundle, { path: 'leads', body: {}, needsJson: true }, 'loading recent leads as samples')).data);
    if (leads.length === 0)
      leads = listOf((await romifyRequest(z, bundle, { path: 'exampleleads', body: {}, needsJson: true }, 'loading example leads as samples')).data);
    return leads.slice(0, limit).map((lead) => ({ ...lead, id: asString(lead.id) ?? sha256(JSON.stringify(lead)) }));
  },
};
