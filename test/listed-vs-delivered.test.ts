import type { JsonRecord } from '../src/lib/catalog';
import { leafKeys } from '../src/workbench/engine';
import { entryOf, resetCache, resolved, run } from './support/runtime';
import { CONNECTIONS, isResolved, liveDelivery, vendorApis, withIncluded } from './support/vendor-apis';

/**
 * Zapier's rule for a hook trigger: the records "Test trigger" lists must match what the hook
 * delivers. For every vendor with a list API, one trigger per record kind: the newest record as
 * the vendor lists it, and a delivery of that same record, both through the real runtime with
 * every lookup resolved, give the same keys: the same fields to map.
 */

// Keys only one side can have, by trigger: why.
const ONE_SIDED: Record<string, Record<string, string>> = {
  boom_customer_registered: { customer_external_id: "the partner's own tenant id is in deliveries only; Boom's customer record has none" },
  boom_enrollment_approved: { customer_external_id: "the partner's own tenant id is in deliveries only; Boom's enrollment record has none" },
  boom_application_approved: {
    source_id: "the application's own id: its list record has it; a delivery's request id is the item id",
    'applicants[]id': "the applicants: the application list record has them; Boom's application delivery names the first applicant only",
    'applicants[]first_name': 'as above',
    'applicants[]last_name': 'as above',
    'applicants[]email': 'as above',
    'applicants[]phone': 'as above',
    dependents: "in deliveries only: Boom's application list record (screening spec, ApplicationList) has none",
    pets: 'in deliveries only, as above',
    unit_address: 'in deliveries only, as above (the list record has a unit_id)',
    unit_one_line_address: 'ours, from `unit_address`: in deliveries only, as above',
    external_id: 'in deliveries only, as above',
  },
};

const listed: [string, Record<string, string>][] = [
  ['booqable_order_reserved', CONNECTIONS.booqable],
  ['booqable_invoice_finalized', CONNECTIONS.booqable],
  ['booqable_contract_signed', CONNECTIONS.booqable],
  ['booqable_quote_signed', CONNECTIONS.booqable],
  ['booqable_customer_created', CONNECTIONS.booqable],
  ['booqable_product_created', CONNECTIONS.booqable],
  ['booqable_product_group_created', CONNECTIONS.booqable],
  ['booqable_payment_completed', CONNECTIONS.booqable],
  ['boom_customer_registered', CONNECTIONS.boomKeys],
  ['boom_enrollment_approved', CONNECTIONS.boomKeys],
  ['boom_application_approved', CONNECTIONS.boomKeys],
  ['claimable_claim_created', CONNECTIONS.claimableToken],
  ['claimable_contact_created', CONNECTIONS.claimableToken],
  ['romify_completed_flow_all_changes', CONNECTIONS.romify],
];

/** The listed record as its delivery: Booqable's with the relations its list asked for (a delivery of the resource carries the same). */
const sameRecord = (key: string): JsonRecord => {
  const { body, kind } = entryOf(key);
  const relations = (kind.facts as { relations?: string[] }).relations;
  return key.startsWith('booqable_') ? { ...body, data: withIncluded(body.data as JsonRecord, relations?.join(',')) } : body;
};

beforeEach(() => {
  resetCache();
  vendorApis();
});

describe('Test trigger records have the keys of a delivery of the same record', () => {
  it.each(listed)('%s', async (key, authData) => {
    const [record] = await run(key, 'performList', { authData, inputData: {} });
    expect(record).toBeDefined();
    const [item] = await run(key, 'perform', liveDelivery(key, authData, sameRecord(key)));
    const [fromList, fromDelivery] = [await resolved(record, authData), await resolved(item, authData)];
    expect(isResolved(fromList) && isResolved(fromDelivery)).toBe(true);
    const oneSided = ONE_SIDED[key] ?? {};
    const keys = (value: unknown) => leafKeys(value).filter((k) => !Object.hasOwn(oneSided, k));
    expect(keys(fromList).sort()).toEqual(keys(fromDelivery).sort());
  });
});
