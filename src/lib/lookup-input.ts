import type { Bundle, ZObject } from 'zapier-platform-core';
import { isRecord } from './values';

/**
 * What a lookup may be asked for: an id of a vendor's record, as ids look (letters, digits, `_`, `-`;
 * no `/`, `.` or `?` that could reach another path of the vendor's API).
 */
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/** The value as an id (a number is one too), or undefined where it is none. */
export const idOf = (value: unknown): string | undefined => {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  return typeof text === 'string' && ID.test(text) ? text : undefined;
};

/**
 * The id a hydrator was given, ready for a request path; anything else fails the step without
 * repeating what it was given (a lookup's input can come from a delivery anyone could post).
 */
export const idInput = (z: ZObject, bundle: Bundle, key: string, vendor: string, what: string): string => {
  const id = idOf(bundle.inputData?.[key]);
  if (id) return encodeURIComponent(id);
  throw new z.errors.Error(`The ${what} could not be looked up: the delivery did not name it by a ${vendor} id.`, 'InvalidLookup');
};

/** The choice a hydrator was given among the values it takes (a collection name); anything else fails the step. */
export const choiceInput = <C extends string>(z: ZObject, bundle: Bundle, key: string, choices: readonly C[], what: string): C => {
  const value = bundle.inputData?.[key];
  const found = choices.find((c) => c === value);
  if (found) return found;
  throw new z.errors.Error(`The ${what} could not be looked up: it is not of a kind this app looks up.`, 'InvalidLookup');
};

const POINTER_MARK = /hydrate\|\|\||\|\|\|hydrate/;

/**
 * A vendor's text shaped like Zapier's lookup pointer (`hydrate|||…|||hydrate`) would be resolved by
 * Zapier with the person's credentials: such text leaves the app with its bars spaced out, as text.
 */
export const withoutPointers = <T>(value: T): T => {
  if (typeof value === 'string') return (POINTER_MARK.test(value) ? value.replace(/\|\|\|/g, '| | |') : value) as T;
  if (Array.isArray(value)) return value.map(withoutPointers) as T;
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutPointers(v)])) as T;
  return value;
};

/** Whether a body's raw text may hold such a string (`|` written as is, or escaped in JSON), so that most bodies are not walked. */
export const mayHoldPointers = (content: string): boolean => content.includes('|||') || /\\u007c/i.test(content);
