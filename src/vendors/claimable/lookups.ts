import type { Bundle, ZObject } from 'zapier-platform-core';
import type { DeliveryAdapter } from '../../lib/catalog';
import { fullName } from '../../lib/derived';
import { idInput, idOf } from '../../lib/lookup-input';
import { asRecord, asString, authValue, isRecord } from '../../lib/values';
import { claimableRequest, TOKEN } from './client';

/** The user id of `assigned_to`, whether Claimable sends the id or a user object (its shape is not published). */
const assigneeId = (claim: Record<string, unknown> | undefined): string | undefined => {
  const to = claim?.assigned_to;
  return idOf(isRecord(to) ? (to.id ?? to.user_id) : to);
};

/** The user a claim is assigned to: Claimable's users resource, by id (docs/vendors.md: it has the name and email). */
export const hydrators = {
  claimableUser: async (z: ZObject, bundle: Bundle) => {
    const id = idInput(z, bundle, 'user_id', 'Claimable', 'assignee');
    const answer = await claimableRequest(z, bundle, { method: 'GET', path: `users/${id}`, needsJson: true }, 'looking up the assignee');
    const data = asRecord(answer.data);
    const user = asRecord(data?.user) ?? asRecord(data?.data) ?? data ?? {};
    const name = asString(user.name) ?? fullName(user.first_name, user.last_name);
    return { id: user.id, ...(name ? { name } : {}), ...(user.email !== undefined ? { email: user.email } : {}) };
  },
};

/**
 * The assignee: as the claim carried it (a user object with a name or email), else, with a token,
 * a pointer Zapier resolves through Claimable's API only when a later step uses it.
 */
export const enrich: NonNullable<DeliveryAdapter['enrich']> = (_z, bundle, item, lookup) => {
  const claim = asRecord(item.claim);
  if (!claim || Object.hasOwn(item, 'assignee')) return item;
  const to = asRecord(claim.assigned_to);
  if (to && (to.email !== undefined || to.name !== undefined)) return { ...item, assignee: to };
  const id = assigneeId(claim);
  return id && authValue(bundle.authData, TOKEN) ? { ...item, assignee: lookup('claimableUser', { user_id: id }) } : item;
};
