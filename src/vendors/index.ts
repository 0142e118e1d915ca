import type { Vendor } from '../lib/catalog';
import { boom } from './boom';
import { booqable } from './booqable';
import { claimable } from './claimable';
import { romify } from './romify';

/** The registry: every vendor of the app, in the order the connection shows them. Everything that lists vendors reads this. */
export const VENDORS: readonly Vendor[] = [booqable, romify, boom, claimable];
