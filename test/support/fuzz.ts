import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { buildApp } from '../../src/app';
import type { Hydrators, JsonRecord, Vendor } from '../../src/lib/catalog';
import { type HookTrigger, isHook } from '../../src/lib/triggers';
import { isRecord, mapRecord } from '../../src/lib/values';
import { entriesOf } from '../../src/lib/vendor';
import { zapierRequest } from '../../src/workbench/zapier-request';
import { secretsOf, type VendorHarness, type VendorUnderTest } from './harness';
import { singleTriggerTester } from './runtime';

/**
 * Property-based fuzzing of every trigger's `perform`, through the real zapier-platform-core runtime.
 *
 * CI runs FUZZ_RUNS (1,000) cases per trigger with the fixed FUZZ_SEED; run more, or a new seed, with
 *   FUZZ_RUNS=20000 FUZZ_SEED=random npx jest test/reliability/fuzz
 * A failure prints the seed and path that replay it (fast-check's own report).
 */
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const FUZZ_SEED = process.env.FUZZ_SEED === 'random' ? Date.now() : Number(process.env.FUZZ_SEED ?? 20261122);

/** Zapier's own error classes: the only ones a perform may throw. */
const ZAPIER_ERRORS = new Set(['HaltedError', 'AppError', 'ThrottledError', 'ExpiredAuthError', 'RefreshAuthError']);

interface FuzzTarget {
  key: string;
  trigger: HookTrigger;
  vendor: Vendor;
  harness: VendorHarness;
  /** What the vendor posts for this trigger: the body the mutations start from. */
  delivery: JsonRecord;
  /** The event the delivery names. */
  event: string;
  /** Every event of the vendor, for the any-event trigger's picker. */
  allEvents: readonly string[];
  anyEvent: boolean;
  /** The hydrators of the vendor's app, which the trigger's lookup pointers name. */
  hydrators: Hydrators;
}

/** Every trigger of the given vendors, with what fuzzing it needs. */
export const fuzzTargets = (vendors: readonly VendorUnderTest[]): FuzzTarget[] =>
  vendors.flatMap(({ vendor, harness }) => {
    const allEvents = vendor.entries.flatMap((e) => [...e.events]);
    const app = buildApp([vendor]);
    // Deliveries reach hook triggers only: a polling trigger is fuzzed through its vendor's API answers (the fault suite).
    const triggers = new Map(
      Object.values(app.triggers)
        .filter(isHook)
        .map((t) => [t.key, t]),
    );
    return entriesOf(vendor).map((entry) => ({
      key: entry.key,
      trigger: triggers.get(entry.key)!,
      vendor,
      harness,
      delivery: entry.body,
      event: ('events' in entry ? entry : vendor.entries.find((e) => e.body === entry.body))?.events[0] ?? allEvents[0]!,
      allEvents,
      anyEvent: 'choices' in entry,
      hydrators: app.hydrators,
    }));
  });

// ---- values and mutations -------------------------------------------------------------------

type Path = (string | number)[];

// Far longer than any field a vendor documents (10,000 characters and more).
const LONG_STRINGS = ['é'.repeat(10_000), '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩‍👩‍👧‍👦 '.repeat(800), 'שלום عربى '.repeat(1_200), 'a\u0000b\u202ec\ud800'.repeat(2_000)];

// Characters that break naive code: NUL, controls, BOM, bidi overrides, combining marks, emoji
// sequences, astral letters and lone surrogates. (fast-check's full-unicode unit costs 60 MB.)
const ODD_CHARS = [
  '\u0000',
  '\u0007',
  '\n',
  '\t',
  '"',
  '\\',
  '\ufeff',
  '\u202e',
  '\u0301',
  '👩‍👩‍👧',
  '𝔘',
  '\ud800',
  '\udfff',
  'é',
  'ß',
  '中',
  'ا',
  '$',
  '{',
  '.',
];
const char = fc.oneof(fc.constantFrom(...ODD_CHARS), fc.string({ minLength: 1, maxLength: 1 }));
const unicodeText = fc.string({ unit: char, maxLength: 40 });
const rawText = fc.string({ unit: char, maxLength: 200 });

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  unicodeText,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constant(null),
  fc.boolean(),
  fc.constantFrom('', ' ', '0', 'null', 'undefined', '__proto__', 'constructor', '2026-13-45T99:99:99Z', '-1e309'),
  fc.constantFrom(...LONG_STRINGS),
  fc.jsonValue({ maxDepth: 2 }),
  fc.constant({}),
  fc.constant([]),
);

type Mutation =
  | { kind: 'remove'; pick: number }
  | { kind: 'retype'; pick: number; value: unknown }
  | { kind: 'rename'; pick: number; name: string }
  | { kind: 'nest'; pick: number; depth: number; asArray: boolean };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('retype' as const), pick: fc.nat(), value: anyValue }),
  fc.record({
    kind: fc.constant('rename' as const),
    pick: fc.nat(),
    name: fc.oneof(unicodeText, fc.constantFrom('id', 'event', 'event_name', 'request_id', 'source_id', '__proto__', 'toString')),
  }),
  fc.record({ kind: fc.constant('nest' as const), pick: fc.nat(), depth: fc.integer({ min: 1, max: 60 }), asArray: fc.boolean() }),
);

/** A path into a JSON value chosen by `pick`: at each level stop, or go into one of the children. */
const pathAt = (root: unknown, pick: number): Path => {
  const path: Path = [];
  let node = root;
  let rest = pick;
  for (;;) {
    const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : isRecord(node) ? Object.keys(node) : [];
    if (keys.length === 0) return path;
    // Always go one level into the root; below it, stopping is one more choice.
    const choices = path.length === 0 ? keys.length : keys.length + 1;
    const choice = rest % choices;
    rest = Math.floor(rest / choices);
    if (choice === keys.length) return path;
    const key = keys[choice]!;
    path.push(key);
    node = (node as Record<string | number, unknown>)[key];
    if (rest === 0) return path;
  }
};

const parentOf = (root: unknown, path: Path): Record<string | number, unknown> =>
  path.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root) as Record<string | number, unknown>;

const define = (target: Record<string | number, unknown>, key: string | number, value: unknown) =>
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });

const apply = (body: unknown, m: Mutation): unknown => {
  const path = pathAt(body, m.pick);
  if (path.length === 0) return body;
  const parent = parentOf(body, path);
  const key = path[path.length - 1]!;
  const current = parent[key];
  switch (m.kind) {
    case 'remove':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      break;
    case 'retype':
      define(parent, key, m.value);
      break;
    case 'rename':
      if (!Array.isArray(parent)) {
        delete parent[key];
        define(parent, m.name, current);
      }
      break;
    case 'nest': {
      let nested: unknown = current;
      for (let i = 0; i < m.depth; i += 1) nested = m.asArray ? [nested] : { deeper: nested };
      define(parent, key, nested);
      break;
    }
  }
  return body;
};

/** The sample, broken in 0–6 ways. */
const mutatedSample = (sample: JsonRecord) => fc.array(mutation, { maxLength: 6 }).map((ms) => ms.reduce<unknown>(apply, structuredClone(sample)));

interface FuzzCase {
  /** What Zapier parsed (cleanedRequest): from `content` as Zapier would, unless a case makes them disagree. */
  cleaned: unknown;
  content: string;
  headers: Record<string, string | string[]>;
  authData: Record<string, string>;
  inputData: Record<string, unknown>;
  subscribeData?: Record<string, unknown>;
}

const json = (body: unknown) => JSON.stringify(body) ?? '';

/** Raw text, parsed the way Zapier parses it. */
const asSent = (content: string) => ({ content, cleaned: zapierRequest(content, {}).cleanedRequest });

const bodyAndContent = (sample: JsonRecord): fc.Arbitrary<Pick<FuzzCase, 'cleaned' | 'content'>> =>
  fc.oneof(
    { weight: 12, arbitrary: mutatedSample(sample).map((b) => asSent(json(b))) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((b) => asSent(json(b))) },
    { weight: 1, arbitrary: fc.array(mutatedSample(sample), { maxLength: 3 }).map((b) => asSent(json(b))) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('', ' ', 'null', '[]', '{}', '"text"', '0', 'not json', '<html><body>502</body></html>', '{"truncated": ').map(asSent),
    },
    { weight: 1, arbitrary: rawText.map(asSent) },
    // What Zapier parsed disagrees with the raw text (a form post, a proxy rewriting it).
    { weight: 1, arbitrary: fc.tuple(fc.jsonValue({ maxDepth: 3 }), fc.string({ maxLength: 50 })).map(([cleaned, content]) => ({ cleaned, content })) },
  );

/** A header value: as sent, missing, empty, repeated, or garbage. */
const headerVariant = (value: string): fc.Arbitrary<string | string[] | undefined> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(value) },
    fc.constant(undefined),
    fc.constant(''),
    fc.constant([value, value] as string[]),
    fc.constant(`${value}, ${value}`),
    unicodeText,
  );

const withHeaders = (headers: Record<string, string | string[] | undefined>) =>
  Object.fromEntries(Object.entries(headers).filter((e): e is [string, string | string[]] => e[1] !== undefined));

/** The vendor's own context of a delivery: its headers, the connection, the trigger's inputs. */
const contextFor = (target: FuzzTarget): fc.Arbitrary<Omit<FuzzCase, 'cleaned' | 'content'>> => {
  const { vendor, harness } = target;
  const event = target.event;
  const eventPick = target.anyEvent
    ? fc.oneof(
        { weight: 4, arbitrary: fc.constant([event]) },
        fc.constant([]),
        fc.subarray([...target.allEvents], { maxLength: 3 }),
        fc.array(fc.string({ maxLength: 10 }), { maxLength: 2 }),
        fc.constant('a,b'),
      )
    : fc.constant(undefined);
  // Each of the vendor's trigger inputs: unset, one of its choices, or a value it does not offer.
  const inputs = (vendor.adapter.triggerInputs ?? []).map((input) =>
    fc.constantFrom(undefined, ...Object.keys(input.choices), 'nonsense').map((value) => (value === undefined ? {} : { [input.key]: value })),
  );
  return fc.record({
    headers: fc.record({ 'content-type': headerVariant('application/json'), ...mapRecord(harness.deliveryHeaders(event), headerVariant) }).map(withHeaders),
    authData: fc.constantFrom(...harness.deliveryAuthData),
    inputData: fc.tuple(eventPick, ...inputs).map(([events, ...chosen]) => Object.assign(events === undefined ? {} : { events }, ...chosen)),
    subscribeData: harness.subscribeData ? fc.constantFrom(...harness.subscribeData(event)) : fc.constant(undefined),
  });
};

const deliveries = (target: FuzzTarget): fc.Arbitrary<FuzzCase> =>
  fc.tuple(bodyAndContent(target.delivery), contextFor(target)).map(([body, context]) => ({ ...context, ...body }));

// ---- running and checking ----------------------------------------------------------------------

/** Runs a generated case through the real runtime (a fresh de-duplication cache each time). */
const testerFor = (target: FuzzTarget) => {
  const tester = singleTriggerTester(target.trigger, { hydrators: target.hydrators });
  return (c: FuzzCase): Promise<unknown> => {
    const rawHeaders = Object.fromEntries(Object.entries(c.headers).map(([k, v]) => [`Http-${k}`, v]));
    return tester({
      authData: c.authData,
      inputData: c.inputData,
      subscribeData: c.subscribeData,
      cleanedRequest: c.cleaned,
      // Headers as generated (missing, repeated, arrays), not as zapierRequest would tidy them.
      rawRequest: { ...zapierRequest(c.content, {}).rawRequest, headers: rawHeaders },
    });
  };
};

/** Leaves of a JSON value with their paths; an empty object or array is a leaf. */
const leavesOf = (value: unknown, prefix: Path = []): [Path, unknown][] => {
  if (Array.isArray(value) && value.length > 0) return value.flatMap((v, i) => leavesOf(v, [...prefix, i]));
  if (isRecord(value) && Object.keys(value).length > 0) return Object.entries(value).flatMap(([k, v]) => leavesOf(v, [...prefix, k]));
  return prefix.length === 0 ? [] : [[prefix, value]];
};

const at = (value: unknown, path: Path): unknown =>
  path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' && Object.hasOwn(v, k) ? (v as Record<string | number, unknown>)[k] : undefined), value);

/** Leaves of the delivery that the item does not carry, at their path (the vendor's `id` may move to `source_id`, or `source_id_2`… if that is taken). */
const droppedLeaves = (body: JsonRecord, item: JsonRecord): string[] =>
  leavesOf(body)
    .filter(([path, value]) => {
      if (isDeepStrictEqual(at(item, path), value)) return false;
      if (path[0] === 'id' && item.id !== body.id) {
        const moved = Object.keys(item).filter((k) => /^source_id(_\d+)?$/.test(k));
        return !moved.some((k) => isDeepStrictEqual(at({ id: item[k] }, path), value));
      }
      return true;
    })
    .map(([path]) => path.join('.'));

interface Outcome {
  ok: boolean;
  problem?: string;
}

/** The property: a clean list of items keeping every leaf, or one of Zapier's errors naming the vendor. */
const check = async (target: FuzzTarget, run: (c: FuzzCase) => Promise<unknown>, c: FuzzCase): Promise<Outcome> => {
  const vendor = target.vendor.name;
  let result: unknown;
  try {
    result = await run(c);
  } catch (error) {
    const { name, message } = error as Error;
    if (!ZAPIER_ERRORS.has(name)) return { ok: false, problem: `threw ${name}: ${message}` };
    if (!message.includes(vendor)) return { ok: false, problem: `${name} without the vendor's name: ${message}` };
    // A delivery is only ever refused, with the reason: "Rejected: <vendor> sent … / failed the authenticity check (…)".
    if (!/^Rejected: .*(failed the authenticity check \(.+\)|sent .+ where a JSON object was expected)/.test(message))
      return { ok: false, problem: `an unclear refusal: ${message}` };
    const secret = target.harness.deliveryAuthData.flatMap((authData) => secretsOf(target.harness, authData)).find((value) => message.includes(value));
    if (secret) return { ok: false, problem: `a secret of the connection is in: ${message}` };
    return { ok: true };
  }
  if (!Array.isArray(result)) return { ok: false, problem: `returned ${typeof result}, not an array` };
  for (const item of result) {
    if (!isRecord(item) || Object.getPrototypeOf(item) !== Object.prototype) return { ok: false, problem: 'an item is not a plain object' };
    const id = item.id;
    const goodId = (typeof id === 'string' && id.trim() !== '') || (typeof id === 'number' && Number.isFinite(id));
    if (!goodId) return { ok: false, problem: `an item has the id ${JSON.stringify(id)}` };
  }
  if (result.length > 1) return { ok: false, problem: `one delivery gave ${result.length} items` };
  if (result.length === 1 && isRecord(c.cleaned)) {
    // What the vendor sent: Zapier's parsed body without the `querystring` Zapier adds to it.
    const { querystring, ...sent } = c.cleaned;
    const vendorSent = querystring === undefined || c.content.includes('"querystring"') ? c.cleaned : sent;
    const dropped = droppedLeaves(vendorSent, result[0] as JsonRecord);
    if (dropped.length > 0) return { ok: false, problem: `dropped ${dropped.slice(0, 5).join(', ')}` };
  }
  return { ok: true };
};

/** Runs the property for one trigger; returns how many cases reached the Zap, to prove the fuzz is not all rejects. */
export const fuzzTrigger = async (target: FuzzTarget, numRuns = FUZZ_RUNS): Promise<{ emitted: number; runs: number }> => {
  const run = testerFor(target);
  let emitted = 0;
  let runs = 0;
  const counting = async (c: FuzzCase) => {
    runs += 1;
    const result = await run(c);
    if (Array.isArray(result) && result.length > 0) emitted += 1;
    return result;
  };
  await fc.assert(
    fc.asyncProperty(deliveries(target), async (c) => {
      const outcome = await check(target, counting, c);
      if (!outcome.ok) throw new Error(outcome.problem);
    }),
    { numRuns, seed: FUZZ_SEED },
  );
  return { emitted, runs };
};

/** The fuzz suite of one vendor's triggers; one file per vendor lets jest run them on both cores. */
export const describeFuzz = (targets: readonly FuzzTarget[]) => {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  beforeAll(() => process.on('unhandledRejection', onRejection));
  afterAll(() => process.off('unhandledRejection', onRejection));

  describe.each(targets)('fuzzing $key', (target) => {
    it(`survives ${FUZZ_RUNS} generated deliveries: items with ids and every leaf, or a Zapier error naming the vendor`, async () => {
      const { emitted, runs } = await fuzzTrigger(target);
      expect(runs).toBe(FUZZ_RUNS);
      // The generator must reach the Zap often, or the leaf property would check nothing.
      expect(emitted).toBeGreaterThan(FUZZ_RUNS / 10);
      expect(rejections).toEqual([]);
    });
  });
};
