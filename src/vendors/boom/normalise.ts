import type { JsonRecord } from '../../lib/catalog';
import { totalOf, withCalendarDates, withFullName } from '../../lib/derived';
import { withDecimalTwins } from '../../lib/money';
import { asString } from '../../lib/values';
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
  const out = withFullName(normaliseApplication(body));
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

/** An application's amounts in main units and its move-in day beside Boom's midnight-UTC time. */
export const normaliseApplication = (record: JsonRecord): JsonRecord =>
  withCalendarDates(withDecimals(record), { desired_move_in_date: 'desired_move_in_day' });
