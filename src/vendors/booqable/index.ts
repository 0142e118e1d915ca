import type { Vendor } from '../../lib/catalog';
import { booqableAdapter } from './adapter';
import { BOOQABLE_ANY_EVENT, BOOQABLE_ENTRIES, type BooqableEvent } from './events';

export const booqable: Vendor<BooqableEvent> = { adapter: booqableAdapter, kind: 'rest', entries: BOOQABLE_ENTRIES, anyEvent: BOOQABLE_ANY_EVENT };
