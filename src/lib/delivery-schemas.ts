import schemas from '../generated/delivery-schemas.json';
import type { JsonSchema } from './json-schema';

const COMPILED: Record<string, JsonSchema | undefined> = schemas;

/** A JSON object, nothing more: the check for a vendor whose schema is not compiled yet. */
const ANY_OBJECT: JsonSchema = { type: 'object' };

/** A vendor's delivery schema, compiled from its zod schema by `npm run schemas` (a test keeps them equal). */
export const deliverySchemaOf = (vendorId: string): JsonSchema => COMPILED[vendorId] ?? ANY_OBJECT;
