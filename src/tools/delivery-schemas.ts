import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z as zod } from 'zod';
import type { VendorId } from '../lib/catalog';
import { boomDelivery } from '../vendors/boom/schema';
import { booqableDelivery } from '../vendors/booqable/schema';
import { claimableDelivery } from '../vendors/claimable/schema';
import { romifyDelivery } from '../vendors/romify/schema';

/** The zod delivery schemas as JSON Schema: what the app checks deliveries against at run time. */
export const compiledDeliverySchemas = (): Record<VendorId, object> => ({
  booqable: zod.toJSONSchema(booqableDelivery),
  romify: zod.toJSONSchema(romifyDelivery),
  boom: zod.toJSONSchema(boomDelivery),
  claimable: zod.toJSONSchema(claimableDelivery),
});

// From src/tools (tests) or dist/tools (npm run schemas) alike: the committed file under src/.
export const SCHEMAS_FILE = join(__dirname, '..', '..', 'src', 'generated', 'delivery-schemas.json');

if (require.main === module && process.argv.includes('--write')) {
  writeFileSync(SCHEMAS_FILE, JSON.stringify(compiledDeliverySchemas(), null, 2) + '\n');
  process.stdout.write('src/generated/delivery-schemas.json written.\n');
}
