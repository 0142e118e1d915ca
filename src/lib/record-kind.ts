import type { JsonRecord, OutputField, RecordKind } from './catalog';
import { mapRecord } from './values';

/**
 * One record kind as a vendor declares it in its `kinds.ts`: the record its deliveries carry and the
 * fields a person maps, side by side. A field is one edit: its value in `record`, its label in
 * `outputFields` (keys are paths in the item: `data__customer__email`, `data__lines[]title`).
 */
export interface KindDefinition<Facts> {
  /** Completes "triggers on a new …" ("Order"). */
  noun: string;
  /** The record as the vendor's documentation shows it (values invented): what `body` puts in a delivery. */
  record: JsonRecord;
  /** Its labelled fields, in the editor's order, after the fields every delivery of the vendor has. */
  outputFields: readonly OutputField[];
  /** What the vendor's adapter needs to know of this kind (where a delivery carries it, which list gives real ones). */
  facts: Facts;
  /** What the vendor's lookups add to this kind's items, as they give it (see `RecordKind.lookedUp`). */
  lookedUp?: JsonRecord;
}

/** What a vendor's kinds share: the body around each record, the fields every delivery has, what its lookups need. */
interface KindsOfVendor<K extends string, Facts> {
  /** The body the vendor posts for an event of a kind, its record as that event leaves it. */
  body(event: string, record: JsonRecord, facts: Facts): JsonRecord;
  /** Fields every delivery of the vendor has (its id, its event), shown before each kind's own. */
  sharedFields: readonly OutputField[];
  /** The optional credential the vendor's lookups need, if they need one: their fields say so and stay out of samples. */
  lookupsNeed?: string;
  kinds: Record<K, KindDefinition<Facts>>;
}

/** A vendor's record kinds, every vendor's in the one form the catalog reads. */
export const defineKinds = <K extends string, Facts>({ body, sharedFields, lookupsNeed, kinds }: KindsOfVendor<K, Facts>): Record<K, RecordKind<Facts>> =>
  mapRecord(kinds, (kind) => ({
    noun: kind.noun,
    body: (event: string) => body(event, kind.record, kind.facts),
    outputFields: [...sharedFields, ...kind.outputFields],
    facts: kind.facts,
    ...(kind.lookedUp ? { lookedUp: { values: kind.lookedUp, ...(lookupsNeed ? { needs: lookupsNeed } : {}) } } : {}),
  }));
