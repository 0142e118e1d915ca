import type { Bundle, ZObject } from 'zapier-platform-core';
import type { DeliveryAdapter } from '../../lib/catalog';
import { readDelivery } from '../../lib/delivery';
import { fullName } from '../../lib/derived';
import { idInput, idOf } from '../../lib/lookup-input';
import { asRecord, asString, authValue, isRecord } from '../../lib/values';
import { claimableRequest, TOKEN } from './client';
import { eventNameOf, newestDamage, withDecimals } from './normalise';

/** The user id of `assigned_to`, whether Claimable sends the id or a user object (its shape is not published). */
const assigneeId = (claim: Record<string, unknown> | undefined): string | undefined => {
  const to = claim?.assigned_to;
  return idOf(isRecord(to) ? (to.id ?? to.user_id) : to);
};

/** What a Zap step may ask Claimable's API for, by id, when it maps a field a delivery lacks. */
export const hydrators = {
  /**
   * A claim's newest damage, from the claim as Claimable's API answers it (docs/vendors.md: damages
   * exist only nested in a claim; that the claim's answer lists them is a guess). Fails saying so
   * where it does not, rather than giving a Zap step empty fields.
   */
  claimableDamage: async (z: ZObject, bundle: Bundle) => {
    const id = idInput(z, bundle, 'claim_id', 'Claimable', 'damage');
    const answer = await claimableRequest(z, bundle, { method: 'GET', path: `claims/${id}`, needsJson: true }, 'looking up the damage');
    const data = asRecord(answer.data);
    const claim = asRecord(data?.claim) ?? data;
    const damage = newestDamage(claim?.damages);
    if (!damage)
      throw new z.errors.Error(
        `The damage could not be looked up: Claimable's answer for claim ${id} lists no damages. Map the damage from a delivery that carries it.`,
        'NotFound',
      );
    return asRecord(withDecimals({ damage }).damage) ?? damage;
  },
  /** The user a claim is assigned to: Claimable's users resource, by id (docs/vendors.md: it has the name and email). */
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
 * What a later step may map that the delivery lacks, each a pointer Zapier resolves through
 * Claimable's API (with a token) only when a step uses it: the assignee, as the claim carried it (a
 * user object with a name or email) or looked up; an added damage the delivery did not carry.
 */
export const enrich: NonNullable<DeliveryAdapter['enrich']> = (_z, bundle, item, lookup) => {
  const claim = asRecord(item.claim);
  if (!claim) return item;
  const token = Boolean(authValue(bundle.authData, TOKEN));
  const added: Record<string, unknown> = {};
  if (!Object.hasOwn(item, 'assignee')) {
    const to = asRecord(claim.assigned_to);
    const id = assigneeId(claim);
    if (to && (to.email !== undefined || to.name !== undefined)) added.assignee = to;
    else if (id && token) added.assignee = lookup('claimableUser', { user_id: id });
  }
  const claimId = idOf(claim.id);
  const event = () => eventNameOf(item, readDelivery(bundle).headers);
  if (!Object.hasOwn(item, 'damage') && claimId && token && event() === 'claim.damage.created') added.damage = lookup('claimableDamage', { claim_id: claimId });
  return Object.keys(added).length > 0 ? { ...item, ...added } : item;
};
