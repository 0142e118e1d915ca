import http from 'node:http';
import https from 'node:https';

/**
 * Runs before test/setup.ts loads a test file's nock. A jest worker runs many test files, each with
 * its own nock, and all share Node's http and https modules: nock wraps their request functions,
 * and core wraps them again once per process to log what z.request does not. A wrapper an earlier
 * file left in place sent later files' requests to a nock with no interceptors, depending on which
 * files shared a worker. So each file starts from the functions Node itself gave the worker.
 */
const PRISTINE = Symbol.for('vendor-webhooks.pristine-http');
type Saved = { http: Pick<typeof http, 'request' | 'get' | 'ClientRequest'>; https: Pick<typeof https, 'request' | 'get'> };
const holder = http as unknown as Record<symbol, Saved | undefined>;
holder[PRISTINE] ??= {
  http: { request: http.request, get: http.get, ClientRequest: http.ClientRequest },
  https: { request: https.request, get: https.get },
};
Object.assign(http, holder[PRISTINE].http);
Object.assign(https, holder[PRISTINE].https);
// Core's logging wrapper would keep whichever nock it found first: core leaves a module marked patched alone.
Object.assign(http, { patchedByZapier: true });
Object.assign(https, { patchedByZapier: true });
