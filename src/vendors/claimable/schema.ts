import { z as zod } from 'zod';

const optionalText = zod.string().nullish();

/** What a Claimable delivery is checked against (authoring form; the app runs its JSON Schema). */
export const deliverySchema = zod.looseObject({
  event_name: optionalText,
  source: optionalText,
  performed_by: zod.looseObject({ name: optionalText }).nullish(),
  claim: zod.looseObject({ id: zod.union([zod.number(), zod.string()]).nullish(), labels: zod.array(zod.unknown()).nullish() }).nullish(),
  contact: zod.looseObject({ id: zod.union([zod.number(), zod.string()]).nullish() }).nullish(),
});
