import { defineVendor } from '../../lib/vendor';
import { boomAdapter } from './adapter';
import { BOOM_ANY_EVENT, BOOM_ROWS } from './events';
import { BOOM_KINDS } from './kinds';

export const boom = defineVendor({
  id: 'boom',
  name: 'Boom',
  hooks: 'static',
  adapter: boomAdapter,
  kinds: BOOM_KINDS,
  rows: BOOM_ROWS,
  anyEvent: BOOM_ANY_EVENT,
});
