import type { VendorApp } from '../src/app';
import type { JsonRecord } from '../src/lib/catalog';
import type { HookTrigger } from '../src/lib/triggers';
import { entriesOf } from '../src/lib/vendor';
import { VENDORS } from '../src/vendors';

/**
 * The fair peer: the same triggers written the conventional way, as a Zapier app usually is. Each
 * trigger carries its own copy of its sample, output fields and input fields, as plain static
 * lists (no shared objects, no field functions); the performs are ours.
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

export const conventionalPeer = async (app: VendorApp): Promise<VendorApp> => {
  const entries = new Map(VENDORS.flatMap((vendor) => entriesOf(vendor).map((entry) => [entry.key, entry] as const)));
  const triggers: Record<string, HookTrigger> = {};
  for (const [key, trigger] of Object.entries(app.triggers)) {
    const entry = entries.get(key)!;
    // A catch-all's fields for the picked events stay a function: they depend on the picks.
    const dynamic = (trigger.operation.outputFields ?? []).slice(1).filter((f) => typeof f === 'function');
    triggers[key] = {
      ...trigger,
      display: { ...trigger.display },
      operation: {
        ...trigger.operation,
        sample: copy(entry.sample) as JsonRecord,
        outputFields: [...(copy(entry.outputFields) as JsonRecord[]).map((f) => ({ key: String(f.key), ...f })), ...dynamic],
        inputFields: copy(await resolved(trigger.operation.inputFields)) as [],
      },
    };
  }
  return { ...app, triggers };
};
