import { readFileSync } from 'node:fs';
import { fromShared, type SharedJson, toShared } from '../../src/lib/values';
import { computedSamples, SAMPLES_FILE } from '../../src/tools/samples';

describe('samples: computed by the pipeline, read when the app starts', () => {
  const file = () => JSON.parse(readFileSync(SAMPLES_FILE, 'utf8')) as SharedJson;
  const written = fromShared(file());

  it('the committed samples are what the pipeline makes of each row’s delivery (run `npm run schemas` after changing a kind or the pipeline)', () => {
    expect(file()).toStrictEqual(toShared(JSON.parse(JSON.stringify(computedSamples()))));
    expect(written).toStrictEqual(JSON.parse(JSON.stringify(computedSamples())));
  });

  it('a vendor’s catalog starts without making a delivery: its samples are read, each delivery is made once when asked for', () => {
    jest.isolateModules(() => {
      const { ROMIFY_KINDS } = require('../../src/vendors/romify/kinds') as typeof import('../../src/vendors/romify/kinds');
      const made = Object.values(ROMIFY_KINDS).map((kind) => {
        const spy = jest.fn(kind.delivery as (...args: unknown[]) => unknown);
        (kind as { delivery: unknown }).delivery = spy;
        return spy;
      });
      const { romify } = require('../../src/vendors/romify') as typeof import('../../src/vendors/romify');
      const calls = () => made.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
      expect(calls()).toBe(0);
      for (const entry of romify.entries) expect(entry.sample).toEqual(written[entry.key]);
      const [first] = romify.entries;
      expect(first!.delivery).toBe(first!.delivery);
      expect(calls()).toBe(1);
    });
  });
});
