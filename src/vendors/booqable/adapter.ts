import type { Bundle, ZObject } from 'zapier-platform-core';
import type { Delivery, JsonRecord, SubscriptionAdapter } from '../../lib/catalog';
import type { ErrorContext } from '../../lib/errors';
import { vendorRequest } from '../../lib/http';
import { withDecimalTwins } from '../../lib/money';
import { asRecord, asString, authValue, isRecord, sha256 } from '../../lib/values';
import { BOOQABLE_MONEY, type BooqableApi, type BooqableEvent, envelope } from './events';

export const SLUG = 'booqable_company_slug';
export const TOKEN = 'booqable_access_token';

const SLUG_LABEL = 'Booqable Subdomain';
const TOKEN_LABEL = 'Booqable Access Token';

/** `acme`, `acme.booqable.com`, `https://acme.booqable.com/…` → `acme`; undefined if it is none of these. */
export const normaliseSlug = (input: string | undefined): string | undefined => {
  if (!input) return undefined;
  const host =
    input
      .trim()
      .toLowerCase()
      .replace(/^[a-z]+:\/\//, '')
      .split(/[/?#]/)[0] ?? '';
  const slug = host.endsWith('.booqable.com') ? host.slice(0, -'.booqable.com'.length) : host;
  return /^[a-z0-9][a-z0-9-]*$/.test(slug) ? slug : undefined;
};

const apiBase = (z: ZObject, bundle: Bundle): string => {
  const given = authValue(bundle.authData, SLUG);
  const slug = normaliseSlug(given);
  if (!slug) {
    throw new z.errors.Error(
      `The ${SLUG_LABEL} "${given ?? ''}" is not a Booqable address. Enter the part before .booqable.com (for https://acme.booqable.com, enter acme).`,
      'InvalidCredentials',
    );
  }
  return `https://${slug}.booqable.com/api/4`;
};

const context = (bundle: Bundle, action: string): ErrorContext => ({
  vendor: 'Booqable',
  credential: TOKEN_LABEL,
  action,
  notFoundHint: `Check the ${SLUG_LABEL} ("${authValue(bundle.authData, SLUG) ?? ''}"): it is the part before .booqable.com in your Booqable address.`,
  authData: bundle.authData,
});

const auth = (bundle: Bundle) => ({ authorization: `Bearer ${authValue(bundle.authData, TOKEN)}` });

/** The records of a list answer, whichever envelope the `.json` endpoint uses. */
export const recordsOf = (data: unknown, path: string): JsonRecord[] => {
  const body = asRecord(data);
  const list = Array.isArray(data) ? data : Array.isArray(body?.data) ? body.data : Array.isArray(body?.[path]) ? body[path] : undefined;
  return (list ?? []).filter(isRecord);
};

const GONE = [404, 410] as const;

/** Booqable sends money in cents only (v4): every amount gets its twin in main units. */
const withDecimals = withDecimalTwins(BOOQABLE_MONEY);

export const booqableAdapter: SubscriptionAdapter<BooqableEvent, BooqableApi> = {
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
    await vendorRequest(
      z,
      { method: 'GET', url: `${apiBase(z, bundle)}/webhook_endpoints`, headers: auth(bundle), params: { 'page[size]': '1' }, needsJson: true },
      context(bundle, 'testing the connection'),
    );
  },

  async subscribe(z, bundle, events) {
    const url = apiBase(z, bundle);
    const answer = await vendorRequest(
      z,
      {
        method: 'POST',
        url: `${url}/webhook_endpoints`,
        headers: auth(bundle),
        // version 4 makes Booqable post JSON; the default (1) posts an older form-encoded format.
        body: { data: { type: 'webhook_endpoints', attributes: { url: bundle.targetUrl, events, version: 4 } } },
        needsJson: true,
      },
      context(bundle, `subscribing to ${events.join(', ')}`),
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
    const base = apiBase(z, bundle);
    const ctx = context(bundle, 'removing the webhook endpoint');
    let ids = [asString(bundle.subscribeData?.id)].filter((id): id is string => Boolean(id));
    if (ids.length === 0 && bundle.targetUrl) {
      // The subscription id was lost: find this Zap's endpoint by its URL.
      const found = await vendorRequest(
        z,
        { method: 'GET', url: `${base}/webhook_endpoints`, headers: auth(bundle), params: { 'filter[url][eq]': bundle.targetUrl }, needsJson: true },
        ctx,
      );
      ids = recordsOf(found.data, 'webhook_endpoints')
        .map((r) => asString(r.id))
        .filter((id): id is string => Boolean(id));
    }
    for (const id of ids) {
      // 404/410: already deleted in Booqable; the Zap must still turn off.
      await vendorRequest(z, { method: 'DELETE', url: `${base}/webhook_endpoints/${encodeURIComponent(id)}`, headers: auth(bundle), alsoOk: GONE }, ctx);
    }
    return { removed: ids };
  },

  eventOf: (delivery: Delivery) => asString(asRecord(delivery.body)?.event),

  // Booqable documents no signature header: the Zap's secret URL is the only check there is.
  verify: () => ({ ok: true }),

  deliveryId: (body, delivery) => asString(body.id) ?? `sha256-${sha256(delivery.content || JSON.stringify(body))}`,

  normalise: withDecimals,

  async recent(z, bundle, entry, limit) {
    const { list, resourceType } = entry.kind.api;
    if (!list) return null;
    const answer = await vendorRequest(
      z,
      {
        method: 'GET',
        url: `${apiBase(z, bundle)}/${list.path}.json`,
        headers: auth(bundle),
        params: { sort: '-created_at', 'page[size]': String(limit), ...list.params },
        needsJson: true,
      },
      context(bundle, `loading recent ${list.path} as samples`),
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
