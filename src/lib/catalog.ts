import type { Bundle, ZObject } from 'zapier-platform-core';
import type { DeliveryId } from './dedupe';
import type { JsonSchema } from './json-schema';

export type JsonRecord = Record<string, unknown>;

/** An output field as Zapier shows it to a person mapping data ("Customer Email"). */
export interface OutputField {
  key: string;
  label: string;
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'datetime';
}

/**
 * A kind of record a vendor's deliveries carry ("Invoice", "Enrollment"): how a person sees it,
 * what the vendor posts, and what its adapter needs to know of it (`facts`, typed per vendor).
 */
export interface RecordKind<Facts = unknown> {
  /** Completes "triggers on a new …". */
  noun: string;
  /** The body the vendor posts for this event: the trigger's sample is this body run through the pipeline. */
  body(event: string): JsonRecord;
  outputFields: readonly OutputField[];
  /** What the vendor's adapter needs to know of this kind: where a delivery carries it, which list gives real records for "Test trigger". */
  facts: Facts;
  /**
   * What the adapter looks up for this kind's items when a later Zap step asks (see
   * `DeliveryAdapter.enrich`), as the lookup gives it. Shown in the sample where every connection
   * can look it up; where a lookup needs an optional credential (`needs`), a delivery without it
   * has none of it, so the sample does not show it and its fields' labels say what they need.
   */
  lookedUp?: { values: JsonRecord; needs?: string };
}

/** One row of a vendor's catalog: one trigger. */
/** What every trigger's row says, whether the vendor posts its events or Zapier polls for them. */
interface TriggerRow<K extends string = string> {
  /** Permanent once users build Zaps on it: `<vendor>_<event>`. */
  key: string;
  /** What a person searches for ("Invoice Finalized"). */
  label: string;
  /** Completes "Triggers when …" ("an invoice is finalized in <Vendor>"). */
  when: string;
  /** The record kind its items are. */
  kind: K;
  /** A caveat particular to the trigger, shown in its set-up (not in its one-sentence description). */
  note?: string;
  /** Set-up choices of this trigger alone (the adapter's `matchesInputs`, or its `poll`, applies them). */
  inputs?: readonly TriggerInput[];
}

export interface EventRow<E extends string = string, K extends string = string> extends TriggerRow<K> {
  /** The vendor event names it fires on; the first is the one it is known by, the others older or newer spellings. */
  events: readonly E[];
  /** Retired by the vendor: hidden from new Zaps and from "New … Event", kept working for existing ones. */
  retired?: boolean;
  /** Hidden from the trigger list (developer and admin events) but offered in the vendor's "New … Event". */
  hidden?: boolean;
}

/**
 * A trigger Zapier polls (every few minutes): the vendor's API lists what happened, so any number of
 * Zaps can use it, with the connection's API credentials.
 */
export type PollRow<K extends string = string> = TriggerRow<K>;

/** A row turned into what every trigger needs. */
interface TriggerEntry<Facts = unknown> {
  key: string;
  label: string;
  noun: string;
  description: string;
  /** Shown in the trigger's set-up: the row's caveat (and, for a retired event, what retirement means). */
  note?: string;
  /** Set-up choices of this trigger alone. */
  inputs?: readonly TriggerInput[];
  kind: RecordKind<Facts>;
  /** The body the vendor posts for this trigger's event, or one record as its API lists it (tests, fixtures, the workbench and the benchmark start from it). */
  body: JsonRecord;
  /** What the Zap gets for that body. */
  sample: JsonRecord;
  outputFields: readonly OutputField[];
}

/** A polling row turned into everything its trigger needs. */
export type PollEntry<Facts = unknown> = TriggerEntry<Facts>;

/** The "New <Vendor> Event" trigger: several events in one Zap. */
export interface AnyEventRow<E extends string = string> {
  key: string;
  label: string;
  when: string;
  /** The row whose sample stands for this trigger. */
  sampleOf: string;
  /** Fields every event carries. */
  outputFields: readonly OutputField[];
  /** Hidden for the type checker only: ties the row to the vendor's events. */
  readonly _events?: E;
}

/** A catalog row turned into everything its trigger needs. */
export interface CatalogEntry<E extends string = string, Facts = unknown> extends TriggerEntry<Facts> {
  events: readonly E[];
  /** Not in the trigger list (retired, or a developer and admin event). */
  hidden: boolean;
  /** Retired by the vendor: not offered anywhere, kept working. */
  retired: boolean;
  /** Lenient payload schema: checks the sample in tests and types in deliveries; never drops fields. */
  schema: JsonSchema;
}

export interface AnyEventEntry<E extends string = string, Facts = unknown> {
  key: string;
  label: string;
  noun: string;
  description: string;
  /** The events offered in the picker (hidden entries are not offered but still match). */
  choices: readonly CatalogEntry<E, Facts>[];
  body: JsonRecord;
  sample: JsonRecord;
  outputFields: readonly OutputField[];
  schema: JsonSchema;
}

/** What arrived at the Zap's URL, as zapier-platform-core hands it to `perform`. */
export interface Delivery {
  body: unknown;
  /** Header names lower-cased, without Zapier's `Http-` prefix. */
  headers: Record<string, string>;
  /** The raw body text, when Zapier passed it. */
  content: string;
}

export type Verdict = { ok: true } | { ok: false; reason: string };

interface AuthFieldDef {
  key: string;
  label: string;
  helpText: string;
  type?: 'string' | 'password';
  choices?: Record<string, string>;
  default?: string;
  /** How the value sits in an address, shown around the input (`https://{{input}}.example.com`). */
  inputFormat?: string;
}

interface Credentials {
  /** Auth fields of this vendor, in the shared connection. */
  fields: readonly AuthFieldDef[];
  /** The fields a trigger of this vendor cannot work without. */
  required: readonly string[];
}

export interface TriggerInput {
  key: string;
  label: string;
  helpText: string;
  choices: Record<string, string>;
  default?: string;
  /** Several choices may be picked. */
  list?: boolean;
}

/** Hydrator functions by name, as the app holds them. */
export type Hydrators = Record<string, (z: ZObject, bundle: Bundle) => Promise<JsonRecord>>;

/**
 * A dehydration pointer to one of the vendor's `hydrators`, by name: `z.dehydrate` finds a hydrator
 * by identity in the app, and the app may hold it wrapped (see `keepOtherVendorsRunning`). Null
 * where the input is too large to be an id (Zapier refuses such a pointer).
 */
type Lookup = (hydrator: string, inputData: JsonRecord) => unknown;

/** Vendor specifics that every delivery needs, whatever the trigger kind. */
export interface DeliveryAdapter<E extends string = string, Facts = unknown> {
  credentials: Credentials;
  /** Is anything of this vendor filled in the connection? */
  isConnected(authData: JsonRecord): boolean;
  /** Which account of the vendor the connection is for (a subdomain, an environment), for the connection's label. */
  accountOf?(authData: JsonRecord): string | undefined;
  /** One cheap authenticated call; throws a mapped error naming the field to fix. */
  testConnection(z: ZObject, bundle: Bundle): Promise<void>;
  /**
   * The event comes from the trigger's own subscription, not from the body (the vendor's bodies name
   * none): a delivery that names no event is then still this trigger's. Elsewhere it fires nothing.
   */
  eventFromSubscription?: boolean;
  /** The event name this delivery carries, in the catalog's spelling, if it says one (`subscription`: what a REST hook's subscribe returned). */
  eventOf(delivery: Delivery, subscription: JsonRecord | undefined): E | string | undefined;
  /** Authenticity: a forged delivery must not reach the Zap. */
  verify(delivery: Delivery, bundle: Bundle): Verdict;
  /**
   * The header a delivery carries that holds a connection credential (a shared secret), where the
   * vendor sends one: `verify` checks it, and the workbench adds it to its curl lines and masks it in captures.
   */
  secretHeader?: { name: string; credential: string };
  /**
   * How long the vendor's documented retries of one delivery take, in seconds: a delivery identified by
   * a hash of its body is suppressed only within it. None documented: a body hash suppresses nothing.
   */
  retryWindowSeconds?: number;
  /** The delivery's id for de-duplication: the vendor's delivery id, or one derived so that a retry repeats it. */
  deliveryId(body: JsonRecord, delivery: Delivery): DeliveryId;
  /** The item id a person sees, where it differs from the delivery id (the record's own id); the delivery id otherwise. */
  itemId?(body: JsonRecord): string | undefined;
  /**
   * Does the body look like the record kind of this trigger? Asked only where no subscription says what
   * arrives (a vendor with `eventFromSubscription` is then asked only without one: the workbench).
   */
  carries?(body: JsonRecord, entry: CatalogEntry<E, Facts>): Verdict;
  /** Fields the vendor documents as secrets: removed at any depth from every item and every lookup's answer. */
  secretFields?: readonly string[];
  /** Adds derived, human-friendly fields; must never throw on odd input. */
  normalise(body: JsonRecord): JsonRecord;
  /**
   * Adds what the delivery lacks and the vendor's API has (a name where the delivery has an id),
   * as Zapier's dehydration pointers to `hydrators`: the API is called only when a later step uses them.
   */
  enrich?(z: ZObject, bundle: Bundle, item: JsonRecord, lookup: Lookup): JsonRecord;
  /** The functions the pointers of `enrich` name; keys are the vendor id and a name in camelCase (`acmeCustomer`: Zapier allows letters and digits only, and vendors share one app). */
  hydrators?: Hydrators;
  /** Real recent records shaped like deliveries, or null where none can be had. */
  recent(z: ZObject, bundle: Bundle, entry: CatalogEntry<E, Facts>, limit: number): Promise<JsonRecord[] | null>;
  /**
   * The newest records a polling trigger takes, newest first, each with its own stable `id` (Zapier's
   * polling de-duplicates by it: a record in a new state needs a new id). Fails naming the credential
   * it needs where the connection lacks it.
   */
  poll?(z: ZObject, bundle: Bundle, entry: PollEntry<Facts>): Promise<JsonRecord[]>;
  /** Text for instant triggers: what the user does with the Zap's URL, for a trigger of these events (none: "New … Event"). */
  directions?(events: readonly string[] | undefined): string;
  /** Extra input fields every trigger of this vendor shows (e.g. a source filter). */
  triggerInputs?: readonly TriggerInput[];
  /** Does this delivery match what the user chose in the trigger's inputs? */
  matchesInputs?(body: JsonRecord, inputData: JsonRecord): Verdict;
}

interface Subscription {
  id: string;
  [key: string]: unknown;
}

/** Vendors with a subscription API (REST hooks). */
export interface SubscriptionAdapter<E extends string = string, Facts = unknown> extends DeliveryAdapter<E, Facts> {
  subscribe(z: ZObject, bundle: Bundle, events: readonly E[]): Promise<Subscription>;
  unsubscribe(z: ZObject, bundle: Bundle): Promise<JsonRecord>;
}

interface VendorBase<E extends string, Facts> {
  /** Lower-case id: the prefix of every trigger key, the folder name, the workbench path. */
  id: string;
  /** The vendor's name as people know it. */
  name: string;
  entries: readonly CatalogEntry<E, Facts>[];
  anyEvent?: AnyEventEntry<E, Facts>;
  /** Its polling triggers, where its API lists what happened. */
  polls: readonly PollEntry<Facts>[];
}

/**
 * A vendor: its catalog, and how its triggers get deliveries. `rest`: the Zap subscribes through the
 * vendor's API; `static`: the user hands the Zap's URL to the vendor.
 */
export type Vendor<E extends string = string, Facts = unknown> =
  | (VendorBase<E, Facts> & { hooks: 'rest'; adapter: SubscriptionAdapter<E, Facts> })
  | (VendorBase<E, Facts> & { hooks: 'static'; adapter: DeliveryAdapter<E, Facts> });
