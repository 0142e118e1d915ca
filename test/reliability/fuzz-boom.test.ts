import { describeFuzz } from './fuzz';

describeFuzz('boom');
