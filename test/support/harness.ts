import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type nock from 'nock';
import type { ReplyBody } from 'nock';
import type { JsonRecord, Vendor } from '../../src/lib/catalog';
import { VENDORS } from '../../src/vendors';
import type { Tester } from './runtime';

export type Interceptor = ReturnType<ReturnType<typeof nock>['get']>;

/** One call the app makes to a vendor's API, as the fault matrix, the secrets test and the benchmark run it. */
export interface VendorCall {
  name: string;
  /** What the call is for (the benchmark sets it against the minimal app's call of the same role). */
  role: 'connection test' | 'subscribe' | 'unsubscribe' | 'Test trigger' | 'lookup';
  /** What a 401/403 must name. */
  credential: string;
  /** Statuses that mean success here (the hook is already gone). */
  okOn?: readonly number[];
  /** Success needs nothing from the answer: a 2xx that is not JSON still succeeds. */
  answerUnused?: boolean;
  /** Vendor requests a successful call makes (the benchmark's floor). */
  floor: number;
  /**
   * Mocks what must succeed before the request under test (a sign-in) and returns that request's
   * interceptor. May put fresh values into `authData` (each is then a secret to look for).
   */
  request(authData: Record<string, string>): Interceptor;
  /**
   * For a request that carries a token the app obtains itself: mocks the renewed sign-in a 401 leads
   * to and returns the interceptor of the retried request (see the fault matrix).
   */
  renewal?(authData: Record<string, string>): Interceptor;
  /** The vendor's documented success answer to the request under test. */
  success: { status: number; body: ReplyBody };
  call(tester: Tester, authData: Record<string, string>): Promise<unknown>;
}

/** What the shared suites (fuzz, fault matrix, secrets, benchmark) need to know of a vendor. */
export interface VendorHarness {
  /** Every connection field of the vendor, filled with recognisable fake values. */
  authData: Record<string, string>;
  /** Keys of `authData` that are not secret (a company slug): they may be shown. */
  notSecret?: readonly string[];
  /** Every call the app makes to the vendor's API; none for a vendor that has none. */
  calls: readonly VendorCall[];
  /** The headers a delivery of this event arrives with (the fuzz also sends each missing, empty, repeated and garbled). */
  deliveryHeaders(event: string): Record<string, string>;
  /** The connections a delivery may arrive under. */
  deliveryAuthData: readonly Record<string, string>[];
  /** What a REST hook's `perform` may find in `bundle.subscribeData`. */
  subscribeData?(event: string): readonly (JsonRecord | undefined)[];
}

export interface VendorUnderTest {
  vendor: Vendor;
  harness: VendorHarness;
}

/** A vendor's harness: `test/vendors/<id>/harness.ts`, exporting `harness`. */
export const harnessOf = (vendorId: string): VendorHarness => {
  const file = join(__dirname, '..', 'vendors', vendorId, 'harness');
  // .ts under jest, .js where the benchmark compiled it.
  if (!['.ts', '.js'].some((ext) => existsSync(file + ext)))
    throw new Error(`Vendor "${vendorId}" has no test harness: add test/vendors/${vendorId}/harness.ts (see CONTRIBUTING.md).`);
  return (require(file) as { harness: VendorHarness }).harness;
};

/** Every registered vendor with its harness. */
export const registeredVendors = (): VendorUnderTest[] => VENDORS.map((vendor) => ({ vendor, harness: harnessOf(vendor.id) }));

/** The secret values of a connection (every value but the ones a harness calls not secret). */
export const secretsOf = (harness: VendorHarness, authData: Record<string, string>): string[] =>
  Object.entries(authData)
    .filter(([key]) => !(harness.notSecret ?? []).includes(key))
    .map(([, value]) => value);
