import { fromShared, toShared } from '../../src/lib/values';
import { VENDORS } from '../../src/vendors';

describe('toShared and fromShared', () => {
  it('store each distinct record once and read back equal values, a repeated record being one frozen object', () => {
    const values = { a: { id: 1, customer: { name: 'Ada', tags: ['vip'] } }, b: { id: 2, customer: { name: 'Ada', tags: ['vip'] } }, c: { list: [[], {}] } };
    const stored = toShared(values);
    expect(stored.table.filter((entry) => JSON.stringify(entry) === '{"name":"Ada","tags":{"#":0}}')).toHaveLength(1);
    const read = fromShared(JSON.parse(JSON.stringify(stored))) as typeof values;
    expect(read).toStrictEqual(values);
    expect(read.b.customer).toBe(read.a.customer);
    expect(Object.isFrozen(read.a.customer.tags)).toBe(true);
  });

  it('refuses a record that would read back as a reference', () => {
    expect(() => toShared({ a: { x: { '#': 0 } } })).toThrow(/the one key "#"/);
    expect(fromShared(toShared({ a: { x: { '#': 'text', y: 1 } } }))).toEqual({ a: { x: { '#': 'text', y: 1 } } });
  });
});

describe('the samples of a vendor, as the built app reads them', () => {
  it.each(VENDORS.map((v) => [v.id, v] as const))('%s: repeat no record as a separate copy', (_id, vendor) => {
    // What the build writes (src/tools/generate.ts) and the app reads back.
    const built = fromShared(structuredClone(toShared(Object.fromEntries(vendor.entries.map((e) => [e.key, e.sample])))));
    const seen = new Map<string, unknown>();
    const copies: string[] = [];
    const walk = (value: unknown) => {
      if (typeof value !== 'object' || value === null) return;
      const key = JSON.stringify(value);
      const first = seen.get(key);
      if (first !== undefined && first !== value) copies.push(key.slice(0, 60));
      if (first === undefined) seen.set(key, value);
      for (const child of Object.values(value)) walk(child);
    };
    for (const sample of Object.values(built)) walk(sample);
    expect(copies).toEqual([]);
  });
});
