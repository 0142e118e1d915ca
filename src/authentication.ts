import type { Authentication, Bundle, ZObject } from 'zapier-platform-core';
import type { JsonRecord, Vendor } from './lib/catalog';
import { withinDeadline } from './lib/deadline';
import { keepOtherVendorsRunning } from './lib/errors';

const connectedVendors = (vendors: readonly Vendor[], authData: JsonRecord) => vendors.filter((v) => v.adapter.isConnected(authData));

/**
 * One connection for the given vendors: each fills only its own fields. In the combined app at
 * least one must be filled; a vendor's own app whose webhooks need nothing from the connection
 * (`required` empty) connects with nothing, as "webhooks only".
 */
export const buildAuthentication = (vendors: readonly Vendor[]): Authentication => {
  const own = vendors.length === 1 ? vendors[0] : undefined;
  const webhooksAlone = Boolean(own && own.adapter.credentials.required.length === 0);
  const test = async (z: ZObject, bundle: Bundle) => {
    const authData = bundle.authData ?? {};
    const connected = connectedVendors(vendors, authData);
    if (connected.length === 0 && webhooksAlone) return { connected_vendors: '', account: 'webhooks only' };
    if (connected.length === 0) {
      throw new z.errors.Error(
        own
          ? `Fill in the ${own.adapter.credentials.required.map((key) => own.adapter.credentials.fields.find((f) => f.key === key)?.label ?? key).join(' and ')}.`
          : `Fill in the fields of at least one vendor (${vendors.map((v) => v.name).join(', ')}); leave the others empty.`,
        'MissingCredentials',
      );
    }
    // One after another: the first failure names its vendor and field, the others are not masked.
    await withinDeadline(z, connected.map((v) => v.name).join(' or '), 'testing the connection', async () => {
      for (const vendor of connected) await vendor.adapter.testConnection(z, bundle);
    });
    const accounts = connected.map((v) => {
      const account = v.adapter.accountOf?.(authData);
      // A vendor's own app does not repeat its own name (Zapier check D003).
      if (own) return account ?? 'connected';
      return account ? `${v.name} (${account})` : v.name;
    });
    return { connected_vendors: connected.map((v) => v.name).join(', '), account: accounts.join(', ') };
  };
  return {
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
    test: vendors.length > 1 ? keepOtherVendorsRunning(test) : test,
    // The account (a subdomain, an environment and key, a token's last characters): two connections of one vendor can be told apart (Zapier check D003).
    connectionLabel: '{{account}}',
  };
};
