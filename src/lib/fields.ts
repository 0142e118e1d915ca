import type { OutputField } from './catalog';

/** Prefixes every key of a field group: `prefixed('data', [{key:'number'}])` → `data__number`. */
export const prefixed = (prefix: string, fields: readonly OutputField[], labelPrefix = ''): OutputField[] =>
  fields.map((f) => ({ ...f, key: `${prefix}__${f.key}`, label: labelPrefix ? `${labelPrefix} ${f.label}` : f.label }));

/** Line-item fields (Zapier's `list[]field` notation). */
export const lineItems = (prefix: string, fields: readonly OutputField[], labelPrefix: string): OutputField[] =>
  fields.map((f) => ({ ...f, key: `${prefix}[]${f.key}`, label: `${labelPrefix} ${f.label}` }));

/** Is this value an ISO-8601 date-time with a zone (Zapier's style rule for samples)? */
export const isIsoWithZone = (value: string): boolean =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value);
