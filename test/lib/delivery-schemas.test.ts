import fc from 'fast-check';
import { deliverySchemaOf } from '../../src/lib/delivery-schemas';
import { typeIssues } from '../../src/lib/json-schema';
import { zodSchemaOf } from '../../src/tools/schemas';
import { VENDORS } from '../../src/vendors';

describe('delivery schemas: written in zod, run as JSON Schema', () => {
  // Values near each schema: its vendor's samples with fields retyped or dropped, and any JSON.
  const retyped = fc.oneof(
    fc.string({ maxLength: 5 }),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constant(null),
    fc.boolean(),
    fc.constant({}),
    fc.constant([]),
    fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 2 }),
  );
  const near = (samples: Record<string, unknown>[]) =>
    fc.oneof(
      fc.tuple(fc.constantFrom(...samples), fc.array(fc.tuple(fc.nat(), fc.option(retyped, { nil: undefined })), { maxLength: 3 })).map(([sample, changes]) => {
        const value: Record<string, unknown> = structuredClone(sample);
        for (const [pick, to] of changes) {
          const keys = Object.keys(value);
          const key = keys[pick % keys.length]!;
          const inner = value[key];
          // One level down too, where most schema properties sit.
          if (inner && typeof inner === 'object' && !Array.isArray(inner) && pick % 2 === 0) {
            const innerKeys = Object.keys(inner);
            if (innerKeys.length > 0) {
              const k = innerKeys[pick % innerKeys.length]!;
              if (to === undefined) delete (inner as Record<string, unknown>)[k];
              else (inner as Record<string, unknown>)[k] = to;
              continue;
            }
          }
          if (to === undefined) delete value[key];
          else value[key] = to;
        }
        return value as unknown;
      }),
      fc.jsonValue({ maxDepth: 3 }),
    );

  it.each(VENDORS.map((v) => [v.id, v] as const))('%s: the runtime check accepts exactly what zod accepts', (id, vendor) => {
    const samples = vendor.entries.map((e) => e.body);
    const zod = zodSchemaOf(id);
    fc.assert(
      fc.property(near(samples), (value) => {
        expect(typeIssues(deliverySchemaOf(id), value).length === 0).toBe(zod.safeParse(value).success);
      }),
      { numRuns: 3000, seed: 20261122 },
    );
  });

  it('names the paths that break the schema', () => {
    expect(typeIssues(deliverySchemaOf('boom'), { event: 5, transactions: [{ amount: 'x' }], monthly_rent_amount: [] })).toEqual([
      'event',
      'transactions',
      'monthly_rent_amount',
    ]);
    expect(typeIssues(deliverySchemaOf('boom'), { request_id: 'r' })).toEqual(['event']);
    expect(typeIssues(deliverySchemaOf('booqable'), [])).toEqual(['(body)']);
  });
});
