import type { JsonRecord, OutputField } from '../../src/lib/catalog';
import { isRecord } from '../../src/lib/values';
import { type Capture, captureBundle } from './fixtures';
import { app, resetCache, run } from './runtime';

/** The value at an output-field key: `a__b` walks objects, `list[]field` reads the first line item. */
export const valueAt = (value: unknown, key: string): unknown => {
  const [list, itemKey] = key.split('[]');
  const walk = (v: unknown, path: string) => path.split('__').reduce<unknown>((acc, part) => (isRecord(acc) ? acc[part] : undefined), v);
  if (itemKey === undefined) return walk(value, key);
  const items = walk(value, list!);
  return Array.isArray(items) && items.length > 0 ? walk(items[0], itemKey) : undefined;
};

export const labelledFields = (triggerKey: string): OutputField[] =>
  (app.triggers[triggerKey]?.operation.outputFields ?? []).filter((f): f is OutputField => isRecord(f) && typeof f.key === 'string');

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
