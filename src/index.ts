import { version as platformVersion } from 'zapier-platform-core';
import authentication from './authentication';
import type { Vendor } from './lib/catalog';
import { anyEventTrigger, restHookTrigger, staticHookTrigger } from './lib/triggers';
import { VENDORS } from './vendors';

// Read at run time: package.json sits beside src/ and dist/ alike.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require('../package.json') as { version: string };

const triggersOf = (vendor: Vendor) => {
  const triggers =
    vendor.kind === 'rest'
      ? vendor.entries.map((entry) => restHookTrigger(vendor.adapter, entry))
      : vendor.entries.map((entry) => staticHookTrigger(vendor.adapter, entry));
  if (vendor.anyEvent) triggers.push(anyEventTrigger(vendor.adapter, vendor.anyEvent, vendor.kind));
  return triggers;
};

export const triggers = Object.fromEntries(VENDORS.flatMap(triggersOf).map((t) => [t.key, t]));

const app = {
  version,
  platformVersion,
  authentication,
  triggers,
};

export default app;
