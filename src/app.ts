import { type App, type Bundle, version as platformVersion, type ZObject } from 'zapier-platform-core';
import { buildAuthentication } from './authentication';
import type { Hydrators, Vendor } from './lib/catalog';
import { withinDeadline } from './lib/deadline';
import { recordPassed } from './lib/dedupe';
import { keepOtherVendorsRunning } from './lib/errors';
import { withoutPointers } from './lib/lookup-input';
import { withoutSecrets } from './lib/pipeline';
import { type AppTrigger, triggersOf } from './lib/triggers';

// Read at run time: package.json sits beside src/ and dist/ alike.
const { version } = require('../package.json') as { version: string };

/** The Zapier app for the given vendors: one connection, every trigger of each. */
export const buildApp = (vendors: readonly Vendor[]) => {
  // One connection for several vendors: one vendor's rejected credential must not turn off the others' Zaps.
  const shared = vendors.length > 1;
  const hydrators: Hydrators = Object.fromEntries(
    vendors.flatMap(({ adapter, name }) =>
      Object.entries(adapter.hydrators ?? {}).map(([key, hydrate]) => {
        // A looked-up record is the vendor's too: the fields it documents as secrets never reach a Zap,
        // nor its text shaped like a pointer. A lookup may take two calls (Boom signs in first): it ends
        // within the app's deadline.
        const clean = (z: ZObject, bundle: Bundle) =>
          withinDeadline(z, name, 'looking up what a Zap step maps', async () => withoutPointers(withoutSecrets(adapter, await hydrate(z, bundle))));
        return [key, shared ? keepOtherVendorsRunning(clean) : clean];
      }),
    ),
  );
  const triggers: Record<string, AppTrigger> = Object.fromEntries(vendors.flatMap((v) => triggersOf(v, { shared, hydrators })).map((t) => [t.key, t]));
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
    // A delivery whose result core still has to stash is recorded as passed on only after that.
    afterApp: [recordPassed],
  } satisfies App<Record<string, AppTrigger>>;
};

export type VendorApp = ReturnType<typeof buildApp>;
