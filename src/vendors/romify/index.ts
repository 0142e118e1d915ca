import { defineVendor } from '../../lib/vendor';
import { romifyAdapter } from './adapter';
import { ROMIFY_ROWS } from './events';
import { ROMIFY_KINDS } from './kinds';

export const romify = defineVendor({ id: 'romify', name: 'Romify', hooks: 'rest', adapter: romifyAdapter, kinds: ROMIFY_KINDS, rows: ROMIFY_ROWS });
