import { buildApp } from '../src/app';
import { registeredVendors } from './support/harness';
import { testerFor } from './support/runtime';

/**
 * The app asks core not to patch Node's http (`flags.skipHttpPatch`): that patch logs only requests
 * made outside z.request, and costs every delivery a scan of its bundle for the cache call. It
 * loses no log only while every vendor call goes through z.request, whose own log Zapier shows in
 * Monitoring: each carries z.request's user agent.
 */
describe('every vendor call goes through z.request, so skipping core’s http patch loses no log', () => {
  it('the combined app and each vendor’s own app skip the patch', () => {
    const vendors = registeredVendors().map(({ vendor }) => vendor);
    for (const app of [buildApp(vendors), ...vendors.map((vendor) => buildApp([vendor]))]) expect(app.flags).toEqual({ skipHttpPatch: true });
  });

  describe.each(registeredVendors())('$vendor.name', ({ vendor, harness }) => {
    const tester = testerFor(buildApp([vendor]));
    it.each(harness.calls.map((call) => [call.name, call] as const))('%s', async (_name, call) => {
      const authData = { ...harness.authData };
      const interceptor = call.request(authData);
      const agents: unknown[] = [];
      interceptor.reply(function reply() {
        agents.push(this.req.headers['user-agent']);
        return [call.success.status, call.success.body];
      });
      await call.call(tester, authData);
      expect(agents).toEqual(['Zapier']);
    });
  });
});
