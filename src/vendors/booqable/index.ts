import { defineVendor } from '../../lib/vendor';
import { booqableAdapter } from './adapter';
import { BOOQABLE_ANY_EVENT, BOOQABLE_KINDS, BOOQABLE_ROWS } from './events';

export const booqable = defineVendor({
  id: 'booqable',
  name: 'Booqable',
  kind: 'rest',
  adapter: booqableAdapter,
  kinds: BOOQABLE_KINDS,
  rows: BOOQABLE_ROWS,
  anyEvent: BOOQABLE_ANY_EVENT,
});
