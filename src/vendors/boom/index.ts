import { defineVendor } from '../../lib/vendor';
import { boomAdapter } from './adapter';
import { BOOM_ANY_EVENT, BOOM_POLL_ROWS, BOOM_ROWS } from './events';
import { BOOM_KINDS, BOOM_POLL_KINDS } from './kinds';

export const boom = defineVendor({
  id: 'boom',
  name: 'Boom',
  hooks: 'static',
  adapter: boomAdapter,
  kinds: { ...BOOM_KINDS, ...BOOM_POLL_KINDS },
  rows: BOOM_ROWS,
  anyEvent: BOOM_ANY_EVENT,
  polls: BOOM_POLL_ROWS,
  // Said where the trigger list shows it, before a person picks an instant trigger.
  caveat: {
    single:
      'Boom sends all its events to one Zap URL per environment, so for more than one Boom Zap use "New Boom Event" with Paths, or a trigger checked every few minutes',
    anyEvent: 'the one instant Boom Zap that takes several Boom events: split them with Paths',
  },
});
