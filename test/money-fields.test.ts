import { entriesOf } from '../src/lib/vendor';
import { VENDORS } from '../src/vendors';
import { valueAt } from './support/fidelity';

/**
 * Every amount a vendor sends in minor units comes with its twin in main units, labelled plainly,
 * so a person maps "Order Total With Tax" (326.25) into an invoice without a Formatter step.
 */

const entries = VENDORS.flatMap((vendor) => entriesOf(vendor).map((entry) => ({ key: entry.key, entry })));
const MINOR = / \((Cents|Minor Units)\)$/;

describe.each(entries)('$key', ({ entry }) => {
  const minorFields = entry.outputFields.filter((f) => MINOR.test(f.label));

  it('labels each amount in minor units beside a twin in main units with the plain label', () => {
    for (const minor of minorFields) {
      const label = minor.label.replace(MINOR, '');
      const twin = entry.outputFields.find((f) => f.label === label);
      expect({ amount: minor.key, twin: twin && { type: twin.type } }).toEqual({ amount: minor.key, twin: { type: 'number' } });
      const cents = valueAt(entry.sample, minor.key);
      const main = valueAt(entry.sample, twin!.key);
      expect({ amount: minor.key, main }).toEqual({ amount: minor.key, main: typeof cents === 'number' ? cents / 100 : cents });
    }
  });

  it('gives every amount of the sample in cents a twin, labelled or not', () => {
    const missing: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (Array.isArray(value)) {
        for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`);
      } else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) {
          if (k.endsWith('_in_cents') && typeof v === 'number' && !(k.slice(0, -'_in_cents'.length) in value)) missing.push(`${path}.${k}`);
          walk(v, `${path}.${k}`);
        }
      }
    };
    walk(entry.sample, '');
    expect(missing).toEqual([]);
  });
});

describe('the money of every vendor', () => {
  it('has labelled twins in Booqable, Boom and Claimable alike', () => {
    const vendorsWithTwins = VENDORS.filter((v) => v.entries.some((e) => e.outputFields.some((f) => MINOR.test(f.label)))).map((v) => v.id);
    // The vendors known to send amounts; another vendor may join them.
    expect(vendorsWithTwins).toEqual(expect.arrayContaining(['booqable', 'boom', 'claimable']));
  });
});
