import { isRecord, parseJson } from '../lib/values';

/** `x-api-key` → `Http-X-Api-Key`: how Zapier renames a delivery's headers for `perform`. */
const zapierHeaderName = (name: string): string =>
  `Http-${name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
    .join('-')}`;

/** The `rawRequest`/`cleanedRequest` pair Zapier builds from an incoming HTTP request. */
export const zapierRequest = (content: string, headers: Record<string, string>, method = 'POST', querystring = '') => {
  // Only text that is not JSON at all becomes {}; a JSON null or array stays what it is.
  const parsed = parseJson(content);
  const cleaned = parsed === undefined ? {} : parsed;
  return {
    // Zapier's REST-hook example: the parsed object "and also a .querystring property".
    cleanedRequest: isRecord(cleaned) ? { ...cleaned, querystring: Object.fromEntries(new URLSearchParams(querystring)) } : cleaned,
    rawRequest: {
      method,
      querystring,
      headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [zapierHeaderName(k), v])),
      content,
    },
  };
};
