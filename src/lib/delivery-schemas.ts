import type { VendorId } from './catalog';
import schemas from '../generated/delivery-schemas.json';
import type { JsonSchema } from './json-schema';

/** Each vendor's delivery schema, compiled from its zod schema by `npm run schemas` (a test keeps them equal). */
export const DELIVERY_SCHEMAS = schemas as unknown as Record<VendorId, JsonSchema>;
