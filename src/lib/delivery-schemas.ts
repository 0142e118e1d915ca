import type { ZodType } from 'zod';
import { readGenerated } from './generated';
import type { JsonSchema } from './json-schema';

/** A vendor's zod delivery schema: by convention `deliverySchema` in `src/vendors/<id>/schema.ts`. */
export const zodSchemaOf = (vendorId: string): ZodType => (require(`../vendors/${vendorId}/schema`) as { deliverySchema: ZodType }).deliverySchema;

/** A vendor's zod delivery schema as JSON Schema (zod is a build-time dependency: the built app reads the result). */
export const compileDeliverySchema = (vendorId: string): JsonSchema =>
  (require('zod') as typeof import('zod')).z.toJSONSchema(zodSchemaOf(vendorId)) as JsonSchema;

/** A JSON object, nothing more: the check for a vendor whose schema cannot be had. */
const ANY_OBJECT: JsonSchema = { type: 'object' };

let compiled: Record<string, JsonSchema> | undefined;

/**
 * A vendor's delivery schema as JSON Schema: compiled by `npm run build`, or, where the app runs from
 * `src/` (tests), compiled from zod when first asked for.
 */
export const deliverySchemaOf = (vendorId: string): JsonSchema => {
  compiled ??= (readGenerated('delivery-schemas.json') as Record<string, JsonSchema> | undefined) ?? {};
  if (!Object.hasOwn(compiled, vendorId)) {
    try {
      compiled[vendorId] = compileDeliverySchema(vendorId);
    } catch {
      compiled[vendorId] = ANY_OBJECT;
    }
  }
  return compiled[vendorId]!;
};
