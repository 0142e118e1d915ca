import type { Bundle, ZObject } from 'zapier-platform-core';
import type { Delivery, SubscriptionAdapter } from '../../lib/catalog';
import { byContent, byVendor } from '../../lib/dedupe';
import { asRecord, asString, authValue, cut, sha256 } from '../../lib/values';
import { booqableRequest, recordsOf, SLUG, SLUG_LABEL, slugOf, TOKEN, TOKEN_LABEL } from './client';
import { type BooqableEvent, ORDERS_WITHOUT_NUMBER } from './events';
import type { BooqableFacts } from './kinds';
import { enrich, hydrators, kindOf } from './lookups';
import { envelope, normalise } from './normalise';

const GONE = [404, 410] as const;

interface Endpoint {
  id: string;
  createdAt: number | undefined;
}

const timeOf = (value: unknown): number | undefined => {
  const ms = Date.parse(asString(value) ?? '');
  return Number.isNaN(ms) ? undefined : ms;
};

/** The endpoints Booqable has for this URL (filtered by Booqable, and checked here again). */
const endpointsFor = async (z: ZObject, bundle: Bundle, url: string, action: string): Promise<Endpoint[]> => {
  const found = await booqableRequest(z, bundle, { method: 'GET', path: 'webhook_endpoints', params: { 'filter[url][eq]': url }, needsJson: true }, action);
  return recordsOf(found.data, 'webhook_endpoints')
    .filter((r) => r.url === undefined || r.url === url)
    .flatMap((r) => {
      const id = asString(r.id);
      return id ? [{ id, createdAt: timeOf(r.created_at) }] : [];
    });
};

const removeEndpoints = async (z: ZObject, bundle: Bundle, ids: readonly string[], action: string) => {
  // 404/410: already deleted in Booqable.
  for (const id of ids) await booqableRequest(z, bundle, { method: 'DELETE', path: `webhook_endpoints/${encodeURIComponent(id)}`, alsoOk: GONE }, action);
};

/**
 * After the new endpoint exists: the ones Booqable made for this URL before it go (a turn-on that
 * timed out after Booqable created one, a subscription Zapier has not removed yet). Only older ones,
 * by Booqable's own `created_at`: two turn-ons that overlap each keep the newer, so one is always
 * left; one whose age is unknown stays (a Zap run twice can be undone, a deaf one cannot). A failure
 * here leaves the new endpoint working, and the next turn-on tries again.
 */
const removeOlder = async (z: ZObject, bundle: Bundle, url: string, own: Endpoint, action: string) => {
  try {
    const listed = await endpointsFor(z, bundle, url, action);
    // The list says when the new one was made where the create's answer did not.
    const ownTime = own.createdAt ?? listed.find((e) => e.id === own.id)?.createdAt;
    const older = listed.filter((e) => e.id !== own.id && e.createdAt !== undefined && ownTime !== undefined && e.createdAt < ownTime);
    await removeEndpoints(
      z,
      bundle,
      older.map((e) => e.id),
      action,
    );
  } catch (error) {
    z.console.log(
      `Note: the Zap's new Booqable webhook endpoint works, but older ones for its URL could not be removed (${error instanceof Error ? error.message : String(error)}); the next turn-on removes them.`,
    );
  }
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

  accountOf: slugOf,

  async testConnection(z, bundle) {
    await booqableRequest(z, bundle, { method: 'GET', path: 'webhook_endpoints', params: { 'page[size]': '1' }, needsJson: true }, 'testing the connection');
  },

  // The new endpoint first, then the older ones for the URL: there is no moment without one, and a
  // turn-on repeated after a timeout still leaves one. A create that fails leaves nothing to remove
  // that this turn-on knows of: what Booqable may have made anyway goes at the next turn-on.
  async subscribe(z, bundle, events) {
    const url = bundle.targetUrl ?? '';
    const action = `subscribing to ${events.join(', ')}`;
    const answer = await booqableRequest(
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
    const made = asRecord(asRecord(answer.data)?.data);
    const id = asString(made?.id);
    if (!id) {
      throw new z.errors.Error(
        'Booqable accepted the subscription but returned no webhook endpoint id, so this Zap could not tell its endpoint apart. Turn the Zap on again (that removes any endpoint this attempt left); if this repeats, contact Booqable support.',
        'VendorError',
      );
    }
    const createdAt = timeOf(made?.created_at ?? asRecord(made?.attributes)?.created_at);
    await removeOlder(z, bundle, url, { id, createdAt }, action);
    return { id, url, events: [...events] };
  },

  // Only this Zap's own endpoint: another for the same URL may be a newer subscription of the same Zap
  // (Zapier may subscribe again before it unsubscribes), and removing it would leave the Zap deaf.
  async unsubscribe(z, bundle) {
    const own = asString(bundle.subscribeData?.id);
    if (!own) {
      z.console.log(
        'Note: this Zap has no Booqable webhook endpoint id on record, so nothing was removed; the next turn-on removes older endpoints for its URL.',
      );
      return { removed: [] };
    }
    await removeEndpoints(z, bundle, [own], 'removing the webhook endpoint');
    return { removed: [own] };
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

  // A payment provider's client secret (Booqable's payment resource), wherever a payment sits: an order's payments too.
  secretFields: ['provider_secret'],

  matchesInputs(body, inputData) {
    if (inputData[ORDERS_WITHOUT_NUMBER.key] !== 'skip') return { ok: true };
    const data = asRecord(body.data);
    const unnumbered = kindOf(body.event)?.facts.resourceType === 'orders' && data && (data.number === null || data.number === undefined);
    return unnumbered
      ? {
          ok: false,
          reason: `the order has no number yet (status "${cut(asString(data.status) ?? 'unknown')}": Booqable is still creating it), and this Zap skips such orders`,
        }
      : { ok: true };
  },

  hydrators,

  enrich,

  async recent(z, bundle, entry, limit) {
    const { list, relations, resourceType } = entry.kind.facts;
    if (!list) return null;
    const params: Record<string, string> = { sort: '-created_at', 'page[size]': String(limit), ...list.filter };
    // The relations a delivery of the resource carries, so that a listed record maps like a delivery.
    if (relations.length > 0) params.include = [...relations].sort().join(',');
    const answer = await booqableRequest(
      z,
      bundle,
      { method: 'GET', path: `${list.path}.json`, params, needsJson: true },
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
