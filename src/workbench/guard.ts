import type { IncomingHttpHeaders } from 'node:http';

/**
 * A local server is reachable from every page the developer's browser opens: a page on another
 * site can POST to it (a cross-site request), and a DNS-rebinding page reaches it under a foreign
 * host name. So the workbench answers only requests addressed to its own address, and browser
 * requests only from its own page. Vendors' servers, curl and tests send no Origin.
 */

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** Does this address listen on loopback only? */
export const isLoopback = (host: string) => LOOPBACK.has(host) || host.startsWith('127.');

/** The host names (with the port) this workbench answers to: loopback's, the one it listens on, and any the person adds (a tunnel's). */
export const ownHosts = (host: string, port: number, extra: readonly string[] = []): Set<string> => {
  // An IPv6 address is written in brackets in a Host header; a name given with its port keeps it.
  const withPort = (name: string) =>
    /^(\[[^\]]+\]|[^:]+):\d+$/.test(name) ? name : `${name.includes(':') && !name.startsWith('[') ? `[${name}]` : name}:${port}`;
  return new Set([...LOOPBACK, host, ...extra.map((h) => h.trim().toLowerCase()).filter(Boolean)].map(withPort));
};

/** Why a request is refused, or undefined when it is the workbench's own. */
export const refusal = (headers: IncomingHttpHeaders, hosts: ReadonlySet<string>): string | undefined => {
  const host = (headers.host ?? '').toLowerCase();
  if (!hosts.has(host))
    return `the Host "${host.slice(0, 100)}" is not this workbench's address (${[...hosts][0]}): a page on another site cannot use it. Add a tunnel's host to WORKBENCH_HOSTS.`;
  const origin = headers.origin;
  if (origin !== undefined) {
    let originHost: string;
    try {
      originHost = new URL(origin).host.toLowerCase();
    } catch {
      originHost = '';
    }
    if (!hosts.has(originHost)) return `a page at ${origin.slice(0, 100)} may not send requests to this workbench (only its own page may)`;
  }
  if (headers['sec-fetch-site'] === 'cross-site') return 'a cross-site browser request may not reach this workbench';
  return undefined;
};
