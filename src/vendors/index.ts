import type { Vendor } from '../lib/catalog';
import { booqable } from './booqable';
import { boom } from './boom';
import { claimable } from './claimable';
import { romify } from './romify';

/** Every vendor of the app, in the order the connection shows them. */
export const VENDORS: readonly Vendor[] = [booqable, romify, boom, claimable];
