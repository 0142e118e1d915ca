import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonRecord, Vendor } from '../lib/catalog';
import { GENERATED_DIR } from '../lib/generated';
import { toShared } from '../lib/values';
import { computedSampleOf } from '../lib/vendor';
import { VENDORS } from '../vendors';
import { compiledDeliverySchemas } from './schemas';

/**
 * What `npm run build` computes once so that the app need not at every start: each row's sample as the
 * pipeline makes it, and each vendor's zod delivery schema as JSON Schema. Written into `dist/`
 * beside the compiled app; nothing generated is committed, and there is nothing to remember.
 */

/** Every row's sample as the pipeline makes it from the row's vendor body, by trigger key. */
export const computedSamples = (vendors: readonly Vendor[] = VENDORS): Record<string, JsonRecord> =>
  Object.fromEntries(
    vendors.flatMap((vendor) => [
      ...vendor.entries.map((entry) => [entry.key, computedSampleOf(vendor.adapter, entry)] as const),
      ...vendor.polls.map((entry) => [entry.key, computedSampleOf(vendor.adapter, entry, String(entry.body.id))] as const),
    ]),
  );

/** Writes both files into `dir` (the build's `dist/generated`). */
export const writeGenerated = (dir: string, vendors: readonly Vendor[] = VENDORS): void => {
  mkdirSync(dir, { recursive: true });
  // Each repeated record once: read back with its sharing in one pass (`fromShared`).
  // One file a vendor: a vendor's own app reads only its own samples.
  for (const vendor of vendors) writeFileSync(join(dir, `samples-${vendor.id}.json`), JSON.stringify(toShared(computedSamples([vendor]))));
  writeFileSync(join(dir, 'delivery-schemas.json'), JSON.stringify(compiledDeliverySchemas()));
};

if (require.main === module) writeGenerated(GENERATED_DIR);
