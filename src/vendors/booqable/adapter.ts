import type { Delivery, SubscriptionAdapter } from '../../lib/catalog';
import { byContent, byVendor } from '../../lib/dedupe';
import { withDecimalTwins } from '../../lib/money';
import { asRecord, asString, authValue, sha256 } from '../../lib/values';
import { booqableRequest, normaliseSlug, recordsOf, SLUG, SLUG_LABEL, TOKEN, TOKEN_LABEL } from './client';
import type { BooqableEvent } from './events';
import { BOOQABLE_MONEY, type BooqableFacts, envelope } from './kinds';

const GONE = [404, 410] as const;

/** Booqable sends money in cents only (v4): every amount gets its twin in main units. */
const withDecimals = withDecimalTwins(BOOQABLE_MONEY);

export const booqableAdapter: SubscriptionAdapter<BooqableEvent, BooqableFacts> = {
  credentials: {
    fields: [
      {
        key: SLUG,
        label: SLUG_LABEL,
        inputFormat: 'https://{{input}}.booqable.com',
        helpText: 'The part of your Booqable address before .booqable.com: for https://acme.booqable.com enter `acme` (pasting the whole address works too).',
      },
      {
        key: TOKEN,
        label: TOKEN_LABEL,
        type: 'password',
        helpText:
          "In Booqable, open your account settings (https://your-subdomain.booqable.com/employees/current), name a new token, click **Create new authentication method** and paste the token here. See Booqable's [API authentication guide](https://developers.booqable.com/v4.html#authentication).",
      },
    ],
    required: [SLUG, TOKEN],
  },

  isConnected: (authData) => Boolean(authValue(authData, SLUG) || authValue(authData, TOKEN)),

  accountOf: (authData) => normaliseSlug(authValue(authData, SLUG)),

  async testConnection(z, bundle) {
    await booqableRequest(z, bundle, { method: 'GET', path: 'webhook_endpoints', params: { 'page[size]': '1' }, needsJson: true }, 'testing the connection');
  },

  async subscribe(z, bundle, events) {
    const answer = await booqableRequest(
      z,
      bundle,
      {
        method: 'POST',
        path: 'webhook_endpoints',
        // version 4 makes Booqable post JSON; the default (1) posts an older form-encoded format.
        body: { data: { type: 'webhook_endpoints', attributes: { url: bundle.targetUrl, events, version: 4 } } },
        needsJson: true,
      },
      `subscribing to ${events.join(', ')}`,
    );
    const data = asRecord(asRecord(answer.data)?.data);
    const id = asString(data?.id);
    if (!id) {
      throw new z.errors.Error(
        'Booqable accepted the subscription but returned no webhook endpoint id, so it could not be removed later. Turn the Zap off and on again.',
        'VendorError',
      );
    }
    return { id, url: bundle.targetUrl, events: [...events] };
  },

  async unsubscribe(z, bundle) {
    const action = 'removing the webhook endpoint';
    let ids = [asString(bundle.subscribeData?.id)].filter((id): id is string => Boolean(id));
    if (ids.length === 0 && bundle.targetUrl) {
      // The subscription id was lost: find this Zap's endpoint by its URL.
      const found = await booqableRequest(
        z,
        bundle,
        { method: 'GET', path: 'webhook_endpoints', params: { 'filter[url][eq]': bundle.targetUrl }, needsJson: true },
        action,
      );
      ids = recordsOf(found.data, 'webhook_endpoints')
        .map((r) => asString(r.id))
        .filter((id): id is string => Boolean(id));
    }
    for (const id of ids) {
      // 404/410: already deleted in Booqable; the Zap must still turn off.
      await booqableRequest(z, bundle, { method: 'DELETE', path: `webhook_endpoints/${encodeURIComponent(id)}`, alsoOk: GONE }, action);
    }
    return { removed: ids };
  },

  eventOf: (delivery: Delivery) => asString(asRecord(delivery.body)?.event),

  // Booqable documents no signature header: the Zap's secret URL is the only check there is.
  verify: () => ({ ok: true }),

  // The notification id: whether Booqable gives each endpoint its own is not documented, so it is kept per subscription.
  deliveryId: (body, delivery) => {
    const notification = asString(body.id);
    return notification ? byVendor(notification) : byContent(`sha256-${sha256(delivery.content || JSON.stringify(body))}`);
  },

  normalise: withDecimals,

  async recent(z, bundle, entry, limit) {
    const { list, resourceType } = entry.record.facts;
    if (!list) return null;
    const answer = await booqableRequest(
      z,
      bundle,
      { method: 'GET', path: `${list.path}.json`, params: { sort: '-created_at', 'page[size]': String(limit), ...list.params }, needsJson: true },
      `loading recent ${list.path} as samples`,
    );
    const event = entry.events[0]!;
    return recordsOf(answer.data, list.path).map((record) =>
      envelope(
        event,
        resourceType,
        record,
        asString(record.id) ?? sha256(JSON.stringify(record)),
        asString(record.updated_at) ?? asString(record.created_at) ?? new Date().toISOString(),
      ),
    );
  },
};
