import type { VendorApp } from '../app';
import type { CatalogEntry, JsonRecord, OutputField, Vendor } from '../lib/catalog';
import { readDelivery } from '../lib/delivery';
import { cut, isRecord } from '../lib/values';
import { entriesOf } from '../lib/vendor';
import { lambdaHandler } from './handler';
import { zapierRequest } from './zapier-request';
import { type CacheStandIn, startCacheStandIn } from './zcache';

/** A delivery as received: the format of captures and of the test fixtures. */
export interface Capture {
  source?: string;
  vendor?: string;
  target?: string;
  received_at?: string;
  method: string;
  headers: Record<string, string>;
  content: string;
}

/** What a person would set in the trigger's inputs (`events`, a source filter), and whether to pass a repeat on purpose. */
export interface RunOptions {
  inputData?: JsonRecord;
  /** Forget earlier deliveries first, so a repeat reaches the Zap again. */
  resend?: boolean;
}

export interface LabelledValue {
  label: string;
  key: string;
  value: unknown;
}

export interface TriggerOutcome {
  trigger: string;
  label: string;
  outcome: 'fired' | 'skipped' | 'rejected';
  reason?: string;
  items: JsonRecord[];
  /** What the Zap editor shows for each item: its labelled fields, then the keys no field labels. */
  fields?: { labelled: LabelledValue[]; unlabelled: Record<string, unknown> }[];
}

/** Runs deliveries through the app the way Zapier's runtime does: its Lambda handler. */
export const createEngine = (app: VendorApp, vendors: readonly Vendor[], authData: Record<string, string>) => {
  const handler = lambdaHandler(app);
  // A local stand-in for Zapier's cache, so a repeated delivery is caught here as in a Zap.
  let cache: Promise<CacheStandIn> | undefined;
  const cacheEvent = async () => {
    cache ??= startCacheStandIn();
    return (await cache).event;
  };

  // Every trigger's catalog entry ("New … Event" included) and vendor.
  const byKey = new Map(vendors.flatMap((vendor) => entriesOf(vendor).map((entry) => [entry.key, { vendor, entry }] as const)));
  const vendorOf = (key: string) => byKey.get(key)?.vendor;
  /** The entry of a one-event trigger (not "New … Event"). */
  const eventEntry = (key: string): CatalogEntry | undefined => {
    const entry = byKey.get(key)?.entry;
    return entry && 'events' in entry ? entry : undefined;
  };

  /** Trigger keys a path names: one trigger, or every trigger of a vendor. */
  const resolve = (target: string): string[] => {
    if (app.triggers[target]) return [target];
    const vendor = vendors.find((v) => v.id === target);
    return vendor ? entriesOf(vendor).map((e) => e.key) : [];
  };

  const targets = () => ({ vendors: vendors.map((v) => v.id), triggers: Object.keys(app.triggers) });
  const label = (key: string) => app.triggers[key]?.display.label ?? key;
  /** The labelled fields the editor shows for a trigger set up with these inputs, as the app computes them ("New … Event": the picked events' too). */
  const outputFields = async (key: string, inputData: JsonRecord = {}): Promise<OutputField[]> => {
    const { results } = await handler({ command: 'execute', method: `triggers.${key}.operation.outputFields`, bundle: { authData, inputData } });
    return (Array.isArray(results) ? results : []).filter((f): f is OutputField => isRecord(f) && typeof f.key === 'string' && typeof f.label === 'string');
  };

  /** The bundle Zapier would build, and for a REST hook the subscription Zapier would hold for this trigger. */
  const bundleFor = (key: string, capture: Capture, inputData: JsonRecord) => {
    const vendor = vendorOf(key);
    const entry = eventEntry(key);
    const subscribeData = vendor?.hooks === 'rest' && entry ? { id: 'workbench', requestedEvents: [...entry.events] } : undefined;
    return { authData, inputData, ...(subscribeData ? { subscribeData } : {}), ...zapierRequest(capture.content, capture.headers, capture.method) };
  };

  /**
   * Which triggers of a vendor could fire: decided from the event the delivery names, before any
   * trigger runs (a 5 MB body then runs through the few that take it, not all 40).
   */
  const candidates = (keys: string[], capture: Capture): { run: string[]; skipped: TriggerOutcome[] } => {
    if (keys.length <= 1) return { run: keys, skipped: [] };
    const vendor = vendorOf(keys[0]!);
    if (!vendor) return { run: keys, skipped: [] };
    const { cleanedRequest, rawRequest } = zapierRequest(capture.content, capture.headers, capture.method);
    const event = vendor.adapter.eventOf(readDelivery({ cleanedRequest, rawRequest: { headers: rawRequest.headers, content: rawRequest.content } }), undefined);
    if (event === undefined) return { run: keys, skipped: [] };
    const run: string[] = [];
    const skipped: TriggerOutcome[] = [];
    for (const key of keys) {
      const entry = eventEntry(key);
      if (!entry || entry.events.includes(event)) run.push(key);
      else skipped.push({ trigger: key, label: label(key), outcome: 'skipped', reason: `${key} does not fire on "${cut(event)}"`, items: [] });
    }
    return { run, skipped };
  };

  const runOne = async (trigger: string, capture: Capture, inputData: JsonRecord): Promise<TriggerOutcome> => {
    const lines: string[] = [];
    const original = { log: console.log, error: console.error };
    // z.console writes through the global console: its "Skipped: …" lines are the reason we show.
    console.log = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
    console.error = console.log;
    try {
      const { results } = await handler({
        command: 'execute',
        method: `triggers.${trigger}.operation.perform`,
        bundle: bundleFor(trigger, capture, inputData),
        ...(await cacheEvent()),
      });
      const items = Array.isArray(results) ? results.filter(isRecord) : [];
      if (items.length > 0) {
        const fields = await outputFields(trigger, inputData);
        return { trigger, label: label(trigger), outcome: 'fired', items, fields: items.map((item) => describeItem(fields, item)) };
      }
      const reason =
        lines
          .find((l) => l.includes('Skipped:'))
          ?.replace(/^.*Skipped:\s*/, '')
          .trim()
          .replace(/\.$/, '') ?? 'no item returned';
      return { trigger, label: label(trigger), outcome: 'skipped', reason: cut(reason, 400), items: [] };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { trigger, label: label(trigger), outcome: 'rejected', reason: cut(message.replace(/^Rejected:\s*/, '').trim(), 400), items: [] };
    } finally {
      console.log = original.log;
      console.error = original.error;
    }
  };

  const run = async (target: string, capture: Capture, options: RunOptions = {}): Promise<TriggerOutcome[] | undefined> => {
    const keys = resolve(target);
    if (keys.length === 0) return undefined;
    if (options.resend) (await cache)?.reset();
    const { run: toRun, skipped } = candidates(keys, capture);
    const outcomes: TriggerOutcome[] = [];
    for (const key of toRun) outcomes.push(await runOne(key, capture, options.inputData ?? {}));
    return [...outcomes, ...skipped];
  };

  /** What the vendor posts for a trigger, ready to post back to it. */
  const sampleOf = (key: string): JsonRecord | undefined => byKey.get(key)?.entry.delivery;

  const hidden = (key: string) => Boolean(app.triggers[key]?.display.hidden);
  return { run, targets, outputFields, label, sampleOf, hidden, vendorOf };
};

export type Engine = ReturnType<typeof createEngine>;

/** Every leaf of an item as an output-field key (`a__b`, `list[]field`). */
export const leafKeys = (value: unknown, prefix = ''): string[] => {
  if (Array.isArray(value)) {
    const objects = value.filter(isRecord);
    if (objects.length === 0) return prefix ? [prefix] : [];
    return [...new Set(objects.flatMap((o) => leafKeys(o, '').map((k) => `${prefix}[]${k}`)))];
  }
  if (isRecord(value)) {
    const keys = Object.entries(value).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}__${k}` : k));
    return keys.length > 0 ? keys : prefix ? [prefix] : [];
  }
  return prefix ? [prefix] : [];
};

const valueAt = (item: unknown, key: string): unknown => {
  const [list, field] = key.split('[]');
  const walk = (v: unknown, path: string) => path.split('__').reduce<unknown>((acc, part) => (isRecord(acc) ? acc[part] : undefined), v);
  if (field === undefined) return walk(item, key);
  const items = walk(item, list!);
  return Array.isArray(items) ? items.map((i) => walk(i, field)) : undefined;
};

/** What a Zap user sees for an item: labelled fields, then the fields no output field labels. */
export const describeItem = (fields: readonly OutputField[], item: JsonRecord) => {
  const keys = new Set(fields.map((f) => f.key));
  return {
    labelled: fields.filter((f) => valueAt(item, f.key) !== undefined).map((f) => ({ label: f.label, key: f.key, value: valueAt(item, f.key) })),
    unlabelled: Object.fromEntries(
      leafKeys(item)
        .filter((k) => !keys.has(k))
        .map((k) => [k, valueAt(item, k)]),
    ),
  };
};

const show = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text === undefined ? '' : cut(text);
};

/** The report printed for one delivery: fired triggers with their fields, the others counted with their reasons. */
export const report = (target: string, outcomes: TriggerOutcome[], { verbose = false } = {}): string => {
  const lines = [`Delivery to /${target}:`];
  for (const o of outcomes.filter((x) => x.outcome !== 'skipped' || outcomes.length === 1 || verbose)) {
    if (o.outcome !== 'fired') {
      lines.push(`  ${o.trigger}: ${o.outcome} (${o.reason})`);
      continue;
    }
    lines.push(`  ${o.trigger} fired "${o.label}" with ${o.items.length} item(s):`);
    for (const item of o.fields ?? []) {
      for (const f of item.labelled) lines.push(`    ${f.label} (${f.key}): ${show(f.value)}`);
      const unlabelled = Object.entries(item.unlabelled);
      if (unlabelled.length > 0) {
        lines.push('    not labelled by any output field:');
        for (const [key, value] of unlabelled) lines.push(`      ${key}: ${show(value)}`);
      }
    }
  }
  const skipped = outcomes.filter((o) => o.outcome === 'skipped');
  if (skipped.length > 0 && outcomes.length > 1 && !verbose) {
    // Grouped by reason, each trigger's own name taken out: '38× does not fire on "enrollment_approved"'.
    const counts = new Map<string, number>();
    for (const o of skipped) {
      const reason = (o.reason ?? '').replace(`${o.trigger} `, '');
      counts.set(reason, (counts.get(reason) ?? 0) + 1);
    }
    const reasons = [...counts].map(([reason, n]) => `${n}× ${reason}`);
    lines.push(
      `  ${skipped.length} other trigger(s) skipped it: ${reasons.slice(0, 3).join('; ')}${reasons.length > 3 ? '; …' : ''} (?verbose=1, or the HTTP answer, lists each)`,
    );
  }
  return lines.join('\n');
};
