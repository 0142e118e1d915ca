import type { Bundle, ZObject } from 'zapier-platform-core';
import type { Delivery, JsonRecord, SubscriptionAdapter } from '../../lib/catalog';
import { byContent, byVendor } from '../../lib/dedupe';
import { asRecord, asString, authValue, cut, isRecord, sha256 } from '../../lib/values';
import { booqableRequest, normaliseSlug, recordsOf, SLUG, SLUG_LABEL, TOKEN, TOKEN_LABEL } from './client';
import { type BooqableEvent, ORDERS_WITHOUT_NUMBER } from './events';
import { type BooqableFacts, envelope, lineItemsOf, withDecimals, withNames } from './kinds';
import { booqableHydrators, collectionOf, enrichBooqable } from './lookups';

const GONE = [404, 410] as const;

/** The ids of the endpoints Booqable has for this URL (filtered by Booqable, and checked here again). */
const endpointsFor = async (z: ZObject, bundle: Bundle, url: string, action: string): Promise<string[]> => {
  const found = await booqableRequest(z, bundle, { method: 'GET', path: 'webhook_endpoints', params: { 'filter[url][eq]': url }, needsJson: true }, action);
  return recordsOf(found.data, 'webhook_endpoints')
    .filter((r) => r.url === undefined || r.url === url)
    .map((r) => asString(r.id))
    .filter((id): id is string => Boolean(id));
};

const removeEndpoints = async (z: ZObject, bundle: Bundle, ids: readonly string[], action: string) => {
  // 404/410: already deleted in Booqable.
  for (const id of ids) await booqableRequest(z, bundle, { method: 'DELETE', path: `webhook_endpoints/${encodeURIComponent(id)}`, alsoOk: GONE }, action);
};

/** After a failed create: whatever Booqable may have made for the URL goes, as far as Booqable answers; the create's own error is what the user sees. */
const cleanUpAfter = async (z: ZObject, bundle: Bundle, url: string, action: string) => {
  try {
    await removeEndpoints(z, bundle, await endpointsFor(z, bundle, url, action), action);
  } catch {
    // The next turn-on removes it: it starts by removing every endpoint with this URL.
  }
};

/**
 * Amounts in main units beside the cents, the charge lines as line items with a one-line summary,
 * a person's first and last name; a payment provider's client secret never reaches a Zap.
 */
const normalise = (body: JsonRecord): JsonRecord => {
  const out = withDecimals(body);
  const data = asRecord(out.data);
  if (!data) return out;
  const { provider_secret: _secret, ...next } = data;
  if (Array.isArray(data.lines) && !Object.hasOwn(data, 'line_items')) next.line_items = lineItemsOf(data.lines, data.tax_values);
  if (isRecord(data.customer)) next.customer = withNames(data.customer);
  return { ...out, data: collectionOf(out.event) === 'customers' ? withNames(next) : next };
};

export const booqableAdapter: SubscriptionAdapter<BooqableEvent, BooqableFacts> = {
  credentials: {
    fields: [
      {
        key: SLUG,
        label: SLUG_LABEL,
        inputFormat: 'https://{{input}}.booqable.com',
        helpText:
          "The part of your Booqable address before .booqable.com: for `https://acme.booqable.com` enter `acme` (pasting the whole address works too). See Booqable's [API authentication guide](https://developers.booqable.com/v4.html#authentication).",
      },
      {
        key: TOKEN,
        label: TOKEN_LABEL,
        type: 'password',
        helpText:
          "In Booqable, open your account settings (`https://your-subdomain.booqable.com/employees/current`), name a new token, click **Create new authentication method** and paste the token here. See Booqable's [API authentication guide](https://developers.booqable.com/v4.html#authentication).",
      },
    ],
    required: [SLUG, TOKEN],
  },

  isConnected: (authData) => Boolean(authValue(authData, SLUG) || authValue(authData, TOKEN)),

  accountOf: (authData) => normaliseSlug(authValue(authData, SLUG)),

  async testConnection(z, bundle) {
    await booqableRequest(z, bundle, { method: 'GET', path: 'webhook_endpoints', params: { 'page[size]': '1' }, needsJson: true }, 'testing the connection');
  },

  // Exactly one endpoint per Zap URL, however often turn-on is retried: endpoints already there for
  // the URL (an earlier turn-on that timed out after Booqable created one) are removed first, and a
  // create that fails or answers without an id removes what it may have made.
  async subscribe(z, bundle, events) {
    const url = bundle.targetUrl ?? '';
    const action = `subscribing to ${events.join(', ')}`;
    await removeEndpoints(z, bundle, await endpointsFor(z, bundle, url, action), action);
    let answer: Awaited<ReturnType<typeof booqableRequest>>;
    try {
      answer = await booqableRequest(
        z,
        bundle,
        {
          method: 'POST',
          path: 'webhook_endpoints',
          // version 4 makes Booqable post JSON; the default (1) posts an older form-encoded format.
          body: { data: { type: 'webhook_endpoints', attributes: { url, events, version: 4 } } },
          needsJson: true,
        },
        action,
      );
    } catch (error) {
      await cleanUpAfter(z, bundle, url, action);
      throw error;
    }
    const id = asString(asRecord(asRecord(answer.data)?.data)?.id);
    if (!id) {
      await cleanUpAfter(z, bundle, url, action);
      throw new z.errors.Error(
        'Booqable accepted the subscription but returned no webhook endpoint id, so the endpoint was removed again. Turn the Zap on again; if this repeats, contact Booqable support.',
        'VendorError',
      );
    }
    return { id, url, events: [...events] };
  },

  // Every endpoint with this Zap's URL goes, its own id first; an endpoint already gone is fine.
  async unsubscribe(z, bundle) {
    const action = 'removing the webhook endpoint';
    const own = asString(bundle.subscribeData?.id);
    const removed: string[] = [];
    if (own) {
      await removeEndpoints(z, bundle, [own], action);
      removed.push(own);
    }
    if (bundle.targetUrl) {
      const left = (await endpointsFor(z, bundle, bundle.targetUrl, action)).filter((id) => id !== own);
      await removeEndpoints(z, bundle, left, action);
      removed.push(...left);
    }
    return { removed };
  },

  eventOf: (delivery: Delivery) => asString(asRecord(delivery.body)?.event),

  // Booqable documents no signature header: the Zap's secret URL is the only check there is.
  verify: () => ({ ok: true }),

  // The notification id: whether Booqable gives each endpoint its own is not documented, so it is kept per subscription.
  deliveryId: (body, delivery) => {
    const notification = asString(body.id);
    return notification ? byVendor(notification) : byContent(`sha256-${sha256(delivery.content || JSON.stringify(body))}`);
  },

  normalise,

  matchesInputs(body, inputData) {
    if (inputData[ORDERS_WITHOUT_NUMBER.key] !== 'skip') return { ok: true };
    const data = asRecord(body.data);
    const unnumbered = collectionOf(body.event) === 'orders' && data && (data.number === null || data.number === undefined);
    return unnumbered
      ? {
          ok: false,
          reason: `the order has no number yet (status "${cut(asString(data.status) ?? 'unknown')}": Booqable is still creating it), and this Zap skips such orders`,
        }
      : { ok: true };
  },

  hydrators: booqableHydrators,

  enrich: (_z, _bundle, item, lookup) => enrichBooqable(item, lookup),

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
