import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonRecord, Vendor } from '../lib/catalog';
import { toShared } from '../lib/values';
import { computedSampleOf } from '../lib/vendor';
import { VENDORS } from '../vendors';

/** Every row's sample as the pipeline makes it from the row's delivery, by trigger key: what the app reads when it starts. */
export const computedSamples = (vendors: readonly Vendor[] = VENDORS): Record<string, JsonRecord> =>
  Object.fromEntries(vendors.flatMap((vendor) => vendor.entries.map((entry) => [entry.key, computedSampleOf(vendor.adapter, entry)])));

// From src/tools (tests) or dist/tools (npm run schemas) alike: the committed file under src/.
export const SAMPLES_FILE = join(__dirname, '..', '..', 'src', 'generated', 'samples.json');

if (require.main === module && process.argv.includes('--write')) {
  const { table, roots } = toShared(computedSamples());
  // One record or list a line, so a change to a sample is a readable diff.
  writeFileSync(SAMPLES_FILE, `{"table":[\n${table.map((entry) => JSON.stringify(entry)).join(',\n')}\n],\n"roots":${JSON.stringify(roots, null, 1)}}\n`);
  process.stdout.write('src/generated/samples.json written.\n');
}
