import type { JsonRecord } from './catalog';
import { centsToDecimal } from './money';
import { asNumber, asString, isRecord } from './values';

// Values in the forms a Zap's actions take, derived from what a vendor sends: each is added beside
// the vendor's own value, never instead of it, and left out where the vendor's value is not there.

/** "Jane" and "Doe" → "Jane Doe"; either alone is the full name. */
export const fullName = (first: unknown, last: unknown): string | undefined => {
  const name = [asString(first), asString(last)].filter(Boolean).join(' ');
  return name === '' ? undefined : name;
};

/** A person's record with the full name beside the parts it joins (first and last, or first, middle and last), unless it has one. */
export const withFullName = (person: JsonRecord, parts: readonly string[] = ['first_name', 'last_name']): JsonRecord => {
  if (Object.hasOwn(person, 'full_name')) return person;
  const name = parts.map((part) => person[part]).reduce<string | undefined>((joined, part) => fullName(joined, part), undefined);
  return name ? { ...person, full_name: name } : person;
};

/**
 * A person's one-string name as first and last: the first word, and the rest. Only for a person
 * (a business name has no first name); a one-word name is a first name alone.
 */
export const nameParts = (name: unknown): { first_name?: string; last_name?: string } => {
  const words = asString(name)?.trim().split(/\s+/) ?? [];
  if (words.length === 0) return {};
  return words.length === 1 ? { first_name: words[0]! } : { first_name: words[0]!, last_name: words.slice(1).join(' ') };
};

/**
 * The calendar date of a date-only value: `2026-12-15` as is, and a midnight-UTC time
 * (`2026-12-15T00:00:00.000Z`, how some vendors send a date) as its date, which a person's time
 * zone would otherwise show as the day before. Anything else is not a date-only value.
 */
const calendarDate = (value: unknown): string | undefined => {
  const text = asString(value);
  const match = text ? /^(\d{4}-\d{2}-\d{2})(?:T00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00))?$/.exec(text.trim()) : null;
  return match?.[1];
};

/** A record with the calendar date of each date-only value of `keys` (vendor key → key of its date) beside it (theirs wins). */
export const withCalendarDates = (record: JsonRecord, keys: Readonly<Record<string, string>>): JsonRecord => {
  let out: JsonRecord | undefined;
  for (const [key, dateKey] of Object.entries(keys)) {
    const date = calendarDate(record[key]);
    if (date === undefined || Object.hasOwn(record, dateKey)) continue;
    out ??= { ...record };
    out[dateKey] = date;
  }
  return out ?? record;
};

/** "120 × Folding chair, white; 1 × Tent 3×6 m": line items as one line of text, for an email or a note. */
export const linesSummary = (lines: readonly { quantity?: unknown; title?: unknown }[]): string =>
  lines
    .map((line) => {
      const title = asString(line.title);
      if (!title) return undefined;
      const quantity = asNumber(line.quantity);
      return quantity === undefined ? title : `${quantity} × ${title}`;
    })
    .filter(Boolean)
    .join('; ');

/** The total of amounts in cents, and its decimal twin; undefined where no element has a numeric amount. */
export const totalOf = (items: unknown, amountKey: string): { cents: number; decimal: number } | undefined => {
  if (!Array.isArray(items)) return undefined;
  const amounts = items.map((item) => (isRecord(item) ? asNumber(item[amountKey]) : undefined)).filter((n): n is number => n !== undefined);
  if (amounts.length === 0) return undefined;
  const cents = amounts.reduce((sum, n) => sum + n, 0);
  return { cents, decimal: centsToDecimal(cents)! };
};

/**
 * An address as one line: its parts in the order given, each once (a city that is also the county
 * is said once); a group of parts (`[postcode, city]`) is joined by a space. Undefined when empty.
 */
export const oneLineAddress = (parts: readonly unknown[]): string | undefined => {
  const texts = parts
    .map((part) =>
      (Array.isArray(part) ? part : [part])
        .map((p) => asString(p)?.trim())
        .filter(Boolean)
        .join(' '),
    )
    .filter(Boolean);
  const once = texts.filter((text, i) => texts.indexOf(text) === i);
  return once.length > 0 ? once.join(', ') : undefined;
};
