import type { Bundle, ZObject } from 'zapier-platform-core';
import type { DeliveryAdapter, JsonRecord } from '../../lib/catalog';
import { withFullName } from '../../lib/derived';
import { idInput, idOf } from '../../lib/lookup-input';
import { asRecord, isRecord, pick } from '../../lib/values';
import { boomRequest, hasApiKeys } from './client';
import { normaliseApplication, PERSON_KEYS } from './normalise';

/** The lease details of an enrollment. */
const LEASE_KEYS = ['status', 'address', 'monthly_rent_amount', 'monthly_rent_day_of_month', 'move_in_date', 'lease_end_date', 'lease_month_to_month'] as const;

/** A customer's details as a delivery that carries them has them under `customer`: the person, with the full name. */
export const personOf = (record: JsonRecord): JsonRecord => withFullName(pick(record, PERSON_KEYS));

/** A Boom API record by id (`customers/cust_1`), signed in with the connection's keys. */
const getRecord = async (z: ZObject, bundle: Bundle, path: string, what: string): Promise<JsonRecord> => {
  const answer = await boomRequest(z, bundle, { method: 'GET', path, needsJson: true }, `looking up the ${what}`);
  const data = asRecord(answer.data);
  return asRecord(data?.data) ?? data ?? {};
};

/** Looked up only when a later Zap step uses them (Zapier's dehydration): see `enrich`. */
/**
 * What a person maps of an application (BoomScreen's ApplicationDetail): its status, the primary
 * applicant (the one whose role is `applicant`, else the first), the rent in main units, the move-in day.
 */
const APPLICATION_KEYS = [
  'id',
  'status',
  'desired_move_in_date',
  'monthly_rent_amount',
  'application_url',
  'decision_at',
  'submitted_at',
  'created_at',
  'application_updated_at',
] as const;
export const applicationOf = (record: JsonRecord): JsonRecord => {
  const applicants = (Array.isArray(record.applicants) ? record.applicants : []).filter(isRecord);
  const primary = applicants.find((a) => a.role === 'applicant') ?? applicants[0];
  return normaliseApplication({ ...pick(record, APPLICATION_KEYS), ...(primary ? { primary_applicant: personOf(primary) } : {}) });
};

export const hydrators = {
  boomCustomer: async (z: ZObject, bundle: Bundle) =>
    personOf(await getRecord(z, bundle, `customers/${idInput(z, bundle, 'customer_id', 'Boom', 'customer')}`, 'customer')),
  boomApplication: async (z: ZObject, bundle: Bundle) =>
    applicationOf(await getRecord(z, bundle, `applications/${idInput(z, bundle, 'application_id', 'Boom', 'application')}`, 'application')),
  boomEnrollment: async (z: ZObject, bundle: Bundle) =>
    pick(await getRecord(z, bundle, `enrollments/${idInput(z, bundle, 'enrollment_id', 'Boom', 'enrollment')}`, 'enrollment'), LEASE_KEYS),
};

/**
 * Most BoomReport deliveries carry only ids. `customer` holds the customer's name, email and phone: as
 * the delivery carried them, or, with API keys, a pointer Zapier resolves through Boom's API only when
 * a later step uses it. `enrollment` holds the lease details, likewise.
 */
export const enrich: NonNullable<DeliveryAdapter['enrich']> = (_z, bundle, item, lookup) => {
  const added: JsonRecord = {};
  // Only an id is looked up: anything else in an id's place names nothing this app may fetch.
  const customerId = idOf(item.customer_id);
  const keys = hasApiKeys(bundle.authData ?? {});
  // A delivery that carried the customer's details has them under `customer` already (normalise).
  if (customerId && keys && !Object.hasOwn(item, 'customer')) added.customer = lookup('boomCustomer', { customer_id: customerId });
  // An activity log (a polling trigger's item: it has `event_type`) names its application: its applicant, status and rent.
  const applicationId = idOf(item.application_id);
  if (applicationId && keys && item.event_type !== undefined && !Object.hasOwn(item, 'application'))
    added.application = lookup('boomApplication', { application_id: applicationId });
  const enrollmentId = idOf(item.enrollment_id);
  if (enrollmentId && keys && !Object.hasOwn(item, 'enrollment')) added.enrollment = lookup('boomEnrollment', { enrollment_id: enrollmentId });
  return Object.keys(added).length > 0 ? { ...item, ...added } : item;
};
