import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { type ZodType, z as zod } from 'zod';
import type { JsonSchema } from '../lib/json-schema';

const VENDORS_DIR = join(__dirname, '..', 'vendors');

/** A vendor's zod delivery schema: by convention `deliverySchema` in `src/vendors/<id>/schema.ts`. */
export const zodSchemaOf = (vendorId: string): ZodType => (require(join(VENDORS_DIR, vendorId, 'schema')) as { deliverySchema: ZodType }).deliverySchema;

/** Every vendor folder's zod delivery schema as JSON Schema: what the app checks deliveries against at run time. */
export const compiledDeliverySchemas = (): Record<string, JsonSchema> =>
  Object.fromEntries(
    readdirSync(VENDORS_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => [entry.name, zod.toJSONSchema(zodSchemaOf(entry.name)) as JsonSchema]),
  );
