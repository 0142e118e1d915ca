import { z as zod } from 'zod';

// Lenient: every field optional and any type tolerated where Booqable's docs leave room; unknown keys kept.
const text = zod.string().nullish();

/** What a Booqable delivery is checked against (authoring form; the app runs its JSON Schema). */
export const deliverySchema = zod.looseObject({
  id: zod.union([zod.string(), zod.number()]).optional(),
  event: text,
  created_at: text,
  resource_type: text,
  data: zod.looseObject({ id: zod.union([zod.string(), zod.number()]).nullish() }).optional(),
});
