import type { Hydrators } from '../../lib/catalog';

/**
 * Nothing to look up: a Romify delivery is the whole lead or event, and Romify's API fetches no record
 * by id (its leads list filters by event and date).
 */
export const hydrators: Hydrators = {};
