import { defineVendor } from '../../lib/vendor';
import { booqableAdapter } from './adapter';
import { BOOQABLE_ANY_EVENT, BOOQABLE_ROWS } from './events';
import { BOOQABLE_KINDS } from './kinds';

export const booqable = defineVendor({
  id: 'booqable',
  name: 'Booqable',
  hooks: 'rest',
  adapter: booqableAdapter,
  kinds: BOOQABLE_KINDS,
  rows: BOOQABLE_ROWS,
  anyEvent: BOOQABLE_ANY_EVENT,
});
