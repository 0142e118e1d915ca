import type { JsonRecord } from '../../lib/catalog';

/** A Romify body is the lead or event itself, with field names Romify has not published: it is passed on as sent. */
export const normalise = (body: JsonRecord): JsonRecord => body;
