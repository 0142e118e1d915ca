import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import type { JsonRecord, Vendor } from './lib/catalog';
import { keepOtherVendorsRunning } from './lib/errors';

const connectedVendors = (vendors: readonly Vendor[], authData: JsonRecord) => vendors.filter((v) => v.adapter.isConnected(authData));

/** One connection for the given vendors: each fills only its own fields; at least one must be filled. */
export const buildAuthentication = (vendors: readonly Vendor[]): Authentication => ({
  type: 'custom',
  fields: vendors.flatMap((vendor) =>
    vendor.adapter.credentials.fields.map((field) => ({
      key: field.key,
      label: field.label,
      helpText: field.helpText,
      type: field.type ?? 'string',
      required: false,
      ...(field.choices ? { choices: field.choices } : {}),
      ...(field.default ? { default: field.default } : {}),
      ...(field.inputFormat ? { inputFormat: field.inputFormat } : {}),
    })),
  ),
  // Zapier also runs this test on its own: in a connection of several vendors, one vendor's rejection must not mark it expired.
  test: (vendors.length > 1 ? keepOtherVendorsRunning : <R>(f: R) => f)(async (z: ZObject, bundle: Bundle) => {
    const connected = connectedVendors(vendors, bundle.authData ?? {});
    if (connected.length === 0) {
      throw new z.errors.Error(
        `Fill in the fields of at least one vendor (${vendors.map((v) => v.name).join(', ')}); leave the others empty.`,
        'MissingCredentials',
      );
    }
    // One after another: the first failure names its vendor and field, the others are not masked.
    for (const vendor of connected) await vendor.adapter.testConnection(z, bundle);
    const accounts = connected.map((v) => {
      const account = v.adapter.accountOf?.(bundle.authData ?? {});
      return account ? `${v.name} (${account})` : v.name;
    });
    return { connected_vendors: connected.map((v) => v.name).join(', '), account: accounts.join(', ') };
  }),
  // The account, so that two connections of one vendor (two Booqable shops, Boom sandbox and production) can be told apart.
  connectionLabel: '{{account}}',
});
