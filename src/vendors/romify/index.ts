import { defineVendor } from '../../lib/vendor';
import { romifyAdapter } from './adapter';
import { ROMIFY_KINDS, ROMIFY_ROWS } from './events';

export const romify = defineVendor({ id: 'romify', name: 'Romify', kind: 'rest', adapter: romifyAdapter, kinds: ROMIFY_KINDS, rows: ROMIFY_ROWS });
