import { defineVendor } from '../../lib/vendor';
import { claimableAdapter } from './adapter';
import { CLAIMABLE_ANY_EVENT, CLAIMABLE_ROWS } from './events';
import { CLAIMABLE_KINDS } from './kinds';

export const claimable = defineVendor({
  id: 'claimable',
  name: 'Claimable',
  hooks: 'static',
  adapter: claimableAdapter,
  kinds: CLAIMABLE_KINDS,
  rows: CLAIMABLE_ROWS,
  anyEvent: CLAIMABLE_ANY_EVENT,
});
