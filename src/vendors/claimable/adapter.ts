import type { DeliveryAdapter, JsonRecord } from '../../lib/catalog';
import { tokenAccount } from '../../lib/credentials';
import { byContent } from '../../lib/dedupe';
import { asRecord, asString, authValue, isRecord, sha256 } from '../../lib/values';
import { claimableRequest, TOKEN, TOKEN_LABEL } from './client';
import type { ClaimableEvent } from './events';
import type { ClaimableFacts } from './kinds';
import { enrich, hydrators } from './lookups';
import { eventNameOf, normalise } from './normalise';

const SOURCE_INPUT = 'source';

const subjectOf = (body: JsonRecord) => asRecord(body.claim) ?? asRecord(body.contact);

export const claimableAdapter: DeliveryAdapter<ClaimableEvent, ClaimableFacts> = {
  credentials: {
    fields: [
      {
        key: TOKEN,
        label: TOKEN_LABEL,
        type: 'password',
        helpText:
          'Optional: a Claimable API token (ask Claimable support for one: they issue them). With it, the connection is checked and "Test trigger" shows your real recent claims and contacts; webhooks work without it.',
      },
    ],
    required: [],
  },

  isConnected: (authData) => Boolean(authValue(authData, TOKEN)),
  accountOf: (authData) => tokenAccount(authValue(authData, TOKEN)),

  async testConnection(z, bundle) {
    await claimableRequest(z, bundle, { method: 'GET', path: 'claims', needsJson: true }, 'testing the connection');
  },

  eventOf: (delivery) => eventNameOf(asRecord(delivery.body), delivery.headers),

  // Claimable documents no signature; the Zap's secret URL is the check.
  verify: () => ({ ok: true }),

  // No delivery id is sent: a retry repeats event, subject and body exactly, two real events differ.
  deliveryId: (body, delivery) => {
    const event = asString(body.event_name) ?? delivery.headers['event-name'] ?? '';
    const subjectId = asString(subjectOf(body)?.id) ?? '';
    return byContent(sha256(`${event}\n${subjectId}\n${delivery.content || JSON.stringify(body)}`));
  },

  normalise,

  hydrators,

  enrich,

  directions: (events) =>
    [
      "Claimable sets up webhooks through its support team. Copy this Zap's URL and ask Claimable support (support chat or email) to create a webhook endpoint with this URL,",
      events
        ? `subscribed to the event \`${events[0]}\`.`
        : 'subscribed to the events this Zap should receive (or to every event: with none picked here, this trigger passes on all of them).',
      'Each endpoint can be set to "UI+API" or "UI Only": choose "UI Only" if this Zap writes back to Claimable through the API, so its own changes do not trigger it again.',
      'The URL is the only thing that protects this Zap (Claimable signs nothing): keep it private.',
    ].join(' '),

  triggerInputs: [
    {
      key: SOURCE_INPUT,
      label: 'Changes Made In',
      helpText:
        'Run the Zap for changes made by people in Claimable, through the API, or both. Pick "Claimable app only" when this Zap writes back to Claimable through the API, so it does not trigger itself in a loop.',
      choices: { any: 'Claimable app and API', ui: 'Claimable app only', api: 'API only' },
      default: 'any',
    },
  ],

  matchesInputs(body, inputData) {
    const wanted = asString(inputData[SOURCE_INPUT]) ?? 'any';
    if (wanted === 'any') return { ok: true };
    const source = asString(body.source);
    return source === wanted ? { ok: true } : { ok: false, reason: `the change came from "${source ?? 'unknown'}", and this Zap takes only "${wanted}"` };
  },

  async recent(z, bundle, entry, limit) {
    if (!authValue(bundle.authData, TOKEN)) return null;
    const { list: resource, subject } = entry.kind.facts;
    const answer = await claimableRequest(z, bundle, { method: 'GET', path: resource, needsJson: true }, `loading recent ${resource} as samples`);
    const data = answer.data;
    const wrapped = asRecord(data)?.[resource];
    const list = Array.isArray(data) ? data : Array.isArray(wrapped) ? wrapped : [];
    return (
      list
        .filter(isRecord)
        .slice(0, limit)
        // Shaped as Claimable posts it (no id of its own): the item id then comes as a delivery's does.
        .map((record) => ({ [subject]: record, event_name: entry.events[0], source: 'api', performed_by: { user_id: null, name: 'Sample loaded by Zapier' } }))
    );
  },
};
