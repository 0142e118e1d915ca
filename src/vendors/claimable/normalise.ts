import type { JsonRecord } from '../../lib/catalog';
import { oneLineAddress, withFullName } from '../../lib/derived';
import { withDecimalTwins } from '../../lib/money';
import { asRecord, asString, isRecord } from '../../lib/values';
import { CLAIM_MONEY, DAMAGE_MONEY } from './kinds';

/** Adds `<amount>_decimal` in main units next to each amount Claimable sends in minor units. */
export const withDecimals = withDecimalTwins([CLAIM_MONEY, ...DAMAGE_MONEY]);

/** A person (claimant, insured, contact) with the full name beside first, middle and last. */
const named = (person: JsonRecord) => withFullName(person, ['first_name', 'middle_name', 'last_name']);

/** The parts of a claim's incident address, in the order an address is written (Claimable's claim object). */
const ADDRESS_PARTS = ['line1', 'line2', 'line3', 'city', 'state', 'postcode', 'country'].map((part) => `incident_location_address_${part}`);

/** A claim's incident address as one line, without the country code or the location note, which are no part of an address. */
const incidentLocation = (claim: JsonRecord): string | undefined => oneLineAddress(ADDRESS_PARTS.map((key) => claim[key]));

/** A damage's time in milliseconds (Claimable writes seconds, or milliseconds too); an unreadable one counts as oldest. */
const timeOf = (damage: JsonRecord) => Date.parse(asString(damage.created_at) ?? '') || Number.NEGATIVE_INFINITY;

/** The newest of a claim's damages (by `created_at`; of equal times, the last listed). */
export const newestDamage = (damages: unknown): JsonRecord | undefined =>
  (Array.isArray(damages) ? damages.filter(isRecord) : []).reduce<JsonRecord | undefined>(
    (newest, damage) => (!newest || timeOf(damage) >= timeOf(newest) ? damage : newest),
    undefined,
  );

/** The header example in Claimable's docs quotes the value: `Event-Name: "claim.created"`. */
const unquote = (value: string | undefined) =>
  value
    ?.trim()
    .replace(/^"(.*)"$/, '$1')
    .trim() || undefined;

/** The event a delivery is for: its `event_name`, else its `Event-Name` header. */
export const eventNameOf = (body: JsonRecord | undefined, headers: Record<string, string>): string | undefined =>
  unquote(asString(body?.event_name)) ?? unquote(headers['event-name']);

/**
 * The damage a delivery carries, where Claimable may put it (not published): beside the claim, in
 * it, or the newest of the claim's damages. Given under `damage` beside the claim.
 */
const damageOf = (body: JsonRecord): JsonRecord | undefined => {
  const claim = asRecord(body.claim);
  return asRecord(claim?.damage) ?? newestDamage(claim?.damages);
};

/** Amounts in main units, full names, the incident address as one line, a damage under `damage`. */
export const normalise = (body: JsonRecord): JsonRecord => {
  const damage = Object.hasOwn(body, 'damage') ? undefined : damageOf(body);
  const out = withDecimals(damage ? { ...body, damage } : body);
  const claim = asRecord(out.claim);
  if (claim) {
    const location = incidentLocation(claim);
    return {
      ...out,
      claim: {
        ...claim,
        ...(isRecord(claim.claimant) ? { claimant: named(claim.claimant) } : {}),
        ...(isRecord(claim.insured) ? { insured: named(claim.insured) } : {}),
        ...(location && !Object.hasOwn(claim, 'incident_location') ? { incident_location: location } : {}),
      },
    };
  }
  return isRecord(out.contact) ? { ...out, contact: named(out.contact) } : out;
};
