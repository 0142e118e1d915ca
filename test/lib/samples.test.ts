import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromShared, type SharedJson } from '../../src/lib/values';
import { computedSamples, writeGenerated } from '../../src/tools/generate';
import { compiledDeliverySchemas } from '../../src/tools/schemas';
import { VENDORS } from '../../src/vendors';

/** What `npm run build` writes for the app to read when it starts (`src/tools/generate.ts`), in a folder of the test's own. */
const built = () => {
  const dir = mkdtempSync(join(tmpdir(), 'generated-'));
  writeGenerated(dir);
  const read = (name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8'));
  return { dir, read };
};

describe('samples and schemas: computed by the build, read when the app starts', () => {
  it('the samples the build writes read back as what the pipeline makes of each row, each repeated record once', () => {
    const { dir, read } = built();
    try {
      for (const vendor of VENDORS) {
        const file = read(`samples-${vendor.id}.json`) as SharedJson;
        expect(fromShared(structuredClone(file))).toStrictEqual(JSON.parse(JSON.stringify(computedSamples([vendor]))));
        // Stored shared: fewer records than the samples hold.
        expect(file.table.length).toBeLessThan(JSON.stringify(computedSamples([vendor])).split('{').length);
      }
      expect(read('delivery-schemas.json')).toEqual(compiledDeliverySchemas());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a built catalog starts without making a delivery: its samples are read, each delivery is made once when asked for', () => {
    const { dir, read } = built();
    try {
      jest.isolateModules(() => {
        jest.doMock('../../src/lib/generated', () => ({ GENERATED_DIR: dir, readGenerated: read }));
        const { ROMIFY_KINDS } = require('../../src/vendors/romify/kinds') as typeof import('../../src/vendors/romify/kinds');
        const made = Object.values(ROMIFY_KINDS).map((kind) => {
          const spy = jest.fn(kind.body as (...args: unknown[]) => unknown);
          (kind as { body: unknown }).body = spy;
          return spy;
        });
        const { romify } = require('../../src/vendors/romify') as typeof import('../../src/vendors/romify');
        const calls = () => made.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
        const written = fromShared(read('samples-romify.json') as SharedJson);
        expect(calls()).toBe(0);
        for (const entry of romify.entries) expect(entry.sample).toEqual(written[entry.key]);
        const [first] = romify.entries;
        expect(first!.body).toBe(first!.body);
        expect(calls()).toBe(1);
      });
    } finally {
      jest.dontMock('../../src/lib/generated');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
