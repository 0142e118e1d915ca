import { isRecord } from './values';

/** The JSON Schema subset the delivery schemas compile to (see src/tools/delivery-schemas.ts). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  [keyword: string]: unknown;
}

const typeOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

const hasType = (schema: JsonSchema, value: unknown): boolean => {
  if (schema.type === undefined) return true;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const actual = typeOf(value);
  return types.some((t) => t === actual || (t === 'integer' && Number.isInteger(value)));
};

const label = (path: readonly string[]) => path.join('.') || '(body)';

/**
 * Where a value breaks the schema, as paths (at most `limit`); [] when it fits. Lenient like the
 * schemas: keys the schema does not name are fine. Zod writes the schemas; this checks deliveries,
 * so the runtime does not load zod (about 90 ms of a cold start) for a diagnostic note.
 */
export const typeIssues = (schema: JsonSchema, value: unknown, limit = 5, path: string[] = [], out: string[] = []): string[] => {
  if (out.length >= limit) return out;
  if (schema.anyOf) {
    if (!schema.anyOf.some((option) => typeIssues(option, value, 1, path).length === 0)) out.push(label(path));
    return out;
  }
  if (!hasType(schema, value)) {
    out.push(label(path));
    return out;
  }
  if (isRecord(value)) {
    for (const key of schema.required ?? []) if (!Object.hasOwn(value, key)) out.push(label([...path, key]));
    for (const [key, sub] of Object.entries(schema.properties ?? {})) {
      if (Object.hasOwn(value, key)) typeIssues(sub, value[key], limit, [...path, key], out);
    }
  } else if (Array.isArray(value) && schema.items) {
    for (let i = 0; i < value.length && out.length < limit; i += 1) typeIssues(schema.items, value[i], limit, [...path, String(i)], out);
  }
  return out.slice(0, limit);
};
