import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VENDORS } from '../src/vendors';

/**
 * Checks in both directions against what each vendor documents
 * (`test/vendors/<vendor>/fixtures/documented-events.json`, naming its source): every documented
 * event has a trigger, and every trigger's event is documented, or an older spelling the vendor
 * used, listed with where it was seen. An invented event fails here.
 */
interface DocumentedEvents {
  source: string;
  events: string[];
  olderSpellings: Record<string, string>;
}

const documentedOf = (id: string): DocumentedEvents | undefined => {
  const file = join(__dirname, 'vendors', id, 'fixtures', 'documented-events.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as DocumentedEvents) : undefined;
};

describe.each(VENDORS.map((v) => [v.id, v] as const))('%s events', (id, vendor) => {
  const documented = documentedOf(id);
  const rowEvents = vendor.entries.flatMap((e) => [...e.events]);

  it('are written down with their source', () => {
    expect(documented).toBeDefined();
    expect(documented!.source.length).toBeGreaterThan(10);
    for (const why of Object.values(documented!.olderSpellings)) expect(why.length).toBeGreaterThan(10);
  });

  it('each have a trigger', () => {
    expect(documented!.events.filter((e) => !rowEvents.includes(e))).toEqual([]);
  });

  it('are all the vendor’s own: no row fires on an event the vendor does not document', () => {
    const known = new Set([...documented!.events, ...Object.keys(documented!.olderSpellings)]);
    expect(rowEvents.filter((e) => !known.has(e))).toEqual([]);
  });
});
