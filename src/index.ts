import { buildApp } from './app';
import { VENDORS } from './vendors';

/** The app Zapier runs: every vendor of the registry. */
const app = buildApp(VENDORS);

export default app;
