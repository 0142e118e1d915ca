import { describeFuzz } from './fuzz';

describeFuzz('romify');
