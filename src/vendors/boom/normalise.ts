import type { JsonRecord } from '../../lib/catalog';
import { totalOf, withCalendarDates, withFullName } from '../../lib/derived';
import { withDecimalTwins } from '../../lib/money';
import { asString } from '../../lib/values';
import { BOOM_MONEY, TRANSACTIONS_TOTAL } from './kinds';
import { PERSON_KEYS } from './lookups';

/** Adds the decimal amount a person would type next to every amount Boom sends in cents. */
const withDecimals = withDecimalTwins(BOOM_MONEY);

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
  const out = withFullName(withCalendarDates(withDecimals(body), { desired_move_in_date: 'desired_move_in_day' }));
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
