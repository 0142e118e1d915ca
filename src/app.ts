import { type App, version as platformVersion } from 'zapier-platform-core';
import { buildAuthentication } from './authentication';
import type { Vendor } from './lib/catalog';
import { type HookTrigger, triggersOf } from './lib/triggers';

// Read at run time: package.json sits beside src/ and dist/ alike.
const { version } = require('../package.json') as { version: string };

/** The Zapier app for the given vendors: one connection, every trigger of each. */
export const buildApp = (vendors: readonly Vendor[]) => {
  const triggers: Record<string, HookTrigger> = Object.fromEntries(vendors.flatMap(triggersOf).map((t) => [t.key, t]));
  const hydrators: NonNullable<Vendor['adapter']['hydrators']> = Object.assign({}, ...vendors.map((v) => v.adapter.hydrators ?? {}));
  return { version, platformVersion, authentication: buildAuthentication(vendors), triggers, hydrators } satisfies App<Record<string, HookTrigger>>;
};

export type VendorApp = ReturnType<typeof buildApp>;
