import type { JsonRecord } from '../../lib/catalog';
import { withFullName } from '../../lib/derived';
import { withDecimalTwins } from '../../lib/money';
import { asRecord, asString, isRecord } from '../../lib/values';
import { CLAIM_MONEY } from './kinds';

/** Adds `<amount>_decimal` in main units next to each amount Claimable sends in minor units. */
const withDecimals = withDecimalTwins([CLAIM_MONEY]);

/** A person (claimant, insured, contact) with the full name beside first, middle and last. */
const named = (person: JsonRecord) => withFullName(person, ['first_name', 'middle_name', 'last_name']);

/** The `incident_location_*` lines of a claim as one line (Claimable has not published their names: every one is taken, in order). */
const incidentLocation = (claim: JsonRecord): string | undefined => {
  const lines = Object.keys(claim)
    .filter((key) => key.startsWith('incident_location_'))
    .map((key) => asString(claim[key]))
    .filter(Boolean);
  return lines.length > 0 ? lines.join(', ') : undefined;
};

/** Amounts in main units, full names, the incident location as one line. */
export const normalise = (body: JsonRecord): JsonRecord => {
  const out = withDecimals(body);
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
