import type { JsonRecord, OutputField } from './catalog';
import { asNumber, isRecord } from './values';

/** An amount a vendor sends in minor units (cents), and the key its main-unit twin goes under. */
interface MoneyField {
  minor: string;
  decimal: string;
}

/**
 * Where a vendor's amounts sit: a path into the delivery (`claim`, `unit.monthly_rent_amount`,
 * `transactions[]`, `` for the top), and either the fields, or a suffix every amount's key ends
 * with (`_in_cents`: the twin is the key without it).
 */
export type MoneyRule = { at: string; fields: readonly MoneyField[] } | { at: string; suffix: string; nested?: boolean };

/** Minor units (cents) to the decimal amount a person would type: 32625 → 326.25. */
export const centsToDecimal = (value: unknown): number | undefined => {
  const cents = asNumber(value);
  return cents === undefined ? undefined : Math.round(cents) / 100;
};

/** The value with `map` applied to the record(s) at `path`; `[]` steps into every element of a list. Odd shapes pass unchanged. */
const mapAt = (value: unknown, path: readonly string[], map: (record: JsonRecord) => JsonRecord): unknown => {
  const [head, ...rest] = path;
  if (head === undefined) return isRecord(value) ? map(value) : value;
  if (head === '[]') return Array.isArray(value) ? value.map((item) => mapAt(item, rest, map)) : value;
  if (!isRecord(value) || !Object.hasOwn(value, head)) return value;
  return { ...value, [head]: mapAt(value[head], rest, map) };
};

const pathOf = (at: string) => at.split(/\.|(?=\[\])|(?<=\[\])/).filter((part) => part !== '');

/**
 * The record with a twin beside each amount of `fields`: where the vendor sent the amount (null
 * stays null: "no amount yet") and nothing under the twin's name (theirs wins). An amount that is
 * not a number gets no twin. The record itself is returned when nothing is added.
 */
const withTwins = (record: JsonRecord, fields: readonly MoneyField[]): JsonRecord => {
  let out: JsonRecord | undefined;
  for (const { minor, decimal } of fields) {
    if (!Object.hasOwn(record, minor) || Object.hasOwn(record, decimal)) continue;
    const value = record[minor] === null ? null : centsToDecimal(record[minor]);
    if (value === undefined) continue;
    out ??= { ...record };
    out[decimal] = value;
  }
  return out ?? record;
};

/** A normaliser that adds the main-unit twin of every amount the rules name; never throws on odd input. */
export const withDecimalTwins = (rules: readonly MoneyRule[]) => {
  const paths = rules.map((rule) => [rule, pathOf(rule.at)] as const);
  return (body: JsonRecord): JsonRecord =>
    paths.reduce<JsonRecord>((out, [rule, path]) => mapAt(out, path, (record) => twins(rule, record)) as JsonRecord, body);
};

/** A record with the twins a rule gives it; with `nested`, in every record and list below it too. Only what changes is copied. */
const twins = (rule: MoneyRule, record: JsonRecord): JsonRecord => {
  let out = withTwins(record, fieldsOf(rule, record));
  if (!('nested' in rule && rule.nested)) return out;
  for (const key in out) {
    const value = out[key];
    if (typeof value !== 'object' || value === null) continue;
    const next = below(rule, value);
    if (next === value) continue;
    if (out === record) out = { ...record };
    out[key] = next;
  }
  return out;
};

/** A list or record below a `nested` rule's path, with its twins; itself when nothing changes. */
const below = (rule: MoneyRule, value: unknown): unknown => {
  if (!Array.isArray(value)) return isRecord(value) ? twins(rule, value) : value;
  let items: unknown[] | undefined;
  for (let i = 0; i < value.length; i += 1) {
    const next = below(rule, value[i]);
    if (next === value[i]) continue;
    items ??= [...value];
    items[i] = next;
  }
  return items ?? value;
};

const fieldsOf = (rule: MoneyRule, record: JsonRecord): readonly MoneyField[] => {
  if ('fields' in rule) return rule.fields;
  const { suffix } = rule;
  const fields: MoneyField[] = [];
  for (const minor of Object.keys(record))
    if (minor.endsWith(suffix) && minor.length > suffix.length) fields.push({ minor, decimal: minor.slice(0, -suffix.length) });
  return fields;
};

/**
 * The output fields of an amount: its twin with a plain label ("Total With Tax": what a person maps
 * into an invoice), and the minor units labelled as such.
 */
export const moneyOutputFields = (field: MoneyField, label: string, { prefix = '', minorUnit = 'Cents' } = {}): OutputField[] => [
  { key: `${prefix}${field.decimal}`, label, type: 'number' },
  { key: `${prefix}${field.minor}`, label: `${label} (${minorUnit})`, type: 'integer' },
];
