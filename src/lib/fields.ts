import type { JsonRecord, OutputField } from './catalog';
import { isRecord } from './values';

/** Prefixes every key of a field group: `prefixed('data', [{key:'number'}])` → `data__number`. */
export const prefixed = (prefix: string, fields: readonly OutputField[], labelPrefix = ''): OutputField[] =>
  fields.map((f) => ({ ...f, key: `${prefix}__${f.key}`, label: labelPrefix ? `${labelPrefix} ${f.label}` : f.label }));

/** Line-item fields (Zapier's `list[]field` notation). */
export const lineItems = (prefix: string, fields: readonly OutputField[], labelPrefix: string): OutputField[] =>
  fields.map((f) => ({ ...f, key: `${prefix}[]${f.key}`, label: `${labelPrefix} ${f.label}` }));

const walk = (value: unknown, path: readonly string[]): unknown => path.reduce<unknown>((v, part) => (isRecord(v) ? v[part] : undefined), value);

/** A field's key as paths in an item: `a__b` is `a.b`; `list[]x__y` is `x.y` in each line of `list` (Zapier's line items). */
const pathsOf = (key: string): { path: string[]; field?: string[] } => {
  const [list, field] = key.split('[]');
  return { path: list!.split('__'), ...(field === undefined ? {} : { field: field.split('__') }) };
};

/** What a field's key names in an item: its value, or for a line-item key the value in every line. */
export const valuesAt = (item: unknown, key: string): unknown => {
  const { path, field } = pathsOf(key);
  const value = walk(item, path);
  if (!field) return value;
  return Array.isArray(value) ? value.map((line) => walk(line, field)) : undefined;
};

/** What a field's key names in an item, for a line-item key in its first line: the value a sample shows. */
export const valueAt = (item: unknown, key: string): unknown => {
  const { path, field } = pathsOf(key);
  const value = walk(item, path);
  if (!field) return value;
  return Array.isArray(value) && value.length > 0 ? walk(value[0], field) : undefined;
};

const put = (target: JsonRecord, path: readonly string[], value: unknown) => {
  let node = target;
  for (const part of path.slice(0, -1)) {
    const next = node[part];
    if (!isRecord(next)) node[part] = {};
    node = node[part] as JsonRecord;
  }
  node[path[path.length - 1]!] = value;
};

/**
 * The part of an item its output fields name (`a__b` nested, `list[]field` in the first line
 * item), and its `id`: what a trigger's sample needs to show each labelled field with a value.
 * The keys are parsed once; the projection is applied to every sample of the record kind.
 */
export const projector = (keys: readonly string[]) => {
  const paths = ['id', ...keys].map(pathsOf);
  return (item: JsonRecord): JsonRecord => {
    const out: JsonRecord = {};
    for (const { path, field } of paths) {
      if (field === undefined) {
        const value = walk(item, path);
        if (value !== undefined) put(out, path, value);
        continue;
      }
      const items = walk(item, path);
      const value = Array.isArray(items) && items.length > 0 ? walk(items[0], field) : undefined;
      if (value === undefined) continue;
      const existing = walk(out, path);
      const first = Array.isArray(existing) && isRecord(existing[0]) ? existing[0] : {};
      put(first, field, value);
      put(out, path, [first]);
    }
    return out;
  };
};
