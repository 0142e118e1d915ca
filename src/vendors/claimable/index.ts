import { defineVendor } from '../../lib/vendor';
import { claimableAdapter } from './adapter';
import { CLAIMABLE_ANY_EVENT, CLAIMABLE_KINDS, CLAIMABLE_ROWS } from './events';

export const claimable = defineVendor({
  id: 'claimable',
  name: 'Claimable',
  kind: 'static',
  adapter: claimableAdapter,
  kinds: CLAIMABLE_KINDS,
  rows: CLAIMABLE_ROWS,
  anyEvent: CLAIMABLE_ANY_EVENT,
});
