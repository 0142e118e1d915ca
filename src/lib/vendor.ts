import type {
  AnyEventEntry,
  AnyEventRow,
  CatalogEntry,
  DeliveryAdapter,
  EventRow,
  JsonRecord,
  PollEntry,
  PollRow,
  RecordKind,
  SubscriptionAdapter,
  Vendor,
} from './catalog';
import { deliverySchemaOf } from './delivery-schemas';
import { projector } from './fields';
import { readGenerated } from './generated';
import { deliveryIdOf, itemOf } from './pipeline';
import { cached, fromShared, overlay, type SharedJson } from './values';

interface VendorDefinitionBase<E extends string, K extends string, Facts> {
  id: string;
  name: string;
  kinds: Record<K, RecordKind<Facts>>;
  rows: readonly EventRow<E, K>[];
  anyEvent?: AnyEventRow<E>;
  /** Triggers Zapier polls through the vendor's API (the adapter's `poll` lists their records). */
  polls?: readonly PollRow<K>[];
  /**
   * Said in the description of its instant triggers, where the trigger list shows it before a person
   * picks one: a limit of the vendor's webhooks (`single`: each event's trigger; `anyEvent`: "New … Event").
   */
  caveat?: { single: string; anyEvent: string };
}

type VendorDefinition<E extends string, K extends string, Facts> = VendorDefinitionBase<E, K, Facts> &
  ({ hooks: 'rest'; adapter: SubscriptionAdapter<E, Facts> } | { hooks: 'static'; adapter: DeliveryAdapter<E, Facts> });

/** The events of a catalog's rows, as a union type: no separate list to keep in step. */
export type EventsOf<Rows extends readonly { events: readonly string[] }[]> = Rows[number]['events'][number];

/** What the Zap gets for a vendor's body, as the pipeline makes it (a sample is one of these); `id`: the item's own, where not the delivery's. */
export const sampleOf = (adapter: DeliveryAdapter, body: JsonRecord, id = deliveryIdOf(adapter, body)): JsonRecord => itemOf(adapter, body, id);

/** An item with what a later step can look up for it, where every connection can (the sample shows it). */
export const withLookups = (item: JsonRecord, kind: RecordKind): JsonRecord =>
  kind.lookedUp && !kind.lookedUp.needs ? overlay(item, kind.lookedUp.values) : item;

/** One projection per record kind: its samples show its labelled fields. */
const projections = new Map<object, (item: JsonRecord) => JsonRecord>();

/** A row's sample as the pipeline makes it: the item its delivery becomes, with what every connection can look up, on the fields a person maps. */
export const computedSampleOf = <E extends string, Facts>(
  adapter: DeliveryAdapter<E, Facts>,
  entry: { kind: RecordKind<Facts>; body: JsonRecord },
  /** A polled record's own id (a delivery's comes from the adapter). */
  id?: string,
): JsonRecord => {
  const { kind } = entry;
  const project = cached(projections, kind, () => projector(kind.outputFields.map((f) => f.key)));
  return project(withLookups(sampleOf(adapter, entry.body, id), kind));
};

/**
 * Each row's sample as `npm run build` computed it (`src/tools/generate.ts`), each repeated record
 * once. Read, not computed, when the built app starts: running the pipeline over every sample was
 * most of a cold start's own work. Where there is none (the app run from `src/`, a vendor declared
 * in a test), a row's sample is computed.
 */
/** A vendor's samples as the build wrote them (one file a vendor: its own app reads only its own), or none. */
const builtSamplesOf = (vendorId: string): Record<string, JsonRecord | undefined> => {
  const built = readGenerated(`samples-${vendorId}.json`) as SharedJson | undefined;
  return (built ? fromShared(built) : {}) as Record<string, JsonRecord | undefined>;
};

/** The one place descriptions are written: one plain sentence, "Triggers when …", with the vendor's caveat in brackets. */
const describeRow = (row: Pick<EventRow, 'when'>, caveat?: string): string => `Triggers when ${row.when}${caveat ? ` (${caveat})` : ''}.`;

/** The set-up note of a row: its caveat, and what retirement means for a Zap. */
const noteOf = (vendorName: string, row: Pick<EventRow, 'note' | 'retired'>): string | undefined =>
  [row.retired ? `${vendorName} has retired this event: this trigger keeps working for existing Zaps and is not offered for new ones.` : undefined, row.note]
    .filter(Boolean)
    .join(' ') || undefined;

/** The one place labels of retired triggers are marked. */
const labelOf = (row: Pick<EventRow, 'label' | 'retired'>) => (row.retired ? `${row.label} (Deprecated)` : row.label);

/** The field of `event_title`, which the pipeline adds where one trigger takes several events. */
/** What the vendor posts is for tests, the workbench and a computed sample: made when first asked for, not at start-up. */
const onFirstUse = (make: () => JsonRecord): (() => JsonRecord) => {
  let made: JsonRecord | undefined;
  return () => {
    made ??= make();
    return made;
  };
};

const EVENT_TITLE_FIELD = { key: 'event_title', label: 'Event' };

/** Turns a vendor's rows and record kinds into its catalog: one entry per row, and "New … Event" if it has one. */
export const defineVendor = <E extends string, K extends string, Facts>(definition: VendorDefinition<E, K, Facts>): Vendor<E, Facts> => {
  const schema = deliverySchemaOf(definition.id);
  const GENERATED_SAMPLES = builtSamplesOf(definition.id);
  const entries: CatalogEntry<E, Facts>[] = definition.rows.map((row) => {
    const kind = definition.kinds[row.kind];
    const body = onFirstUse(() => kind.body(row.events[0]!));
    const note = noteOf(definition.name, row);
    return {
      key: row.key,
      label: labelOf(row),
      noun: kind.noun,
      description: describeRow(row, definition.caveat?.single),
      events: row.events,
      hidden: Boolean(row.hidden || row.retired),
      retired: Boolean(row.retired),
      ...(note ? { note } : {}),
      ...(row.inputs ? { inputs: row.inputs } : {}),
      kind,
      get body() {
        return body();
      },
      sample: GENERATED_SAMPLES[row.key] ?? computedSampleOf(definition.adapter, { kind, body: body() }),
      outputFields: kind.outputFields,
      schema,
    };
  });
  const any = definition.anyEvent;
  let anyEvent: AnyEventEntry<E, Facts> | undefined;
  if (any) {
    const stand = entries.find((e) => e.key === any.sampleOf);
    if (!stand) throw new Error(`${definition.name}: "New … Event" takes its sample from ${any.sampleOf}, which is not a row`);
    anyEvent = {
      key: any.key,
      label: any.label,
      noun: 'Event',
      description: describeRow(any, definition.caveat?.anyEvent),
      choices: entries,
      get body() {
        return stand.body;
      },
      // Where one trigger takes several events, each item names its event in words (the pipeline adds it).
      sample: { ...stand.sample, event_title: stand.label },
      outputFields: [...any.outputFields, EVENT_TITLE_FIELD],
      schema,
    };
  }
  const polls: PollEntry<Facts>[] = (definition.polls ?? []).map((row) => {
    const kind = definition.kinds[row.kind];
    const body = onFirstUse(() => kind.body(row.key));
    return {
      key: row.key,
      label: row.label,
      noun: kind.noun,
      description: describeRow(row),
      ...(row.note ? { note: row.note } : {}),
      ...(row.inputs ? { inputs: row.inputs } : {}),
      kind,
      get body() {
        return body();
      },
      sample: GENERATED_SAMPLES[row.key] ?? computedSampleOf(definition.adapter, { kind, body: body() }, String(body().id)),
      outputFields: kind.outputFields,
    };
  });
  const base = { id: definition.id, name: definition.name, entries, polls, ...(anyEvent ? { anyEvent } : {}) };
  return definition.hooks === 'rest' ? { ...base, hooks: 'rest', adapter: definition.adapter } : { ...base, hooks: 'static', adapter: definition.adapter };
};

/** Every entry of a vendor, "New … Event" last. */
export const entriesOf = (vendor: Vendor): readonly (CatalogEntry | AnyEventEntry)[] => [...vendor.entries, ...(vendor.anyEvent ? [vendor.anyEvent] : [])];

/** The catalog entry with this trigger key, among the given vendors. */
export const entryByKey = (vendors: readonly Vendor[], key: string): CatalogEntry | undefined => vendors.flatMap((v) => v.entries).find((e) => e.key === key);
