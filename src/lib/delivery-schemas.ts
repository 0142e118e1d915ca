import { readGenerated } from './generated';
import type { JsonSchema } from './json-schema';

/** A JSON object, nothing more: the check for a vendor whose schema is not compiled. */
const ANY_OBJECT: JsonSchema = { type: 'object' };

let compiled: Record<string, JsonSchema> | undefined;

/**
 * The vendors' delivery schemas, for an app run from its sources (tests), which the build has not
 * compiled: `src/tools/schemas.ts` compiles them from zod, a build-time dependency the app never loads.
 */
export const useDeliverySchemas = (schemas: Record<string, JsonSchema>): void => {
  compiled = schemas;
};

/** A vendor's delivery schema as JSON Schema, as `npm run build` compiled it from its zod schema. */
export const deliverySchemaOf = (vendorId: string): JsonSchema => {
  compiled ??= (readGenerated('delivery-schemas.json') as Record<string, JsonSchema> | undefined) ?? {};
  return compiled[vendorId] ?? ANY_OBJECT;
};
