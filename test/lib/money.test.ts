import { moneyOutputFields, withDecimalTwins } from '../../src/lib/money';

describe('decimal twins of amounts in minor units', () => {
  const claim = withDecimalTwins([{ at: 'claim', fields: [{ minor: 'settled_amount', decimal: 'settled_amount_decimal' }] }]);

  it('adds the amount in main units next to the cents, keeping the cents', () => {
    expect(claim({ claim: { settled_amount: 32625 } })).toEqual({ claim: { settled_amount: 32625, settled_amount_decimal: 326.25 } });
  });

  it('keeps null as null ("no amount yet"), and adds nothing where the vendor sent no amount or no number', () => {
    expect(claim({ claim: { settled_amount: null } })).toEqual({ claim: { settled_amount: null, settled_amount_decimal: null } });
    expect(claim({ claim: {} })).toEqual({ claim: {} });
    expect(claim({ claim: { settled_amount: 'n/a' } })).toEqual({ claim: { settled_amount: 'n/a' } });
    expect(claim({ claim: 'odd' })).toEqual({ claim: 'odd' });
    expect(claim({})).toEqual({});
  });

  it("never overwrites the vendor's own field of the twin's name", () => {
    expect(claim({ claim: { settled_amount: 100, settled_amount_decimal: 'theirs' } })).toEqual({
      claim: { settled_amount: 100, settled_amount_decimal: 'theirs' },
    });
  });

  it('follows paths through lists, and a suffix rule twins every amount it names', () => {
    const booqable = withDecimalTwins([
      { at: 'data', suffix: '_in_cents' },
      { at: 'data.lines[]', suffix: '_in_cents' },
    ]);
    expect(booqable({ data: { tax_in_cents: 2625, lines: [{ price_in_cents: 250 }, 'odd'] } })).toEqual({
      data: { tax_in_cents: 2625, tax: 26.25, lines: [{ price_in_cents: 250, price: 2.5 }, 'odd'] },
    });
  });

  it('with `nested`, twins every amount in every record and list below the path', () => {
    const deep = withDecimalTwins([{ at: 'data', suffix: '_in_cents', nested: true }]);
    expect(deep({ data: { bundle_items: [{ product_group: { base_price_in_cents: 250 } }], note: 'x' } })).toEqual({
      data: { bundle_items: [{ product_group: { base_price_in_cents: 250, base_price: 2.5 } }], note: 'x' },
    });
  });

  it('labels the twin plainly and the cents as such', () => {
    expect(moneyOutputFields({ minor: 'tax_in_cents', decimal: 'tax' }, 'Tax', { prefix: 'data__' })).toEqual([
      { key: 'data__tax', label: 'Tax', type: 'number' },
      { key: 'data__tax_in_cents', label: 'Tax (Cents)', type: 'integer' },
    ]);
  });
});
