import { createHash, timingSafeEqual } from 'node:crypto';
import type { JsonRecord } from './catalog';

// Defensive readers: deliveries are untrusted, so nothing here may throw on odd input.

/** JSON.parse that answers undefined for empty or malformed text instead of throwing. */
export const parseJson = (text: string | undefined): unknown => {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

export const isRecord = (value: unknown): value is JsonRecord => typeof value === 'object' && value !== null && !Array.isArray(value);

export const asRecord = (value: unknown): JsonRecord | undefined => (isRecord(value) ? value : undefined);

export const asString = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
};

export const asNumber = (value: unknown): number | undefined => {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
};

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Constant-time comparison of two secrets of any length. */
export const secretsEqual = (given: string, expected: string): boolean => {
  // Hashing first makes the lengths equal, so timingSafeEqual never throws and leaks no length.
  return timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest());
};

/** Reads authData[key] as a trimmed string; empty means absent. */
export const authValue = (authData: JsonRecord | undefined, key: string): string | undefined => {
  const value = authData?.[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

/** A record with every value mapped, keys kept (and typed). */
export const mapRecord = <K extends string, V, W>(record: Record<K, V>, map: (value: V, key: K) => W): Record<K, W> =>
  Object.fromEntries(Object.entries<V>(record).map(([key, value]) => [key, map(value, key as K)])) as Record<K, W>;

/** A value quoted in a message, cut when long (a vendor can send a 1 MB event name): one line stays a line. */
export const cut = (text: string, max = 120): string => (text.length > max ? `${text.slice(0, max - 1)}… (${text.length} characters)` : text);

/** What a map holds for a key, made and kept on first use. */
export const cached = <K, V>(map: Map<K, V>, key: K, make: () => V): V => {
  if (map.has(key)) return map.get(key) as V;
  const value = make();
  map.set(key, value);
  return value;
};

/**
 * JSON values written with each distinct record or list once: `table` holds them children first, a
 * child as `{ "#": its index }`; `roots` names each value's index. Written by the build, read
 * back with `fromShared` in one pass: core copies a record that repeats (a customer, an address) once.
 */
export interface SharedJson {
  table: unknown[];
  roots: Record<string, number>;
}

const REF = '#';
const refOf = (value: unknown): number | undefined => {
  if (!isRecord(value)) return undefined;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === REF && typeof value[REF] === 'number' ? value[REF] : undefined;
};

export const toShared = (values: Record<string, unknown>): SharedJson => {
  const table: unknown[] = [];
  const index = new Map<string, number>();
  const put = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    if (refOf(value) !== undefined) throw new Error(`a record of the one key "${REF}" cannot be stored shared: ${JSON.stringify(value)}`);
    const parts = Array.isArray(value) ? value.map(put) : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, put(v)]));
    return { [REF]: cached(index, JSON.stringify(parts), () => table.push(parts) - 1) };
  };
  return { table, roots: Object.fromEntries(Object.entries(values).map(([key, value]) => [key, refOf(put(value))!])) };
};

/** The values of a `toShared` table, a repeated record or list being one frozen object (parses the table in place). */
export const fromShared = ({ table, roots }: SharedJson): Record<string, unknown> => {
  const made: unknown[] = [];
  const resolve = (value: unknown) => {
    const ref = refOf(value);
    return ref === undefined ? value : made[ref];
  };
  for (const entry of table) {
    const record = entry as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = resolve(record[key]);
    made.push(Object.freeze(entry));
  }
  return Object.fromEntries(Object.entries(roots).map(([key, ref]) => [key, made[ref]]));
};

/** The record's own values of these keys, in their order. */
export const pick = (record: JsonRecord, keys: readonly string[]): JsonRecord =>
  Object.fromEntries(keys.filter((k) => Object.hasOwn(record, k)).map((k) => [k, record[k]]));

/** `base` with `top` laid over it: records merge key by key, any other value of `top` wins. */
export const overlay = (base: JsonRecord, top: JsonRecord): JsonRecord => {
  const out: JsonRecord = { ...base };
  for (const [key, value] of Object.entries(top)) {
    const under = out[key];
    out[key] = isRecord(under) && isRecord(value) ? overlay(under, value) : value;
  }
  return out;
};

/** The value without these keys, at any depth; the same value where it holds none of them. */
export const withoutKeys = <T>(value: T, keys: ReadonlySet<string>): T => {
  if (Array.isArray(value)) {
    const items = value.map((v) => withoutKeys(v, keys));
    return (items.some((v, i) => v !== value[i]) ? items : value) as T;
  }
  if (!isRecord(value)) return value;
  let changed = false;
  const out: JsonRecord = {};
  for (const [key, v] of Object.entries(value)) {
    if (keys.has(key)) {
      changed = true;
      continue;
    }
    const kept = withoutKeys(v, keys);
    if (kept !== v) changed = true;
    out[key] = kept;
  }
  return (changed ? out : value) as T;
};
