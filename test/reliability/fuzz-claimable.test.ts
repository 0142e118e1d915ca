import { describeFuzz } from './fuzz';

describeFuzz('claimable');
