import type { JsonRecord, OutputField, Vendor } from '../../src/lib/catalog';
import { valueAt } from '../../src/lib/fields';
import { entriesOf } from '../../src/lib/vendor';
import { VENDORS } from '../../src/vendors';
import { type Capture, captureBundle } from './fixtures';
import { resetCache, run } from './runtime';

export { valueAt };

/** The labelled fields of a trigger, as the catalog holds them (the app gives them to the editor through functions). */
export const labelledFields = (triggerKey: string): readonly OutputField[] => {
  const entry = VENDORS.flatMap(entriesOf).find((e) => e.key === triggerKey);
  if (!entry) throw new Error(`no trigger ${triggerKey}`);
  return entry.outputFields;
};

/**
 * The labelled field lists of a vendor, once each: one per record kind (the triggers of a kind share
 * its list, so a wrong key fails once, naming the kind), and "New … Event"'s own.
 */
export const fieldListsOf = (vendor: Vendor): (readonly [string, readonly OutputField[], unknown])[] => {
  const kinds = [...new Set(vendor.entries.map((e) => e.kind))];
  const named = kinds.map((kind) => [`the ${kind.noun} kind`, kind.outputFields, kind.facts] as const);
  return vendor.anyEvent ? [...named, [vendor.anyEvent.label, vendor.anyEvent.outputFields, undefined] as const] : named;
};

/**
 * Runs a documented delivery through a trigger (the real runtime) and reports, of the trigger's
 * labelled output fields, those the documented body (or its decimal twin's amount) carries, and
 * those of them that came out empty.
 */
export const fidelityOf = async (
  triggerKey: string,
  capture: Capture,
  extra: JsonRecord = {},
  minorOf: (key: string) => string | undefined = () => undefined,
) => {
  resetCache();
  const body: unknown = JSON.parse(capture.content);
  const items = await run(triggerKey, 'perform', captureBundle(capture, extra));
  const item = items[0];
  const fields = labelledFields(triggerKey);
  const carried = fields.filter((f) => {
    const minor = minorOf(f.key);
    return valueAt(body, f.key) !== undefined || (minor !== undefined && valueAt(body, minor) !== undefined);
  });
  const empty = carried.filter((f) => valueAt(item, f.key) === undefined).map((f) => f.key);
  return { items, item, fields, carried: carried.map((f) => f.key), empty };
};

interface FidelitySpec {
  vendorId: string;
  /** Trigger key and fixture file (under test/vendors/<vendor>/fixtures/), each a delivery from the vendor's documented example. */
  examples: readonly (readonly [string, string])[];
  /** The output-field keys the vendor documents (`claim__title`, `transactions[]amount`). */
  documented: readonly string[];
  /** Documented keys left without a label, each with why (labelled under another key, an object whose parts are). */
  unlabelled?: Readonly<Record<string, string>>;
  /** The key of the amount a decimal twin stands for, if the key is a twin. */
  minorOf(key: string): string | undefined;
  /** Labelled keys the documentation does not have, on purpose: key → reason. */
  exceptions: Readonly<Record<string, string>>;
  /**
   * Labelled keys no example fills, each with why (a lookup, a value the examples happen to lack):
   * every other labelled field of a kind must come out filled from one of the kind's examples. A key
   * ending in `*` stands for every key it begins (`customer__*`).
   */
  notInExamples?: Readonly<Record<string, string>>;
}

/** The two fidelity checks of a vendor, from its documented examples and documented keys. */
export const describeFidelity = (spec: FidelitySpec) => {
  const { vendorOf } = require('./runtime') as typeof import('./runtime');
  const { loadCapture } = require('./fixtures') as typeof import('./fixtures');

  // A vendor that publishes no example (Romify) has only the second check.
  if (spec.examples.length > 0)
    describe(`${spec.vendorId} fidelity: documented examples through the app`, () => {
      it.each(spec.examples)('%s (%s): every labelled field the example carries comes out filled', async (key, file) => {
        const { items, carried, empty } = await fidelityOf(key, loadCapture(`vendors/${spec.vendorId}/fixtures/${file}`), {}, spec.minorOf);
        expect(items).toHaveLength(1);
        expect(carried.length).toBeGreaterThanOrEqual(2);
        expect(empty).toEqual([]);
      });
    });

  if (spec.examples.length > 0) describeKindCoverage(spec.vendorId, spec.examples, spec.notInExamples ?? {});

  if (spec.unlabelled)
    it(`${spec.vendorId} fidelity: every documented field is labelled, or says why not`, () => {
      const labelled = new Set(fieldListsOf(vendorOf(spec.vendorId)).flatMap(([, fields]) => fields.flatMap((f) => [f.key, spec.minorOf(f.key)])));
      expect(spec.documented.filter((k) => !labelled.has(k) && !Object.hasOwn(spec.unlabelled ?? {}, k))).toEqual([]);
    });

  describe(`${spec.vendorId} fidelity: no labelled field points at a key the vendor does not document`, () => {
    it.each(fieldListsOf(vendorOf(spec.vendorId)))('%s', (_name, fields) => {
      const unknown = fields
        .map((f) => f.key)
        .filter((k) => !spec.documented.includes(k) && !spec.documented.includes(spec.minorOf(k) ?? '') && !Object.hasOwn(spec.exceptions, k));
      expect(unknown).toEqual([]);
    });
  });
};

/**
 * Every labelled field of a kind, checked against the examples of that kind ("New … Event", against
 * them all, through its own trigger): filled by one of them, or a reason why none can
 * (`notInExamples`; a key ending in `*` stands for every key it begins).
 */
export const describeKindCoverage = (vendorId: string, examples: readonly (readonly [string, string])[], notInExamples: Readonly<Record<string, string>>) => {
  const { vendorOf } = require('./runtime') as typeof import('./runtime');
  const { loadCapture } = require('./fixtures') as typeof import('./fixtures');
  describe(`${vendorId} fidelity: every labelled field of a kind is filled by one of its examples`, () => {
    const vendor = vendorOf(vendorId);
    const kindOf = (key: string) => vendor.entries.find((e) => e.key === key)?.kind.facts;
    const anyKey = vendor.anyEvent?.key;
    const eventsOf = (key: string) => vendor.entries.find((e) => e.key === key)?.events.slice(0, 1) ?? [];
    // Through "New … Event", each example with its own trigger's event picked (Booqable subscribes to picked events only).
    const examplesOf = (facts: unknown): (readonly [string, string, JsonRecord])[] =>
      facts === undefined && anyKey
        ? examples.map(([key, file]) => [anyKey, file, { inputData: { events: eventsOf(key) } }] as const)
        : examples.filter(([key]) => kindOf(key) === facts).map(([key, file]) => [key, file, {}] as const);
    const lists = fieldListsOf(vendor).filter(([, , facts]) => examplesOf(facts).length > 0);
    const reasons = Object.keys(notInExamples);
    const explained = (k: string) => reasons.some((r) => (r.endsWith('*') ? k.startsWith(r.slice(0, -1)) : r === k));
    it.each(lists)('%s', async (_name, fields, facts) => {
      const filled = new Set<string>();
      for (const [key, file, extra] of examplesOf(facts)) {
        const { item } = await fidelityOf(key, loadCapture(`vendors/${vendorId}/fixtures/${file}`), extra);
        for (const f of fields) if (valueAt(item, f.key) !== undefined) filled.add(f.key);
      }
      expect(fields.map((f) => f.key).filter((k) => !filled.has(k) && !explained(k))).toEqual([]);
    });
  });
};
