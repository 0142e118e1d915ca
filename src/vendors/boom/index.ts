import { defineVendor } from '../../lib/vendor';
import { boomAdapter } from './adapter';
import { BOOM_ANY_EVENT, BOOM_KINDS, BOOM_ROWS } from './events';

export const boom = defineVendor({
  id: 'boom',
  name: 'Boom',
  kind: 'static',
  adapter: boomAdapter,
  kinds: BOOM_KINDS,
  rows: BOOM_ROWS,
  anyEvent: BOOM_ANY_EVENT,
});
