import type { Vendor } from '../../lib/catalog';
import { romifyAdapter } from './adapter';
import { ROMIFY_ENTRIES, type RomifyWebhookType } from './events';

export const romify: Vendor<RomifyWebhookType> = { adapter: romifyAdapter, kind: 'rest', entries: ROMIFY_ENTRIES };
