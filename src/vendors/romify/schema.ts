import { z as zod } from 'zod';

/** What a Romify delivery is checked against (authoring form; the app runs its JSON Schema). */
export const deliverySchema = zod.looseObject({ id: zod.union([zod.string(), zod.number()]).nullish() });
