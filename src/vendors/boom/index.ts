import type { Vendor } from '../../lib/catalog';
import { boomAdapter } from './adapter';
import { BOOM_ANY_EVENT, BOOM_ENTRIES, type BoomEvent } from './events';

export const boom: Vendor<BoomEvent> = { adapter: boomAdapter, kind: 'static', entries: BOOM_ENTRIES, anyEvent: BOOM_ANY_EVENT };
