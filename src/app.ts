import { type App, version as platformVersion } from 'zapier-platform-core';
import { buildAuthentication } from './authentication';
import type { Hydrators, Vendor } from './lib/catalog';
import { keepOtherVendorsRunning } from './lib/errors';
import { type HookTrigger, triggersOf } from './lib/triggers';

// Read at run time: package.json sits beside src/ and dist/ alike.
const { version } = require('../package.json') as { version: string };

/** The Zapier app for the given vendors: one connection, every trigger of each. */
export const buildApp = (vendors: readonly Vendor[]) => {
  // One connection for several vendors: one vendor's rejected credential must not turn off the others' Zaps.
  const shared = vendors.length > 1;
  const hydrators: Hydrators = Object.fromEntries(
    vendors.flatMap((v) => Object.entries(v.adapter.hydrators ?? {})).map(([key, hydrate]) => [key, shared ? keepOtherVendorsRunning(hydrate) : hydrate]),
  );
  const triggers: Record<string, HookTrigger> = Object.fromEntries(vendors.flatMap((v) => triggersOf(v, { shared, hydrators })).map((t) => [t.key, t]));
  return {
    version,
    platformVersion,
    authentication: buildAuthentication(vendors),
    triggers,
    hydrators,
    // Every vendor call goes through z.request, which logs itself. Core's patch of Node's http logs
    // only what does not: here, core's own z.cache calls, each log scanning the whole bundle for
    // secrets (a third of a cache round trip's CPU time, on every delivery).
    flags: { skipHttpPatch: true },
  } satisfies App<Record<string, HookTrigger>>;
};

export type VendorApp = ReturnType<typeof buildApp>;
