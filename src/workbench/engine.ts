import type { VendorApp } from '../app';
import type { JsonRecord, OutputField } from '../lib/catalog';
import { isRecord } from '../lib/values';
import { lambdaHandler } from './handler';
import { zapierRequest } from './zapier-request';

/** A delivery as received: the format of captures and of the test fixtures. */
export interface Capture {
  vendor?: string;
  target?: string;
  received_at?: string;
  method: string;
  headers: Record<string, string>;
  content: string;
}

export interface TriggerOutcome {
  trigger: string;
  outcome: 'fired' | 'skipped' | 'rejected';
  reason?: string;
  items: JsonRecord[];
}

const isOutputField = (field: unknown): field is OutputField => isRecord(field) && typeof field.key === 'string' && typeof field.label === 'string';

/** Runs deliveries through the app the way Zapier's runtime does: its Lambda handler. */
export const createEngine = (app: VendorApp, authData: Record<string, string>) => {
  const handler = lambdaHandler(app);
  // The local stand-in for z.cache, so a repeated delivery is caught here too.
  const cache: JsonRecord = {};

  const vendorOf = (key: string) => key.split('_')[0]!;

  /** Trigger keys a path names: one trigger, or every trigger of a vendor. */
  const resolve = (target: string): string[] => {
    if (app.triggers[target]) return [target];
    return Object.keys(app.triggers).filter((key) => vendorOf(key) === target);
  };

  const targets = () => ({
    vendors: [...new Set(Object.keys(app.triggers).map(vendorOf))],
    triggers: Object.keys(app.triggers),
  });

  const runOne = async (trigger: string, capture: Capture, inputData: JsonRecord = {}): Promise<TriggerOutcome> => {
    const lines: string[] = [];
    const original = { log: console.log, error: console.error };
    // z.console writes through the global console: its "Skipped: …" lines are the reason we show.
    console.log = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
    console.error = console.log;
    try {
      const { results } = await handler({
        command: 'execute',
        method: `triggers.${trigger}.operation.perform`,
        bundle: { authData, inputData, ...zapierRequest(capture.content, capture.headers, capture.method) },
        zcacheTestObj: cache,
      });
      const items = Array.isArray(results) ? results.filter(isRecord) : [];
      if (items.length > 0) return { trigger, outcome: 'fired', items };
      const reason =
        lines
          .find((l) => l.includes('Skipped:'))
          ?.replace(/^.*Skipped:\s*/, '')
          .trim() ?? 'no item returned';
      return { trigger, outcome: 'skipped', reason, items: [] };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { trigger, outcome: 'rejected', reason: message.replace(/^Rejected:\s*/, '').trim(), items: [] };
    } finally {
      console.log = original.log;
      console.error = original.error;
    }
  };

  const run = async (target: string, capture: Capture): Promise<TriggerOutcome[] | undefined> => {
    const keys = resolve(target);
    if (keys.length === 0) return undefined;
    const outcomes: TriggerOutcome[] = [];
    for (const key of keys) outcomes.push(await runOne(key, capture));
    return outcomes;
  };

  const outputFields = (key: string): OutputField[] => (app.triggers[key]?.operation.outputFields ?? []).filter(isOutputField);
  return { run, targets, outputFields, label: (key: string) => app.triggers[key]?.display.label ?? key };
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

const show = (value: unknown): string => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text === undefined ? '' : text.length > 120 ? `${text.slice(0, 117)}...` : text;
};

/** What a Zap user sees for an item: labelled fields, then the fields no output field labels. */
export const describeItem = (fields: readonly OutputField[], item: JsonRecord): string[] => {
  const labelled = new Set(fields.map((f) => f.key));
  const lines = fields.filter((f) => valueAt(item, f.key) !== undefined).map((f) => `    ${f.label} (${f.key}): ${show(valueAt(item, f.key))}`);
  const unlabelled = leafKeys(item).filter((k) => !labelled.has(k));
  if (unlabelled.length > 0) {
    lines.push('    not labelled by any output field:');
    for (const key of unlabelled) lines.push(`      ${key}: ${show(valueAt(item, key))}`);
  }
  return lines;
};

/** The report printed for one delivery. */
export const report = (engine: Engine, target: string, outcomes: TriggerOutcome[]): string => {
  const lines = [`Delivery to /${target}:`];
  for (const o of outcomes) {
    if (o.outcome !== 'fired') {
      lines.push(`  ${o.trigger}: ${o.outcome} (${o.reason})`);
      continue;
    }
    lines.push(`  ${o.trigger} fired "${engine.label(o.trigger)}" with ${o.items.length} item(s):`);
    for (const item of o.items) lines.push(...describeItem(engine.outputFields(o.trigger), item));
  }
  return lines.join('\n');
};
