import { readFileSync } from 'node:fs';
import { fromShared, type SharedJson, toShared } from '../../src/lib/values';
import { computedSamples, SAMPLES_FILE } from '../../src/tools/samples';
import { VENDORS } from '../../src/vendors';

describe('samples: computed by the pipeline, read when the app starts', () => {
  const file = () => JSON.parse(readFileSync(SAMPLES_FILE, 'utf8')) as SharedJson;
  const written = fromShared(file());

  it('the committed samples are what the pipeline makes of each row’s delivery (run `npm run schemas` after changing a kind or the pipeline)', () => {
    expect(file()).toStrictEqual(toShared(JSON.parse(JSON.stringify(computedSamples()))));
    expect(written).toStrictEqual(JSON.parse(JSON.stringify(computedSamples())));
  });

  it('every trigger shows the committed sample of its row', () => {
    for (const vendor of VENDORS) {
      for (const entry of vendor.entries) expect(entry.sample).toEqual(written[entry.key]);
      expect(Object.keys(written).filter((key) => key.startsWith(`${vendor.id}_`))).toEqual(vendor.entries.map((e) => e.key));
    }
  });
});
