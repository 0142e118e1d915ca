import type { Bundle } from 'zapier-platform-core';
import type { Delivery } from './catalog';
import { parseJson } from './values';

/** `Http-X-Api-Key` (Zapier's renaming) → `x-api-key`. */
export const headerName = (zapierName: string): string => zapierName.replace(/^Http-/i, '').toLowerCase();

/** Reads what Zapier hands a hook `perform`: parsed body, renamed headers, raw text. */
export const readDelivery = (bundle: Pick<Bundle, 'rawRequest' | 'cleanedRequest'>): Delivery => {
  const raw = bundle.rawRequest ?? {};
  const headers: Record<string, string> = {};
  const rawHeaders = raw.headers;
  if (rawHeaders && typeof rawHeaders === 'object') {
    for (const [name, value] of Object.entries(rawHeaders)) {
      if (value === undefined || value === null) continue;
      // A header sent twice with one value (a proxy repeating it) is that value; different values stay visible, joined.
      headers[headerName(name)] = Array.isArray(value) ? [...new Set(value.map(String))].join(', ') : String(value);
    }
  }
  const content = typeof raw.content === 'string' ? raw.content : '';
  // cleanedRequest is the parsed body; the raw text is the fallback when it is absent.
  const body = bundle.cleanedRequest !== undefined ? bundle.cleanedRequest : parseJson(content);
  return { body, headers, content };
};
