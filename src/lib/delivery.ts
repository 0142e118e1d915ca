import type { Bundle } from 'zapier-platform-core';
import type { Delivery } from './catalog';
import { parseJson } from './values';

/** `Http-X-Api-Key` (Zapier's renaming) → `x-api-key`. */
export const headerName = (zapierName: string): string => zapierName.replace(/^Http-/i, '').toLowerCase();

/** Reads what Zapier hands a hook `perform`: parsed body, renamed headers, raw text. */
export const readDelivery = (bundle: Bundle): Delivery => {
  const raw = bundle.rawRequest ?? {};
  const headers: Record<string, string> = {};
  const rawHeaders = raw.headers;
  if (rawHeaders && typeof rawHeaders === 'object') {
    for (const [name, value] of Object.entries(rawHeaders)) {
      if (value === undefined || value === null) continue;
      headers[headerName(name)] = Array.isArray(value) ? value.map(String).join(', ') : String(value);
    }
  }
  const content = typeof raw.content === 'string' ? raw.content : '';
  // cleanedRequest is the parsed body; the raw text is the fallback when it is absent.
  const body = bundle.cleanedRequest !== undefined ? bundle.cleanedRequest : parseJson(content);
  return { body, headers, content };
};

/** `x-api-key` → `Http-X-Api-Key`: how Zapier renames a delivery's headers for `perform`. */
export const zapierHeaderName = (name: string): string =>
  'Http-' + name.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase()).join('-');

/** The `rawRequest`/`cleanedRequest` pair Zapier builds from an incoming HTTP request. */
export const zapierRequest = (content: string, headers: Record<string, string>, method = 'POST', querystring = '') => {
  // Only text that is not JSON at all becomes {}; a JSON null or array stays what it is.
  const parsed = parseJson(content);
  const cleaned = parsed === undefined ? {} : parsed;
  return {
    cleanedRequest: cleaned,
    rawRequest: {
      method,
      querystring,
      headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [zapierHeaderName(k), v])),
      content,
    },
  };
};
