import type { Vendor } from '../../lib/catalog';
import { claimableAdapter } from './adapter';
import { CLAIMABLE_ENTRIES, type ClaimableEvent } from './events';

export const claimable: Vendor<ClaimableEvent> = { adapter: claimableAdapter, kind: 'static', entries: CLAIMABLE_ENTRIES };
