import type { JsonRecord, OutputField } from './catalog';
import { asNumber, isRecord } from './values';

/** An amount a vendor sends in minor units (cents), and the key its main-unit twin goes under. */
export interface MoneyField {
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
 * A twin is added where the vendor sent the amount (null stays null: "no amount yet") and nothing
 * under the twin's name: theirs wins. An amount that is not a number gets no twin.
 */
const twin = (record: JsonRecord, { minor, decimal }: MoneyField): JsonRecord => {
  if (!Object.hasOwn(record, minor) || Object.hasOwn(record, decimal)) return record;
  const value = record[minor] === null ? null : centsToDecimal(record[minor]);
  return value === undefined ? record : { ...record, [decimal]: value };
};

/** A normaliser that adds the main-unit twin of every amount the rules name; never throws on odd input. */
export const withDecimalTwins =
  (rules: readonly MoneyRule[]) =>
  (body: JsonRecord): JsonRecord =>
    rules.reduce<JsonRecord>((out, rule) => mapAt(out, pathOf(rule.at), (record) => twins(rule, record)) as JsonRecord, body);

/** A record with the twins a rule gives it; with `nested`, in every record and list below it too. */
const twins = (rule: MoneyRule, record: JsonRecord): JsonRecord => {
  const own = fieldsOf(rule, record).reduce(twin, record);
  if (!('nested' in rule && rule.nested)) return own;
  const below = (value: unknown): unknown => (Array.isArray(value) ? value.map(below) : isRecord(value) ? twins(rule, value) : value);
  return Object.fromEntries(Object.entries(own).map(([key, value]) => [key, below(value)]));
};

const fieldsOf = (rule: MoneyRule, record: JsonRecord): readonly MoneyField[] => {
  if ('fields' in rule) return rule.fields;
  const { suffix } = rule;
  return Object.keys(record)
    .filter((key) => key.endsWith(suffix) && key.length > suffix.length)
    .map((minor) => ({ minor, decimal: minor.slice(0, -suffix.length) }));
};

/**
 * The output fields of an amount: its twin with a plain label ("Total With Tax": what a person maps
 * into an invoice), and the minor units labelled as such.
 */
export const moneyOutputFields = (field: MoneyField, label: string, { prefix = '', minorUnit = 'Cents' } = {}): OutputField[] => [
  { key: `${prefix}${field.decimal}`, label, type: 'number' },
  { key: `${prefix}${field.minor}`, label: `${label} (${minorUnit})`, type: 'integer' },
];
