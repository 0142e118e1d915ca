import type { JsonRecord } from '../../lib/catalog';
import { oneLineAddress, totalOf, withCalendarDates, withFullName } from '../../lib/derived';
import { withDecimalTwins } from '../../lib/money';
import { asRecord, asString } from '../../lib/values';
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
 * Rent as Boom's money object. Its API sends `{cents, currency}`; a webhook may send a plain number
 * or a decimal string (not pinned down: docs/vendors.md), read as dollars, as the lease record
 * writes rent ("2450.00"); the value as sent stays beside it.
 */
const rentObject = (rent: unknown): unknown => {
  const dollars = typeof rent === 'string' && /^\d+(\.\d+)?$/.test(rent.trim()) ? Number(rent) : rent;
  return typeof dollars === 'number' && Number.isFinite(dollars) ? { cents: Math.round(dollars * 100), as_sent: rent } : rent;
};

/** A unit address sent as an object (its webhook type is not published): one line under the text label, its parts beside. */
const unitAddress = (record: JsonRecord): JsonRecord => {
  const parts = asRecord(record.unit_address);
  if (!parts) return record;
  const line =
    asString(parts.one_line_address) ??
    oneLineAddress([parts.address1, parts.address2, parts.city, [parts.state_or_province, parts.postal_code], parts.country]);
  return { ...record, unit_address: line ?? null, unit_address_parts: parts };
};

/** An application's rent as a money object in main units, its unit address as text, its move-in day beside Boom's midnight-UTC time. */
export const normaliseApplication = (record: JsonRecord): JsonRecord => {
  const rent = Object.hasOwn(record, 'monthly_rent_amount') ? { ...record, monthly_rent_amount: rentObject(record.monthly_rent_amount) } : record;
  return withCalendarDates(withDecimals(unitAddress(rent)), { desired_move_in_date: 'desired_move_in_day' });
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
