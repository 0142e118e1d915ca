import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonRecord, Vendor } from '../lib/catalog';
import { computedSampleOf } from '../lib/vendor';
import { VENDORS } from '../vendors';

/** Every row's sample as the pipeline makes it from the row's delivery, by trigger key: what the app reads when it starts. */
export const computedSamples = (vendors: readonly Vendor[] = VENDORS): Record<string, JsonRecord> =>
  Object.fromEntries(vendors.flatMap((vendor) => vendor.entries.map((entry) => [entry.key, computedSampleOf(vendor.adapter, entry)])));

// From src/tools (tests) or dist/tools (npm run schemas) alike: the committed file under src/.
export const SAMPLES_FILE = join(__dirname, '..', '..', 'src', 'generated', 'samples.json');

if (require.main === module && process.argv.includes('--write')) {
  writeFileSync(SAMPLES_FILE, `${JSON.stringify(computedSamples(), null, 2)}\n`);
  process.stdout.write('src/generated/samples.json written.\n');
}
