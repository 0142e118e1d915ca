import type { VendorApp } from '../src/app';
import type { JsonRecord } from '../src/lib/catalog';
import { type AppTrigger, isHook } from '../src/lib/triggers';
import { entriesOf } from '../src/lib/vendor';
import { VENDORS } from '../src/vendors';

/**
 * The fair peers: the same triggers written the conventional way, as a Zapier app usually is, with
 * plain static field lists (no field functions) and each trigger's own copy of its sample; the
 * performs are ours. The plain peer gives every trigger its own copy of its field lists too; the
 * sharing peer (`share`) gives the triggers of one record kind one list, as a hand-written app
 * would declare `const ORDER_FIELDS = [...]` once. Core's deep copy copies a shared list once.
 */

const copy = (value: unknown): unknown =>
  typeof value === 'function'
    ? value
    : Array.isArray(value)
      ? value.map(copy)
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]))
        : value;

/** A list of fields, functions resolved into the plain fields they give. */
const resolved = async (fields: readonly unknown[] | undefined): Promise<unknown[]> =>
  (await Promise.all((fields ?? []).map(async (f) => (typeof f === 'function' ? ((await f({}, { inputData: {} })) as unknown[]) : [f])))).flat();

export const conventionalPeer = async (app: VendorApp, { share = false } = {}): Promise<VendorApp> => {
  // A list equal to one already made is that one, when sharing: equal lists are one kind's fields.
  const made = new Map<string, unknown>();
  const list = <T>(value: T): T => {
    if (!share) return copy(value) as T;
    const text = JSON.stringify(value);
    if (!made.has(text)) made.set(text, copy(value));
    return made.get(text) as T;
  };
  const entries = new Map(VENDORS.flatMap((vendor) => [...entriesOf(vendor), ...vendor.polls].map((entry) => [entry.key, entry] as const)));
  const triggers: Record<string, AppTrigger> = {};
  for (const [key, trigger] of Object.entries(app.triggers)) {
    const entry = entries.get(key)!;
    // A catch-all's fields for the picked events stay a function: they depend on the picks.
    const dynamic = (trigger.operation.outputFields ?? []).slice(1).filter((f) => typeof f === 'function');
    const fields = list(entry.outputFields.map((f) => ({ ...f })));
    const operation = {
      sample: copy(entry.sample) as JsonRecord,
      outputFields: dynamic.length ? [...fields, ...dynamic] : fields,
      inputFields: list(await resolved(trigger.operation.inputFields)) as [],
    };
    // The same for both kinds of trigger: the branches only tell the type checker which it is.
    triggers[key] = isHook(trigger)
      ? { ...trigger, display: { ...trigger.display }, operation: { ...trigger.operation, ...operation } }
      : { ...trigger, display: { ...trigger.display }, operation: { ...trigger.operation, ...operation } };
  }
  return { ...app, triggers };
};
