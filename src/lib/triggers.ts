import type { BasicHookOperation, BasicPollingOperation, Bundle, OutputFields, PlainInputField, Trigger, ZObject } from 'zapier-platform-core';
import type { AnyEventEntry, CatalogEntry, Hydrators, JsonRecord, OutputField, PollEntry, RecordKind, TriggerInput, Vendor } from './catalog';
import { requireCredentials } from './credentials';
import { withinDeadline } from './deadline';
import { keepOtherVendorsRunning } from './errors';
import { completeItem, deliveryIdOf, processDelivery, type Route } from './pipeline';
import { cached } from './values';
import { entriesOf } from './vendor';

/** A trigger whose operation is a hook: what every factory here makes. */
export type HookTrigger = Trigger & { operation: BasicHookOperation };
/** A trigger Zapier polls. */
type PollingTrigger = Trigger & { operation: BasicPollingOperation };
export type AppTrigger = HookTrigger | PollingTrigger;
export const isHook = (trigger: AppTrigger | undefined): trigger is HookTrigger => trigger?.operation.type === 'hook';

const SAMPLE_LIMIT = 3;
const SAMPLES_ACTION = 'loading recent records for Test trigger';

export const EVENTS_INPUT = 'events';

/** An event this app does not know, in words: `application_note_added` → "Application Note Added". */
const inWords = (event: string) =>
  event
    .split(/[._\-\s]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
    .join(' ');

const fieldOf = (input: TriggerInput) => ({
  key: input.key,
  label: input.label,
  helpText: input.helpText,
  choices: input.choices,
  ...(input.default ? { default: input.default } : {}),
  ...(input.list ? { list: true } : {}),
  required: false,
  altersDynamicFields: false,
});

const vendorInputs = (vendor: Vendor) => (vendor.adapter.triggerInputs ?? []).map(fieldOf);

/** A row's caveat, shown as a read-only note in the trigger's set-up. */
const noteField = (note: string) => ({ key: 'about_this_trigger', type: 'copy' as const, helpText: note });

/**
 * A trigger's set-up, the row's note then the vendor's inputs, as an `inputFields` entry; nothing when
 * there are none. An empty list is not free: core copies, walks and freezes it twice on every
 * delivery: the empty lists this leaves out were a fifth of the compile's time when measured (docs/performance.md).
 */
const inputFieldsOf = (vendor: Vendor, entry: CatalogEntry) => {
  const { note, inputs = [] } = entry;
  if (!note && !inputs.length && !vendor.adapter.triggerInputs?.length) return {};
  // Shared by the triggers with the same note and no inputs of their own; a trigger with inputs has its own list.
  const key = inputs.length ? entry.key : `${vendor.id}\n${note ?? ''}`;
  return { inputFields: [asFunction(inputFunctions, key, () => [...(note ? [noteField(note)] : []), ...inputs.map(fieldOf), ...vendorInputs(vendor)])] };
};

const display = (vendor: Vendor, entry: CatalogEntry | AnyEventEntry) => {
  const directions = vendor.adapter.directions?.('events' in entry ? entry.events : undefined);
  return {
    label: entry.label,
    description: entry.description,
    ...('hidden' in entry && entry.hidden ? { hidden: true } : {}),
    ...(directions ? { directions } : {}),
  };
};

/**
 * Fields as a function the editor calls (Zapier's dynamic fields), one function per list, shared by
 * every trigger showing the list. Core compiles the whole definition on every delivery and a
 * function costs it nothing, where each field object costs it a copy, a walk and a freeze
 * (docs/performance.md measures it). The editor shows the same labelled fields.
 */
const asFunction = <F>(cache: Map<unknown, () => Promise<F[]>>, key: unknown, fields: () => F[]) =>
  cached(cache, key, () => {
    const list = fields();
    return async () => list;
  });
const outputFunctions = new Map<unknown, () => Promise<OutputField[]>>();
const outputFieldsOf = (fields: readonly OutputField[]) => asFunction(outputFunctions, fields, () => [...fields]);
const inputFunctions = new Map<unknown, () => Promise<PlainInputField[]>>();

const operationBase = (entry: CatalogEntry) => ({
  type: 'hook' as const,
  // Zapier waives the sample of a hidden trigger; left out, core does not compile it on every delivery.
  ...(entry.hidden ? {} : { sample: entry.sample }),
  outputFields: [outputFieldsOf(entry.outputFields)],
});

/** How a trigger is built: `shared` when the app's one connection holds several vendors. */
interface TriggerOptions {
  shared?: boolean;
  /** The app's hydrators (the vendor's own, when not given). */
  hydrators?: Hydrators;
}

/**
 * An operation that calls the vendor: ended by the app's deadline with its own message (`withinDeadline`),
 * under the app's rule for a rejected credential (see `keepOtherVendorsRunning`).
 */
const guard = <R>(vendor: Vendor, options: TriggerOptions, action: string, f: (z: ZObject, bundle: Bundle) => Promise<R>) => {
  const bounded = (z: ZObject, bundle: Bundle) => withinDeadline(z, vendor.name, action, () => f(z, bundle));
  return options.shared ? keepOtherVendorsRunning(bounded) : bounded;
};

/**
 * "Test trigger": the newest real records, shaped like deliveries and completed as a delivery is
 * (normalised, with its id and lookups), so that what a person maps is what a live delivery gives.
 * None (the vendor has none, or no API to ask) returns none, and the editor offers the trigger's
 * sample, labelled as such: an invented record is never presented as a find.
 */
const sampleRecords = async (z: ZObject, bundle: Bundle, vendor: Vendor, route: Route, entry: CatalogEntry): Promise<JsonRecord[]> => {
  requireCredentials(z, bundle, vendor);
  const records = (await vendor.adapter.recent(z, bundle, entry, SAMPLE_LIMIT)) ?? [];
  return records.map((body) => completeItem(z, bundle, vendor, route, body, deliveryIdOf(vendor.adapter, body), entry.events[0]));
};

/** The first of each list, then the second of each, and so on. */
const interleaved = <T>(lists: readonly (readonly T[])[]): T[] =>
  Array.from({ length: Math.max(0, ...lists.map((list) => list.length)) }, (_, i) => lists.flatMap((list) => list.slice(i, i + 1))).flat();

/** Subscribe and unsubscribe through the vendor's API, for vendors that have one. */
const subscription = (vendor: Vendor, options: TriggerOptions, eventsFor: (z: ZObject, bundle: Bundle) => readonly string[]) => {
  if (vendor.hooks !== 'rest') return {};
  const { adapter } = vendor;
  return {
    performSubscribe: guard(vendor, options, 'turning the Zap on', async (z: ZObject, bundle: Bundle) => {
      requireCredentials(z, bundle, vendor);
      const events = eventsFor(z, bundle);
      // Kept with the vendor's answer, so a delivery can be matched to what this Zap asked for.
      return { ...(await adapter.subscribe(z, bundle, events)), requestedEvents: [...events] };
    }),
    performUnsubscribe: guard(vendor, options, 'turning the Zap off', async (z: ZObject, bundle: Bundle) => {
      requireCredentials(z, bundle, vendor);
      return adapter.unsubscribe(z, bundle);
    }),
  };
};

/** The trigger of one catalog entry: a REST hook or an instant (static) hook, as the vendor has it. */
const hookTrigger = (vendor: Vendor, entry: CatalogEntry, options: TriggerOptions = {}): HookTrigger => {
  const route: Route = {
    triggerKey: entry.key,
    hydrators: options.hydrators ?? vendor.adapter.hydrators ?? {},
    // A delivery naming no event is this trigger's only where the event is the subscription's: where
    // bodies name their event, one naming none is not this trigger's, and a static URL may get every event.
    firesOn: (event) => (event === undefined ? Boolean(vendor.adapter.eventFromSubscription) : entry.events.includes(event)),
    entryFor: () => entry,
  };
  return {
    key: entry.key,
    noun: entry.noun,
    display: display(vendor, entry),
    operation: {
      ...operationBase(entry),
      ...inputFieldsOf(vendor, entry),
      perform: (z: ZObject, bundle: Bundle) => processDelivery(z, bundle, vendor, route),
      performList: guard(vendor, options, SAMPLES_ACTION, (z: ZObject, bundle: Bundle) => sampleRecords(z, bundle, vendor, route, entry)),
      ...subscription(vendor, options, () => entry.events),
    },
  };
};

const selectedEvents = (bundle: Bundle): string[] => {
  const value = (bundle.inputData as JsonRecord | undefined)?.[EVENTS_INPUT];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '');
  return typeof value === 'string' && value !== '' ? value.split(',').map((v) => v.trim()) : [];
};

/**
 * The labelled fields of several record kinds in one list, each key once. A key the kinds label
 * differently (`data__grand_total_with_tax`: "Order Total With Tax", "Invoice Total With Tax")
 * gets its label without each kind's own noun ("Total With Tax"), so no invoice is labelled as an
 * order; a related record's noun stays ("Order Number" of an invoice's or a payment's order). Where
 * the labels still differ, the longest wins: it carries the caveat one kind adds ("… (If the
 * Payment Has One)").
 */
const fieldsOfKinds = (kinds: readonly RecordKind[], leaveOut: ReadonlySet<string> = new Set()): OutputField[] => {
  const byKey = new Map<string, { field: OutputField; labels: Set<string>; stripped: Set<string> }>();
  for (const kind of new Set(kinds)) {
    const ownNoun = `${kind.noun} `;
    for (const field of kind.outputFields) {
      if (leaveOut.has(field.key)) continue;
      const stripped = field.label.startsWith(ownNoun) ? field.label.slice(ownNoun.length) : field.label;
      const seen = byKey.get(field.key);
      if (seen) {
        seen.labels.add(field.label);
        seen.stripped.add(stripped);
      } else byKey.set(field.key, { field, labels: new Set([field.label]), stripped: new Set([stripped]) });
    }
  }
  const longest = (labels: Set<string>) => [...labels].reduce((a, b) => (b.length > a.length ? b : a));
  return [...byKey.values()].map(({ field, labels, stripped }) => (labels.size > 1 ? { ...field, label: longest(stripped) } : field));
};

/**
 * "New <Vendor> Event": one Zap for any number of events. A REST vendor subscribes to a list, so
 * there the user must pick; at a static URL, picking none passes on every event, new ones included.
 */
const anyEventTrigger = (vendor: Vendor, any: AnyEventEntry, options: TriggerOptions = {}): HookTrigger => {
  const mustPick = vendor.hooks === 'rest';
  const entryOf = (event: string | undefined) => any.choices.find((entry) => event !== undefined && entry.events.includes(event));
  /** Every event of the picked entries, with their other spellings (a retired trigger's events are its own). */
  const expand = (picked: readonly string[]) => [
    ...new Set([...any.choices.filter((entry) => !entry.retired && entry.events.some((e) => picked.includes(e))).flatMap((entry) => entry.events), ...picked]),
  ];
  const route: Route = {
    triggerKey: any.key,
    hydrators: options.hydrators ?? vendor.adapter.hydrators ?? {},
    titleOf: (event) => (event === undefined ? undefined : (entryOf(event)?.label ?? inWords(event))),
    firesOn: (event, bundle) => {
      const picked = selectedEvents(bundle);
      if (picked.length === 0) return !mustPick;
      if (event === undefined) return Boolean(vendor.adapter.eventFromSubscription);
      return expand(picked).includes(event);
    },
    entryFor: entryOf,
  };
  const eventsField = {
    key: EVENTS_INPUT,
    label: 'Events',
    helpText: mustPick
      ? `Pick one or more ${vendor.name} events. The Zap runs for each; use Paths or Filter on the Event field to tell them apart.`
      : `Pick the ${vendor.name} events to pass on, or leave empty to pass on every event, including types ${vendor.name} adds later. Use Paths or Filter on the Event field to tell them apart.`,
    choices: Object.fromEntries(any.choices.filter((e) => !e.retired).map((e) => [e.events[0], `${e.label} (${e.events[0]})`])),
    list: true,
    required: mustPick,
    // The output fields follow the picked events.
    altersDynamicFields: true,
  };
  /** The labelled fields of the picked events, beyond the ones every event has. */
  const pickedFields = async (_z: ZObject, bundle: Bundle) => {
    const picked = expand(selectedEvents(bundle));
    return fieldsOfKinds(
      any.choices.filter((entry) => entry.events.some((e) => picked.includes(e))).map((entry) => entry.kind),
      new Set(any.outputFields.map((f) => f.key)),
    );
  };
  const outputFields: OutputFields = [outputFieldsOf(any.outputFields), pickedFields];
  return {
    key: any.key,
    noun: any.noun,
    display: display(vendor, any),
    operation: {
      type: 'hook' as const,
      sample: any.sample,
      outputFields,
      inputFields: [asFunction(inputFunctions, eventsField, () => [eventsField, ...vendorInputs(vendor)])],
      perform: (z: ZObject, bundle: Bundle) => processDelivery(z, bundle, vendor, route),
      // A record of every picked event first, so each Paths branch has one to map from; then the rest.
      performList: guard(vendor, options, SAMPLES_ACTION, async (z: ZObject, bundle: Bundle) => {
        const picked = [...new Set(selectedEvents(bundle).map(entryOf))].filter((entry) => entry !== undefined);
        const lists: JsonRecord[][] = [];
        for (const entry of picked.length > 0 ? picked : any.choices.slice(0, 1)) lists.push(await sampleRecords(z, bundle, vendor, route, entry));
        return interleaved(lists);
      }),
      ...subscription(vendor, options, (z, bundle) => {
        const picked = selectedEvents(bundle);
        if (picked.length === 0) throw new z.errors.Error(`Pick at least one ${vendor.name} event for this trigger.`, 'InvalidInput');
        return expand(picked);
      }),
    },
  };
};

/**
 * A trigger Zapier polls every few minutes: the vendor's newest records, each with its own id, which
 * Zapier's polling de-duplicates; completed as a delivery is (normalised, lookups), so it maps the
 * same way. "Test trigger" runs the same perform: real records.
 */
const pollingTrigger = (vendor: Vendor, entry: PollEntry, options: TriggerOptions): PollingTrigger => {
  const { poll } = vendor.adapter;
  const route: Route = {
    triggerKey: entry.key,
    hydrators: options.hydrators ?? vendor.adapter.hydrators ?? {},
    firesOn: () => true,
    entryFor: () => undefined,
  };
  const inputs = [...(entry.note ? [noteField(entry.note)] : []), ...(entry.inputs ?? []).map(fieldOf)];
  return {
    key: entry.key,
    noun: entry.noun,
    display: { label: entry.label, description: entry.description },
    operation: {
      sample: entry.sample,
      outputFields: [outputFieldsOf(entry.outputFields)],
      ...(inputs.length > 0 ? { inputFields: [asFunction(inputFunctions, entry.key, () => inputs)] } : {}),
      perform: guard(vendor, options, 'checking for new records', async (z: ZObject, bundle: Bundle) => {
        if (!poll) throw new z.errors.Error(`${vendor.name} has no list to check.`, 'NotPollable');
        const records = await poll(z, bundle, entry);
        return records.map((record) => completeItem(z, bundle, vendor, route, record, String(record.id), undefined));
      }),
    },
  };
};

/** Every trigger of a vendor, keyed as the app holds them. */
export const triggersOf = (vendor: Vendor, options: TriggerOptions = {}): AppTrigger[] => [
  ...entriesOf(vendor).map((entry) => ('choices' in entry ? anyEventTrigger(vendor, entry, options) : hookTrigger(vendor, entry, options))),
  ...vendor.polls.map((entry) => pollingTrigger(vendor, entry, options)),
];
