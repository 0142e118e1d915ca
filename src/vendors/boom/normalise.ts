import type { JsonRecord } from '../../lib/catalog';
import { oneLineAddress, totalOf, withCalendarDates, withFullName } from '../../lib/derived';
import { centsToDecimal, withDecimalTwins } from '../../lib/money';
import { asNumber, asRecord, asString, pick } from '../../lib/values';
import { BOOM_MONEY, TRANSACTIONS_TOTAL } from './kinds';

/** A person's details as the app passes them on: Boom's customer record also holds an access key and a date of birth, which never reach a Zap. */
export const PERSON_KEYS = ['first_name', 'last_name', 'email', 'phone'] as const;

/** Adds the decimal amount a person would type next to every amount Boom sends in cents. */
export const withDecimals = withDecimalTwins(BOOM_MONEY);

/** The customer's details an older delivery carried on every event (`customer_first_name`…), with the full name. */
const carriedPerson = (item: JsonRecord): JsonRecord =>
  withFullName(
    Object.fromEntries(PERSON_KEYS.map((key) => [key, item[`customer_${key}`]]).filter(([, value]) => value !== undefined && value !== null && value !== '')),
  );

/**
 * Amounts in main units; the customer's carried details under `customer`, as a lookup gives them;
 * full names beside first and last; the move-in day beside Boom's midnight-UTC time; a rent
 * payment's transactions totalled.
 */
export const normalise = (body: JsonRecord): JsonRecord => {
  const out = withFullName(normaliseApplication(issueFields(body)));
  const added: JsonRecord = {};
  if (asString(out.customer_id) && !Object.hasOwn(out, 'customer')) {
    const carried = carriedPerson(out);
    if (Object.keys(carried).length > 0) added.customer = carried;
  }
  const total = totalOf(out.transactions, 'amount');
  if (total && !Object.hasOwn(out, TRANSACTIONS_TOTAL.decimal))
    Object.assign(added, { [TRANSACTIONS_TOTAL.decimal]: total.decimal, [TRANSACTIONS_TOTAL.minor]: total.cents });
  return Object.keys(added).length > 0 ? { ...out, ...added } : out;
};

/**
 * The rent in the forms a Zap maps (`monthly_rent`: cents, dollars, currency), beside Boom's own
 * value. Its API sends `{cents, currency}`; a webhook may send a plain number or a decimal string
 * (not pinned down: docs/vendors.md), read as dollars, as the lease record writes rent ("2450.00").
 */
const rentOf = (rent: unknown): JsonRecord | undefined => {
  // A money object already has its twin in dollars (`withDecimals`).
  const money = asRecord(rent);
  if (money) return asNumber(money.cents) === undefined ? undefined : { ...pick(money, ['cents', 'amount_decimal']), currency: money.currency ?? null };
  const dollars = typeof rent === 'string' && /^\d+(\.\d+)?$/.test(rent.trim()) ? Number(rent) : rent;
  if (typeof dollars !== 'number' || !Number.isFinite(dollars)) return undefined;
  const cents = Math.round(dollars * 100);
  return { cents, amount_decimal: centsToDecimal(cents), currency: null };
};

/** The unit address as one line of text, whether Boom sends text or an address object (its webhook type is not published). */
const unitAddressOf = (value: unknown): string | undefined => {
  const parts = asRecord(value);
  if (!parts) return asString(value);
  return (
    asString(parts.one_line_address) ??
    oneLineAddress([parts.address1, parts.address2, parts.city, [parts.state_or_province, parts.postal_code], parts.country])
  );
};

/** An application's rent and unit address in the forms a Zap maps and its move-in day beside Boom's midnight-UTC time, all beside Boom's own values. */
export const normaliseApplication = (record: JsonRecord): JsonRecord => {
  const out = withCalendarDates(withDecimals(record), { desired_move_in_date: 'desired_move_in_day' });
  const rent = Object.hasOwn(out, 'monthly_rent') ? undefined : rentOf(out.monthly_rent_amount);
  const unitAddress = Object.hasOwn(out, 'unit_one_line_address') ? undefined : unitAddressOf(record.unit_address);
  if (!rent && !unitAddress) return out;
  return { ...out, ...(rent ? { monthly_rent: rent } : {}), ...(unitAddress ? { unit_one_line_address: unitAddress } : {}) };
};

/** The older page's `issue` object (its inner shape is not published): its slug, title and description where the labels read them. */
const issueFields = (record: JsonRecord): JsonRecord => {
  const issue = asRecord(record.issue);
  if (!issue) return record;
  const lifted = Object.fromEntries(
    ['slug', 'title', 'description'].filter((key) => issue[key] !== undefined && !Object.hasOwn(record, key)).map((key) => [key, issue[key]]),
  );
  return { ...record, ...lifted };
};
