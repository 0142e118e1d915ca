import nock from 'nock';
import { useDeliverySchemas } from '../src/lib/delivery-schemas';
import { compiledDeliverySchemas } from '../src/tools/schemas';

// The app runs from its sources here: the delivery schemas the build would compile, from zod.
useDeliverySchemas(compiledDeliverySchemas());

// jest loads a fresh nock per test file in the same worker: each file activates its own and
// restores it at the end, so no interceptor of an earlier file is left answering.
if (!nock.isActive()) nock.activate();

// Tests never touch the network; loopback stays open for the workbench's own server.
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);

afterEach(() => {
  nock.cleanAll();
});

afterAll(() => {
  nock.restore();
});

// z.console echoes every "Skipped: …" line to the console; tests assert on results, not on noise.
beforeEach(() => {
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
});

// zapier-platform-core exits the process when it is over 450 MB RSS after 250 invocations: Zapier's
// guard for a Lambda container. A jest worker runs tens of thousands of invocations (the fuzz) and
// 10 MB bodies (the load test) and never gives memory back to the OS, so the guard is lifted here;
// the load test measures heap growth itself.
(require('zapier-platform-core/src/constants') as { KILL_MAX_LIMIT: number }).KILL_MAX_LIMIT = Number.MAX_SAFE_INTEGER;
