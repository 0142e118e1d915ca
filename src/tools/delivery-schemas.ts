import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ZodType, z as zod } from 'zod';
import type { Vendor } from '../lib/catalog';
import { VENDORS } from '../vendors';

/** A vendor's zod delivery schema: by convention `deliverySchema` in `src/vendors/<id>/schema.ts`. */
export const zodSchemaOf = (vendorId: string): ZodType => (require(`../vendors/${vendorId}/schema`) as { deliverySchema: ZodType }).deliverySchema;

/** The zod delivery schemas as JSON Schema: what the app checks deliveries against at run time. */
export const compiledDeliverySchemas = (vendors: readonly Vendor[] = VENDORS): Record<string, object> =>
  Object.fromEntries(vendors.map((vendor) => [vendor.id, zod.toJSONSchema(zodSchemaOf(vendor.id))]));

// From src/tools (tests) or dist/tools (npm run schemas) alike: the committed file under src/.
export const SCHEMAS_FILE = join(__dirname, '..', '..', 'src', 'generated', 'delivery-schemas.json');

if (require.main === module && process.argv.includes('--write')) {
  writeFileSync(SCHEMAS_FILE, `${JSON.stringify(compiledDeliverySchemas(), null, 2)}\n`);
  process.stdout.write('src/generated/delivery-schemas.json written.\n');
}
