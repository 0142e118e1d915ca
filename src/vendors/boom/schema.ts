import { z as zod } from 'zod';

// Lenient: types are checked only where Boom documents them; every field but `event` is optional and kept.
const optionalText = zod.string().nullish();

/** What a Boom delivery is checked against (authoring form; the app runs its JSON Schema). */
export const deliverySchema = zod.looseObject({
  event: zod.string(),
  request_id: optionalText,
  customer_id: optionalText,
  enrollment_id: optionalText,
  transactions: zod.array(zod.looseObject({ amount: zod.number().nullish() })).nullish(),
  monthly_rent_amount: zod.looseObject({ cents: zod.number().nullish(), currency: optionalText }).nullish(),
  reasons: zod.array(zod.unknown()).nullish(),
  // A number in the webhook example, a string in Boom's API spec: both are Boom's.
  rental_verification: zod.looseObject({ months_delinquency: zod.union([zod.number(), zod.string()]).nullish() }).nullish(),
});
