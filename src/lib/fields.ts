import type { OutputField } from './catalog';

/** Prefixes every key of a field group: `prefixed('data', [{key:'number'}])` → `data__number`. */
export const prefixed = (prefix: string, fields: readonly OutputField[], labelPrefix = ''): OutputField[] =>
  fields.map((f) => ({ ...f, key: `${prefix}__${f.key}`, label: labelPrefix ? `${labelPrefix} ${f.label}` : f.label }));

/** Line-item fields (Zapier's `list[]field` notation). */
export const lineItems = (prefix: string, fields: readonly OutputField[], labelPrefix: string): OutputField[] =>
  fields.map((f) => ({ ...f, key: `${prefix}[]${f.key}`, label: `${labelPrefix} ${f.label}` }));
