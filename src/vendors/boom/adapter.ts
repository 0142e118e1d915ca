import type { Bundle, ZObject } from 'zapier-platform-core';
import type { CatalogEntry, DeliveryAdapter, JsonRecord } from '../../lib/catalog';
import { firstSix } from '../../lib/credentials';
import { byContent, byVendor } from '../../lib/dedupe';
import { asRecord, asString, authValue, isRecord, secretsEqual, sha256 } from '../../lib/values';
import { ACCESS_KEY, API_KEYS_LABEL, boomRequest, ENVIRONMENT, hasApiKeys, SECRET, SECRET_KEY, signIn } from './client';
import type { BoomEvent } from './events';
import type { BoomFacts } from './kinds';
import { enrich, hydrators, personOf } from './lookups';
import { normalise } from './normalise';

const SECRET_HEADER = 'x-api-key';

/** `Application Approved`, `application.approved` → `application_approved`: Boom's spelling is not published. */
const canonicalEvent = (value: unknown): string | undefined => {
  const text = asString(value);
  return text
    ? text
        .trim()
        .toLowerCase()
        .replace(/[\s.-]+/g, '_')
    : undefined;
};

/** A list record as the event's delivery would carry it. */
const asDelivery = (entry: CatalogEntry<BoomEvent, BoomFacts>, record: JsonRecord): JsonRecord => {
  const event = entry.events[0]!;
  const id = asString(record.id) ?? sha256(JSON.stringify(record));
  const requestId = `sample-${id}`;
  const base: JsonRecord = { event, request_id: requestId };
  switch (entry.kind.facts.list) {
    case 'customers':
      // Current deliveries carry only the id; the record's details are what the customer lookup would give.
      return { ...base, customer_id: id, customer: personOf(record), id: requestId };
    case 'enrollments':
      return { ...base, customer_id: record.customer_id, enrollment_id: id, id: requestId };
    default: {
      const applicant = asRecord(Array.isArray(record.applicants) ? record.applicants[0] : undefined) ?? {};
      return {
        ...base,
        source_id: id,
        first_name: applicant.first_name,
        last_name: applicant.last_name,
        email: applicant.email,
        phone: applicant.phone,
        applicants: record.applicants,
        desired_move_in_date: record.desired_move_in_date,
        monthly_rent_amount: record.monthly_rent_amount,
        status: record.status,
        created_at: record.created_at ?? record.started_at,
        application_updated_at: record.application_updated_at,
        id: requestId,
      };
    }
  }
};

/** How far back a poll of the activity log looks: far past any poll interval, so a slow or missed poll loses nothing. */
const ACTIVITY_LOOKBACK_MS = 24 * 60 * 60 * 1000;
/** Records a page; at most `MAX_PAGES` pages a poll (the API's order within a page is not documented). */
const PER_PAGE = 100;
const MAX_PAGES = 5;
/** Newest customers a poll lists (the API orders them by creation, newest first). */
const CUSTOMERS_PER_POLL = 50;

const listOf = (data: unknown) => {
  const body = asRecord(data);
  return { items: (Array.isArray(body?.items) ? body.items : []).filter(isRecord), more: body?.has_more === true };
};

const picked = (value: unknown): string[] =>
  (Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : []).map((v) => String(v).trim()).filter(Boolean);

/** BoomScreen's activity of the last day (of the picked types), newest first, each activity log by its own id. */
const recentActivity = async (z: ZObject, bundle: Bundle): Promise<JsonRecord[]> => {
  const fromDate = new Date(Date.now() - ACTIVITY_LOOKBACK_MS).toISOString();
  const types = picked(bundle.inputData?.activity);
  const byId = new Map<string, JsonRecord>();
  // The API filters by one activity type at a time: one listing per type picked, or one for all.
  for (const eventType of types.length > 0 ? types : [undefined]) {
    for (let page = 1; page <= MAX_PAGES; page += 1) {
      const params: Record<string, string> = {
        page: String(page),
        per_page: String(PER_PAGE),
        from_date: fromDate,
        ...(eventType ? { event_type: eventType } : {}),
      };
      const { items, more } = listOf(
        (
          await boomRequest(
            z,
            bundle,
            { method: 'GET', path: 'applications/activity_logs', params, needsJson: true },
            'checking BoomScreen for new application activity',
          )
        ).data,
      );
      for (const item of items) {
        const id = asString(item.id);
        if (id) byId.set(id, { ...item, id });
      }
      if (!more) break;
      if (page === MAX_PAGES)
        z.console.log(
          `Note: Boom listed more than ${MAX_PAGES * PER_PAGE} activities of the last day; the newest of them reach the Zap, the rest at the next check.`,
        );
    }
  }
  return [...byId.values()].sort((a, b) => String(b.occurred_at ?? '').localeCompare(String(a.occurred_at ?? '')));
};

/** BoomReport's newest customers, the person's details only. */
const newestCustomers = async (z: ZObject, bundle: Bundle): Promise<JsonRecord[]> => {
  const params = { page: '1', per_page: String(CUSTOMERS_PER_POLL), order_by: 'created_at', order_direction: 'desc' };
  const { items } = listOf(
    (await boomRequest(z, bundle, { method: 'GET', path: 'customers', params, needsJson: true }, 'checking BoomReport for new customers')).data,
  );
  return items.flatMap((record) => {
    const id = asString(record.id);
    return id ? [{ id, ...personOf(record) }] : [];
  });
};

export const boomAdapter: DeliveryAdapter<BoomEvent, BoomFacts> = {
  credentials: {
    fields: [
      {
        key: SECRET,
        label: 'Boom Webhook Secret',
        type: 'password',
        helpText:
          'The secret Boom sends in the `x-api-key` header of every webhook (ask Boom support for it, or see Settings → Webhooks). With it, deliveries without the right key are rejected. **Left empty, that check is off** and any request to the Zap URL is accepted.',
      },
      {
        key: ACCESS_KEY,
        label: 'Boom API Access Key',
        helpText:
          'Optional: your Boom partner API access key (ask Boom support for partner API keys). With it and the secret key, the triggers checked every few minutes work (any number of Zaps), BoomReport triggers add the customer\'s name, email and phone and the lease details to events that carry only ids (Boom is asked only when a Zap step uses them), and "Test trigger" shows your real recent records.',
      },
      {
        key: SECRET_KEY,
        label: 'Boom API Secret Key',
        type: 'password',
        helpText: 'Optional: the secret key that goes with the Boom API access key (Boom support issues both).',
      },
      {
        key: ENVIRONMENT,
        label: 'Boom Environment',
        helpText: 'Which Boom environment the API keys belong to. Boom sends webhooks per environment too: use one connection per environment.',
        choices: { production: 'Production', sandbox: 'Sandbox' },
        default: 'production',
      },
    ],
    // Boom deliveries need nothing from the connection; the secret and keys add checks and real samples.
    required: [],
  },

  isConnected: (authData) => [SECRET, ACCESS_KEY, SECRET_KEY].some((k) => authValue(authData, k)),

  // The environment, and the access key's first characters or "webhooks only": two connections can be told apart.
  accountOf: (authData) => {
    const environment = authValue(authData, ENVIRONMENT) === 'sandbox' ? 'sandbox' : 'production';
    const key = firstSix(authValue(authData, ACCESS_KEY));
    return `${environment}, ${key ? `key ${key}` : 'webhooks only'}`;
  },

  async testConnection(z, bundle) {
    const access = authValue(bundle.authData, ACCESS_KEY);
    const secret = authValue(bundle.authData, SECRET_KEY);
    if (Boolean(access) !== Boolean(secret)) {
      throw new z.errors.Error(
        `Fill in both the Boom API Access Key and the Boom API Secret Key, or neither (the ${access ? 'secret key' : 'access key'} is missing).`,
        'MissingCredentials',
      );
    }
    if (access && secret) await signIn(z, bundle);
  },

  eventOf: (delivery) => canonicalEvent(asRecord(delivery.body)?.event),

  // Boom's webhook secret arrives in `x-api-key` (docs/vendors.md, Boom): a static shared secret, not an HMAC.
  secretHeader: { name: SECRET_HEADER, credential: SECRET },

  verify(delivery, bundle) {
    const expected = authValue(bundle.authData, SECRET);
    if (!expected) return { ok: true };
    const given = delivery.headers[SECRET_HEADER];
    if (given === undefined || given === '') return { ok: false, reason: 'the x-api-key header is missing, but the connection has a Boom Webhook Secret' };
    // A header repeated by a proxy may arrive joined with ", ": the same secret twice is still that secret.
    const copies = given.split(/,\s*/);
    const matches = secretsEqual(given, expected) || copies.every((copy) => secretsEqual(copy, expected));
    if (!matches) return { ok: false, reason: 'the x-api-key header does not match the Boom Webhook Secret in the connection' };
    return { ok: true };
  },

  // Boom retries a failed delivery twice, a minute apart (its webhook page): the last retry comes about
  // two minutes after the first try. A body without a request_id is taken as a retry only within that.
  retryWindowSeconds: 3 * 60,

  deliveryId: (body, delivery) => {
    const requestId = asString(body.request_id);
    return requestId ? byVendor(requestId) : byContent(`sha256-${sha256(delivery.content || JSON.stringify(body))}`);
  },

  normalise,

  hydrators,

  enrich,

  directions: (events) =>
    [
      "**Boom sends every event of an environment to one URL: giving Boom this Zap's URL replaces the URL of any other Zap you gave Boom before.**",
      events
        ? 'If you need more than one Boom event, use the "New Boom Event" trigger in a single Zap and split it with Paths, or, with Boom API keys, the triggers checked every few minutes ("New Application Activity", "New Customer"): any number of Zaps can use those.'
        : 'With no event picked, this Zap receives every event; use Paths or Filter on the Event field to handle each.',
      "1. Copy this Zap's URL and send it to Boom support (or enter it under Settings → Webhooks in Boom, where available), saying whether it is for production or sandbox.",
      '2. Ask Boom support for the secret it sends in the `x-api-key` header and enter it as the Boom Webhook Secret in this connection: deliveries without it are then rejected.',
      "3. Optional: add your Boom API access and secret keys to the connection to get the customer's name, email and phone and the lease details on events that carry only ids.",
    ].join('\n\n'),

  async poll(z, bundle, entry) {
    if (!hasApiKeys(bundle.authData ?? {})) {
      throw new z.errors.Error(
        `This Boom trigger checks Boom's partner API: fill in the ${API_KEYS_LABEL} in the connection (Boom support issues them). Without them, use an instant Boom trigger.`,
        'MissingCredentials',
      );
    }
    return entry.kind.facts.poll === 'activity' ? recentActivity(z, bundle) : newestCustomers(z, bundle);
  },

  async recent(z, bundle, entry, limit) {
    const resource = entry.kind.facts.list;
    if (!resource || !hasApiKeys(bundle.authData)) return null;
    const answer = await boomRequest(
      z,
      bundle,
      { method: 'GET', path: resource, params: { page: '1', per_page: String(limit) }, needsJson: true },
      `loading recent ${resource} as samples`,
    );
    const items = asRecord(answer.data)?.items;
    return (Array.isArray(items) ? items : [])
      .filter(isRecord)
      .slice(0, limit)
      .map((record) => asDelivery(entry, record));
  },
};
