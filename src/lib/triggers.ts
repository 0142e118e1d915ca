import type { Bundle, Trigger, ZObject } from 'zapier-platform-core';
import type { AnyEventEntry, CatalogEntry, DeliveryAdapter, JsonRecord, SubscriptionAdapter, TriggerInput } from './catalog';
import { requireCredentials } from './credentials';
import { processDelivery, type Route } from './pipeline';

type Perform = (z: ZObject, bundle: Bundle) => Promise<JsonRecord[]>;

const SAMPLE_LIMIT = 3;

const fieldOf = (input: TriggerInput) => ({
  key: input.key,
  label: input.label,
  helpText: input.helpText,
  choices: input.choices,
  default: input.default,
  required: false,
  altersDynamicFields: false,
});

const inputFields = new WeakMap<TriggerInput, ReturnType<typeof fieldOf>>();
/** One field object per input, shared by every trigger showing it (see operationBase). */
const inputField = (input: TriggerInput) => {
  if (!inputFields.has(input)) inputFields.set(input, fieldOf(input));
  return inputFields.get(input)!;
};

const routeFor = <E extends string>(entry: CatalogEntry<E>, takesUnnamed: boolean): Route<E> => ({
  triggerKey: entry.key,
  // A REST hook's subscription is for this trigger's events alone, so a delivery naming none is still
  // its own; a static URL may be handed every event of the vendor, so there it must name this one.
  accepts: (event) => (event === undefined ? takesUnnamed : (entry.events as readonly string[]).includes(event)),
  entryFor: () => entry,
});

/** "Test trigger": newest real records shaped like deliveries, else the static sample. */
const listFor =
  <E extends string>(adapter: DeliveryAdapter<E>, entry: CatalogEntry<E>, needsCredentials: boolean): Perform =>
  async (z, bundle) => {
    if (needsCredentials) requireCredentials(z, bundle, adapter);
    const records = await adapter.recent(z, bundle, entry, SAMPLE_LIMIT);
    return records && records.length > 0 ? records : [entry.sample];
  };

const display = (entry: { label: string; description: string; hidden?: boolean }, directions?: string) => ({
  label: entry.label,
  description: entry.description,
  ...(entry.hidden ? { hidden: true } : {}),
  ...(directions ? { directions } : {}),
});

const operationBase = (entry: Omit<CatalogEntry, 'events'>) => ({
  type: 'hook' as const,
  sample: entry.sample,
  // The field objects stay shared between triggers: core deep-copies the definition on every
  // invocation, and lodash copies an object referenced twice only once.
  outputFields: [...entry.outputFields],
});

/** A REST-hook trigger: subscribes through the vendor's API when the Zap turns on. */
export const restHookTrigger = <E extends string>(adapter: SubscriptionAdapter<E>, entry: CatalogEntry<E>): Trigger => ({
  key: entry.key,
  noun: entry.noun,
  display: display(entry),
  operation: {
    ...operationBase(entry),
    inputFields: (adapter.triggerInputs ?? []).map(inputField),
    performSubscribe: async (z: ZObject, bundle: Bundle) => {
      requireCredentials(z, bundle, adapter);
      return adapter.subscribe(z, bundle, entry.events);
    },
    performUnsubscribe: async (z: ZObject, bundle: Bundle) => {
      requireCredentials(z, bundle, adapter);
      return adapter.unsubscribe(z, bundle);
    },
    perform: (z: ZObject, bundle: Bundle) => processDelivery(z, bundle, adapter, routeFor(entry, true)),
    performList: listFor(adapter, entry, true),
  },
});

/** An instant trigger whose URL the user hands to the vendor (no subscription API). */
export const staticHookTrigger = <E extends string>(adapter: DeliveryAdapter<E>, entry: CatalogEntry<E>): Trigger => ({
  key: entry.key,
  noun: entry.noun,
  display: display(entry, adapter.directions),
  operation: {
    ...operationBase(entry),
    inputFields: (adapter.triggerInputs ?? []).map(inputField),
    perform: (z: ZObject, bundle: Bundle) => processDelivery(z, bundle, adapter, routeFor(entry, false)),
    performList: listFor(adapter, entry, false),
  },
});

export const EVENTS_INPUT = 'events';

const selectedEvents = (bundle: Bundle): string[] => {
  const value = (bundle.inputData as JsonRecord | undefined)?.[EVENTS_INPUT];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '');
  return typeof value === 'string' && value !== '' ? value.split(',').map((v) => v.trim()) : [];
};

/** Every event of the picked entries, with their older spellings. */
const expandSelection = <E extends string>(any: AnyEventEntry<E>, picked: string[]): E[] =>
  any.choices.filter((entry) => entry.events.some((e) => picked.includes(e))).flatMap((entry) => [...entry.events]);

/** "New <Vendor> Event": one Zap for any number of events (all of them when none is picked and the vendor allows it). */
export const anyEventTrigger = <E extends string>(adapter: DeliveryAdapter<E> | SubscriptionAdapter<E>, any: AnyEventEntry<E>, kind: 'rest' | 'static'): Trigger => {
  const findEntry = (event: string | undefined) => any.choices.find((entry) => event !== undefined && (entry.events as readonly string[]).includes(event));
  const route: Route<E> = {
    triggerKey: any.key,
    accepts: (event, bundle) => {
      const picked = selectedEvents(bundle);
      if (picked.length === 0) return !any.pickRequired;
      if (event === undefined) return kind === 'rest';
      return (expandSelection(any, picked) as string[]).includes(event) || picked.includes(event);
    },
    entryFor: findEntry,
  };
  const choices = Object.fromEntries(any.choices.filter((e) => !e.hidden).map((e) => [e.events[0], `${e.label} (${e.events[0]})`]));
  const eventsField = {
    key: EVENTS_INPUT,
    label: 'Events',
    helpText: any.pickRequired
      ? `Pick one or more ${adapter.name} events. The Zap runs for each; use Paths or Filter on the Event field to tell them apart.`
      : `Pick the ${adapter.name} events to pass on, or leave empty to pass on every event, including types ${adapter.name} adds later. Use Paths or Filter on the Event field to tell them apart.`,
    choices,
    list: true,
    required: any.pickRequired,
    altersDynamicFields: false,
  };
  const perform: Perform = (z, bundle) => processDelivery(z, bundle, adapter, route);
  const performList: Perform = async (z, bundle) => {
    const first = findEntry(selectedEvents(bundle)[0]) ?? any.choices[0];
    if (kind === 'rest') requireCredentials(z, bundle, adapter);
    const records = first ? await adapter.recent(z, bundle, first, SAMPLE_LIMIT) : null;
    return records && records.length > 0 ? records : [first?.sample ?? any.sample];
  };
  const base = {
    ...operationBase(any),
    inputFields: [eventsField, ...(adapter.triggerInputs ?? []).map(inputField)],
    perform,
    performList,
  };
  if (kind === 'static' || !('subscribe' in adapter)) {
    return { key: any.key, noun: any.noun, display: display(any, adapter.directions), operation: base };
  }
  const rest = adapter;
  return {
    key: any.key,
    noun: any.noun,
    display: display(any),
    operation: {
      ...base,
      performSubscribe: async (z: ZObject, bundle: Bundle) => {
        requireCredentials(z, bundle, rest);
        const picked = selectedEvents(bundle);
        if (picked.length === 0) throw new z.errors.Error(`Pick at least one ${rest.name} event for this trigger.`, 'InvalidInput');
        return rest.subscribe(z, bundle, expandSelection(any, picked));
      },
      performUnsubscribe: async (z: ZObject, bundle: Bundle) => {
        requireCredentials(z, bundle, rest);
        return rest.unsubscribe(z, bundle);
      },
    },
  };
};
