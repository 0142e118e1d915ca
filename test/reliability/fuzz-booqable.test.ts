import { describeFuzz } from './fuzz';

describeFuzz('booqable');
