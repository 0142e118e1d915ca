import type { Bundle, ZObject } from 'zapier-platform-core';
import type { JsonSchema } from './json-schema';

export type JsonRecord = Record<string, unknown>;

export type VendorId = 'booqable' | 'romify' | 'boom' | 'claimable';

/** An output field as Zapier shows it to a person mapping data ("Customer Email"). */
export interface OutputField {
  key: string;
  label: string;
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'datetime';
}

/** One trigger, written as data. The key is permanent once users build Zaps on it. */
export interface CatalogEntry<E extends string = string> {
  key: string;
  label: string;
  /** Completes "triggers on a new …" ("Invoice"). */
  noun: string;
  description: string;
  /** Every vendor event name this trigger fires on (older spellings included). */
  events: readonly E[];
  /** Kept working for existing Zaps, not offered to new ones. */
  hidden?: boolean;
  sample: JsonRecord;
  outputFields: readonly OutputField[];
  /** Lenient payload schema (JSON Schema compiled from zod): checks the sample in tests and types in deliveries; never drops fields. */
  schema: JsonSchema;
  /** Where real recent records come from for "Test trigger"; vendor-specific meaning. */
  resource?: string;
}

/** The "any event" trigger of a vendor: the user picks events, or takes every one. */
export interface AnyEventEntry<E extends string = string> extends Omit<CatalogEntry<E>, 'events'> {
  anyEvent: true;
  /** The events offered in the picker. */
  choices: readonly CatalogEntry<E>[];
  /** Must the user pick at least one (REST hooks subscribe to a list), or may none mean all? */
  pickRequired: boolean;
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

export interface Credentials {
  /** Auth fields of this vendor, in the shared connection. */
  fields: readonly AuthFieldDef[];
  /** The fields a trigger of this vendor cannot work without. */
  required: readonly string[];
}

export interface AuthFieldDef {
  key: string;
  label: string;
  helpText: string;
  type?: 'string' | 'password';
  choices?: Record<string, string>;
  default?: string;
}

/** Vendor specifics that every delivery needs, whatever the trigger kind. */
export interface DeliveryAdapter<E extends string = string> {
  id: VendorId;
  name: string;
  credentials: Credentials;
  /** Is anything of this vendor filled in the connection? */
  isConnected(authData: JsonRecord): boolean;
  /** One cheap authenticated call; throws a mapped error naming the field to fix. */
  testConnection(z: ZObject, bundle: Bundle): Promise<void>;
  /** The event name this delivery carries, in the catalog's spelling, if it says one. */
  eventOf(delivery: Delivery, bundle: Bundle): E | string | undefined;
  /** Authenticity: a forged delivery must not reach the Zap. */
  verify(delivery: Delivery, bundle: Bundle): Verdict;
  /** The item id: the vendor's delivery id, or one derived so a retry repeats it. */
  deliveryId(body: JsonRecord, delivery: Delivery): string;
  /** Adds derived, human-friendly fields; must never throw on odd input. */
  normalise(body: JsonRecord): JsonRecord;
  /** Real recent records shaped like deliveries, or null where none can be had. */
  recent(z: ZObject, bundle: Bundle, entry: CatalogEntry<E>, limit: number): Promise<JsonRecord[] | null>;
  /** Text for instant triggers: what the user does with the Zap's URL. */
  directions?: string;
  /** Extra input fields every trigger of this vendor shows (e.g. a source filter). */
  triggerInputs?: readonly TriggerInput[];
  /** Decide from the user's inputs whether this delivery is for the Zap. */
  accepts?(body: JsonRecord, inputData: JsonRecord): Verdict;
}

export interface TriggerInput {
  key: string;
  label: string;
  helpText: string;
  choices: Record<string, string>;
  default?: string;
}

export interface Subscription {
  id: string;
  [key: string]: unknown;
}

/** Vendors with a subscription API (REST hooks). */
export interface SubscriptionAdapter<E extends string = string> extends DeliveryAdapter<E> {
  subscribe(z: ZObject, bundle: Bundle, events: readonly E[]): Promise<Subscription>;
  unsubscribe(z: ZObject, bundle: Bundle): Promise<JsonRecord>;
}

interface VendorBase<E extends string> {
  entries: readonly CatalogEntry<E>[];
  anyEvent?: AnyEventEntry<E>;
}

/** A vendor: its adapter, how its triggers get deliveries, and its catalog. */
export type Vendor<E extends string = string> =
  | (VendorBase<E> & { kind: 'rest'; adapter: SubscriptionAdapter<E> })
  | (VendorBase<E> & { kind: 'static'; adapter: DeliveryAdapter<E> });
