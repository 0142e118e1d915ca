import type { JsonRecord } from '../lib/catalog';

/** What Zapier's runtime sends core's Lambda handler for one invocation. */
export interface HandlerEvent {
  command: 'execute';
  method: string;
  bundle: JsonRecord;
  /** Core's in-memory stand-in for z.cache outside Zapier (it ignores `nx`). */
  zcacheTestObj?: JsonRecord;
  /** Where core sends z.cache calls: Zapier's RPC, or a local stand-in (see zcache.ts). */
  rpc_base?: string;
  /** A local run: core prints no memory report per invocation. */
  calledFromCli?: boolean;
}

export type Handler = (event: HandlerEvent) => Promise<{ results: unknown }>;

/**
 * The handler Zapier's runtime calls, for an app object or the path of its entry file. Core
 * exports it, its typings do not declare it: this is the one place that says what it is.
 */
export const lambdaHandler = (app: object | string): Handler => {
  const core = require('zapier-platform-core') as { createAppHandler: (app: object | string) => Handler };
  return core.createAppHandler(app);
};
