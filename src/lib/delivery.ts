import type { Bundle } from 'zapier-platform-core';
import type { Delivery } from './catalog';
import { isRecord, parseJson } from './values';

/** `Http-X-Api-Key` (Zapier's renaming) → `x-api-key`. */
const headerName = (zapierName: string): string => zapierName.replace(/^Http-/i, '').toLowerCase();

const isEmptyRecord = (value: unknown) => isRecord(value) && Object.keys(value).length === 0;

/**
 * The body the vendor sent. Zapier's parsed body, less the `querystring` Zapier adds to it (its
 * REST-hook example documents one); the raw text when it is JSON and Zapier parsed nothing ({}: a
 * byte-order mark, JSON sent as text/plain) or the vendor's own text has a `querystring` field.
 */
const bodyOf = (cleaned: unknown, content: string): unknown => {
  const raw = () => parseJson(content.replace(/^\uFEFF/, ''));
  let body = cleaned;
  if (isRecord(body) && Object.hasOwn(body, 'querystring')) {
    // Zapier's field would hide one the vendor sent: then the raw text says what was sent.
    if (content.includes('"querystring"')) return raw() ?? body;
    const { querystring: _added, ...sent } = body;
    body = sent;
  }
  if (body === undefined || isEmptyRecord(body)) return raw() ?? body;
  return body;
};

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
  return { body: bodyOf(bundle.cleanedRequest, content), headers, content };
};
