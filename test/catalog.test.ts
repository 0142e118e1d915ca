import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projector, valueAt } from '../src/lib/fields';
import { typeIssues } from '../src/lib/json-schema';
import { entriesOf, withLookups } from '../src/lib/vendor';
import { VENDORS } from '../src/vendors';
import { leafKeys } from '../src/workbench/engine';
import { registeredVendors } from './support/harness';
import { app, deliveryBundle, isIsoWithZone, resetCache, run } from './support/runtime';

beforeEach(() => resetCache());

const entries = VENDORS.flatMap((vendor) => entriesOf(vendor).map((entry) => ({ vendor: vendor.id, entry })));
/** Every trigger, the polling ones included: what the editor lists. */
const listed = VENDORS.flatMap((vendor) => [...entriesOf(vendor), ...vendor.polls].map((entry) => ({ vendor: vendor.id, entry })));

const stringLeaves = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(stringLeaves) : [];

/**
 * Zapier's style check: Title Case as python-titlecase writes it. Small words stay lower case
 * inside a label and are capitalised first or last; every other word starts with a capital.
 */
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'en', 'for', 'if', 'in', 'of', 'on', 'or', 'the', 'to', 'v', 'via', 'vs']);
const isTitleCase = (label: string) => {
  const words = label.split(/\s+/);
  return words.every((word, i) => {
    const bare = word.replace(/^[("'“]+|[)"'”.,:;!?]+$/g, '');
    const inside = i > 0 && i < words.length - 1;
    if (SMALL_WORDS.has(bare.toLowerCase())) return inside ? bare === bare.toLowerCase() : /^[^a-z]/.test(bare);
    return /^[^a-z]/.test(bare);
  });
};

describe.each(listed)('$vendor trigger $entry.key', ({ vendor, entry }) => {
  it('has a permanent-looking key in <vendor>_<event> snake_case', () => {
    expect(entry.key).toMatch(new RegExp(`^${vendor}_[a-z0-9]+(_[a-z0-9]+)*$`));
    expect(entry.key).toMatch(/^[a-zA-Z][a-zA-Z0-9_]*$/);
  });

  it('has a Title Case label (python-titlecase, as Zapier checks it) of at most 64 characters', () => {
    expect(entry.label.length).toBeLessThanOrEqual(64);
    expect(isTitleCase(entry.label)).toBe(true);
  });

  it('has a description of the form "Triggers when … ."', () => {
    expect(entry.description).toMatch(/^Triggers when .+\.$/s);
    // One plain sentence: caveats belong in the set-up note, directions or README.
    expect(entry.description.slice(0, -1)).not.toMatch(/[.!?]\s/);
    expect(entry.description.length).toBeLessThanOrEqual(1000);
  });

  it('has sample date-times in ISO-8601 with a zone', () => {
    const times = stringLeaves(entry.sample).filter((s) => /^\d{4}-\d{2}-\d{2}T/.test(s));
    expect(times.filter((t) => !isIsoWithZone(t))).toEqual([]);
  });
});

describe.each(entries)('$vendor delivery trigger $entry.key', ({ entry }) => {
  it('has a sample that its payload schema accepts', () => {
    expect(typeIssues(entry.schema, entry.sample)).toEqual([]);
  });
});

describe.each(VENDORS.flatMap((vendor) => vendor.polls.map((entry) => ({ vendor: vendor.id, entry }))))('$vendor polling trigger $entry.key', ({ entry }) => {
  it('shows every labelled field in its sample, with the id Zapier de-duplicates by', () => {
    expect(entry.outputFields.filter((f) => valueAt(entry.sample, f.key) === undefined).map((f) => f.key)).toEqual([]);
    expect(typeof entry.sample.id).toBe('string');
  });
});

/**
 * Fields are a record kind's, so they are checked once per kind: a field missing from a kind's record
 * is one failing test naming the field, not one per trigger of that kind.
 */
const kinds = registeredVendors().flatMap(({ vendor, harness }) =>
  [...new Set(vendor.entries.map((e) => e.kind))].map((record) => ({
    kind: `${vendor.id} ${record.noun}`,
    harness,
    entries: vendor.entries.filter((e) => e.kind === record),
  })),
);

describe.each(kinds)('record kind $kind', ({ entries: ofKind, harness }) => {
  it('has output fields with labels, an id, and every one present in each sample of the kind', () => {
    const fields = ofKind[0]!.outputFields;
    expect(fields.filter((f) => f.label.trim() === '')).toEqual([]);
    expect(fields.map((f) => f.key)).toContain('id');
    // What a lookup adds with an optional credential is not in the sample: a delivery without it has none of it.
    const needs = ofKind[0]!.kind.lookedUp?.needs ? Object.keys(ofKind[0]!.kind.lookedUp.values) : [];
    const lookedUp = (key: string) => needs.includes(key.split(/__|\[\]/)[0]!);
    const missing = new Set(
      ofKind.flatMap((entry) => entry.outputFields.filter((f) => valueAt(entry.sample, f.key) === undefined && !lookedUp(f.key)).map((f) => f.key)),
    );
    expect(ofKind[0]!.outputFields.filter((f) => lookedUp(f.key) && !f.label.includes(`(with ${ofKind[0]!.kind.lookedUp!.needs})`))).toEqual([]);
    expect([...missing]).toEqual([]);
  });

  it('is turned by the pipeline, for each of its events, into an item that shows each labelled field as the sample does', async () => {
    const differing: string[] = [];
    for (const entry of ofKind) {
      const items = await run(entry.key, 'perform', deliveryBundle(entry.body, { headers: harness.deliveryHeaders(entry.events[0]!) }));
      if (items.length !== 1) {
        differing.push(`${entry.key}: ${items.length} items`);
        continue;
      }
      // What a later step can look up is in the sample; without API keys the item has none of it.
      const item = withLookups(items[0]!, entry.kind);
      const shown = projector(entry.outputFields.map((f) => f.key))(item);
      for (const key of leafKeys(entry.sample)) {
        // The sample shows the labelled fields and nothing else: every key it has is a labelled one, or the id.
        if (key !== 'id' && !entry.outputFields.some((f) => f.key === key)) differing.push(`${entry.key}: unlabelled ${key} in the sample`);
      }
      if (JSON.stringify(shown) !== JSON.stringify(entry.sample)) differing.push(`${entry.key}: the item differs from the sample`);
    }
    expect(differing).toEqual([]);
  });
});

/** URLs in help text are links or in backticks (Zapier check D008): what is left outside both is bare. */
const bareUrls = (text: string) =>
  text
    .replace(/`[^`]*`/g, '')
    .replace(/\]\([^)]*\)/g, ']')
    .match(/https?:\/\/\S+/g) ?? [];

describe.each(VENDORS.flatMap((v) => v.adapter.credentials.fields.map((field) => ({ vendor: v.name, field }))))(
  '$vendor connection field $field.label',
  ({ vendor, field }) => {
    it("says where the value is found: a link to the vendor's page, or to ask its support (Zapier check D002)", () => {
      // A field with choices is picked, not found.
      if (field.choices) return;
      expect(field.helpText).toMatch(new RegExp(`\\]\\(https://[^)]+\\)|ask ${vendor} support|${vendor} support issues`));
    });

    it('writes every URL as a link or in backticks (Zapier check D008)', () => {
      expect(bareUrls(field.helpText)).toEqual([]);
    });
  },
);

describe('the Title Case rule', () => {
  it.each([
    ['Order Saved as Draft', true],
    ['Order Saved As Draft', false],
    ['Applicants Pushed to Property Management System', true],
    ['Lead Scanned or Changed', true],
    ['Of Mice', true],
    ['Made Of', true],
    ['order Updated', false],
    ['New Booqable Event', true],
  ])('%s: %s', (label, ok) => {
    expect(isTitleCase(label)).toBe(ok);
  });
});

describe('every vendor folder', () => {
  // CONTRIBUTING.md's layout: the same files in every vendor, so each fact has one place to look for.
  const LAYOUT = ['adapter.ts', 'client.ts', 'events.ts', 'index.ts', 'kinds.ts', 'lookups.ts', 'normalise.ts', 'schema.ts'];
  it.each(VENDORS.map((v) => [v.id] as const))('%s has the layout', (id) => {
    expect(readdirSync(join(__dirname, '..', 'src', 'vendors', id)).sort()).toEqual(LAYOUT);
  });
});

describe('the catalog as a whole', () => {
  it('has no duplicate trigger keys or labels', () => {
    const keys = entries.map((e) => e.entry.key);
    const labels = entries.map((e) => e.entry.label.toLowerCase());
    expect(keys.length).toBe(new Set(keys).size);
    expect(labels.filter((l, i) => labels.indexOf(l) !== i)).toEqual([]);
  });

  it('has no duplicate output field keys or labels within a trigger', () => {
    for (const { entry } of entries) {
      const keys = entry.outputFields.map((f) => f.key);
      const labels = entry.outputFields.map((f) => f.label);
      expect({ key: entry.key, dup: keys.filter((k, i) => keys.indexOf(k) !== i) }).toEqual({ key: entry.key, dup: [] });
      expect({ key: entry.key, dup: labels.filter((k, i) => labels.indexOf(k) !== i) }).toEqual({ key: entry.key, dup: [] });
    }
  });

  it('turns every catalog entry into exactly one trigger of the app', () => {
    expect(Object.keys(app.triggers).sort()).toEqual(listed.map((e) => e.entry.key).sort());
  });

  it('carries no empty field list: core copies and walks every list on every delivery', () => {
    const empty = Object.values(app.triggers).flatMap((t) =>
      (['inputFields', 'outputFields'] as const).filter((k) => Array.isArray(t.operation[k]) && t.operation[k].length === 0).map((k) => `${t.key}.${k}`),
    );
    expect(empty).toEqual([]);
  });

  it('passes the platform schema validation', () => {
    // The platform's schema validation, as `zapier-platform validate` runs it (core compiles the
    // definition on every invocation but does not validate it there).
    const schema = require('zapier-platform-core/src/tools/schema');
    const errors = schema.validateApp(schema.compileApp(app)) as { stack: string }[];
    expect(errors.map((e) => e.stack)).toEqual([]);
  });
});

describe('the fields the editor shows, through the runtime', () => {
  it.each(entries.map(({ entry }) => [entry.key, entry] as const))('%s: output fields as the catalog labels them', async (key, entry) => {
    const fields = await run<{ key: string; label: string }[]>(key, 'outputFields', { inputData: {} });
    expect(fields).toEqual(entry.outputFields);
  });

  it('shows each trigger its note and its vendor inputs', async () => {
    const note = await run<{ key: string; type?: string; helpText?: string }[]>('claimable_claim_damage_created', 'inputFields', { inputData: {} });
    expect(note.map((f) => f.key)).toEqual(['about_this_trigger', 'source']);
    expect(note[0]).toMatchObject({ type: 'copy', helpText: expect.stringContaining('damage') });
    const events = await run<{ key: string; choices?: object }[]>('booqable_event', 'inputFields', { inputData: {} });
    expect(events[0]).toMatchObject({ key: 'events', altersDynamicFields: true, required: true });
  });
});
