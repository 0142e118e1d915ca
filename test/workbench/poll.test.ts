import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { startWorkbench } from '../../src/workbench/server';
import activityLogs from '../vendors/boom/fixtures/api-activity-logs.json';

/**
 * A polling trigger in the workbench: the person at the machine checks the vendor's API with the
 * connection's keys, as Zapier does every few minutes, and sees each record's fields as the editor
 * shows them. The vendor's API is nock's (the workbench runs in this process); the workbench is on loopback.
 */

const API = 'https://api.production.boompay.app';
const KEY = 'boom_new_application_activity';
let server: Server;
let url: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'poll-captures-'));
  const connection = { authData: { boom_access_key: 'wb-poll-ak', boom_secret_key: 'wb-poll-sk' }, loaded: [] };
  const started = await startWorkbench({ port: 0, capturesDir: dir, connection, print: () => undefined });
  server = started.server;
  url = started.url;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

interface View {
  polled?: boolean;
  target: string;
  fired: { trigger: string; items: { labelled: { label: string; value: unknown }[] }[] }[];
  rejected: { reason: string }[];
}

describe('the workbench and a polling trigger', () => {
  it('lists it in the picker as one the workbench checks, not posts to', async () => {
    const triggers = (await (await fetch(`${url}/_/triggers`)).json()) as { key: string; poll?: boolean; inputs: { key: string }[] }[];
    expect(triggers.find((t) => t.key === KEY)).toMatchObject({ poll: true, inputs: [{ key: 'activity' }] });
  });

  it("checks Boom's API with the connection's keys and shows each record with its labelled fields, on the page too", async () => {
    nock(API).post('/partner/v1/authenticate').reply(200, { auth_token: 'wb-poll-jwt' });
    nock(API)
      .get('/partner/v1/applications/activity_logs')
      .query((q) => q.event_type === 'decision_made')
      .reply(200, { ...activityLogs.answer, items: [activityLogs.answer.items[0]] });
    const response = await fetch(`${url}/_/poll/${KEY}?activity=decision_made`, { method: 'POST' });
    expect(response.status).toBe(200);
    const view = (await response.json()) as View;
    expect(view.polled).toBe(true);
    expect(view.fired[0]!.items[0]!.labelled).toContainEqual(expect.objectContaining({ label: 'Activity', value: 'Decision Made' }));
    const page = (await (await fetch(`${url}/_/deliveries`)).json()) as { deliveries: View[] };
    expect(page.deliveries[0]).toMatchObject({ target: KEY, polled: true });
  });

  it('says what is wrong when Boom answers with an error, and refuses a delivery posted to it', async () => {
    // Signed in by the test before (the token is kept per key pair): Boom now answers the list with a 429.
    nock(API).get('/partner/v1/customers').query(true).reply(429, { error: 'Too many requests. Please try again later.' });
    const refused = (await (await fetch(`${url}/_/poll/boom_new_customer`, { method: 'POST' })).json()) as View;
    expect(refused.rejected[0]!.reason).toMatch(/^Boom is rate-limiting requests \(HTTP 429\)/);
    const posted = await fetch(`${url}/${KEY}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(posted.status).toBe(400);
    expect(((await posted.json()) as { error: string }).error).toMatch(/POST \/_\/poll\/boom_new_application_activity/);
    expect((await fetch(`${url}/_/poll/boom_enrollment_approved`, { method: 'POST' })).status).toBe(404);
  });
});
