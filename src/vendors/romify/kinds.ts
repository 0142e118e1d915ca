import { defineKinds } from '../../lib/record-kind';

// Romify's webhook page (docs/vendors.md, Romify): COMPLETED_FLOW… webhooks post an APIv1Lead,
// EVENT… webhooks an APIv1Event; the body is the object itself. Their field names are not published:
// these records are small and illustrative, and every field Romify sends is passed through as sent.
export const ILLUSTRATIVE =
  "Romify has not published the fields of its leads and events: the sample's fields are illustrative, and every field Romify sends is passed on.";

/** What the adapter needs of a Romify record kind: which object it is. */
export interface RomifyFacts {
  shape: 'lead' | 'event';
}

/** The status an event has when each webhook type fires (Romify's webhook page). */
const STATUS_OF: Record<string, string> = { EVENT_STARTING_SOON: 'UPCOMING', EVENT_STARTS: 'LIVE', EVENT_ENDS: 'COMPLETED' };

export const ROMIFY_KINDS = defineKinds({
  body: (type, record, facts: RomifyFacts) => (facts.shape === 'event' ? { ...record, status: STATUS_OF[type] ?? 'LIVE' } : record),
  sharedFields: [],
  kinds: {
    lead: {
      noun: 'Lead',
      facts: { shape: 'lead' },
      record: {
        id: 'lead_9f2c4e71',
        firstName: 'Priya',
        lastName: 'Raman',
        email: 'priya.raman@northwind.example',
        phone: '+1 312 555 0187',
        company: 'Northwind Staging',
        jobTitle: 'Operations Manager',
        scannedAt: '2026-12-02T10:41:07Z',
      },
      outputFields: [
        { key: 'id', label: 'Lead ID' },
        { key: 'firstName', label: 'Lead First Name' },
        { key: 'lastName', label: 'Lead Last Name' },
        { key: 'email', label: 'Lead Email' },
        { key: 'phone', label: 'Lead Phone' },
        { key: 'company', label: 'Lead Company' },
        { key: 'jobTitle', label: 'Lead Job Title' },
        { key: 'scannedAt', label: 'Scanned At', type: 'datetime' },
      ],
    },
    event: {
      noun: 'Event',
      facts: { shape: 'event' },
      record: { id: 'evt_5c1e9b2a', name: 'Rental & Event Expo 2026', status: 'LIVE', startDate: '2026-12-02T09:00:00Z', endDate: '2026-12-04T17:00:00Z' },
      outputFields: [
        { key: 'id', label: 'Event ID' },
        { key: 'name', label: 'Event Name' },
        { key: 'status', label: 'Event Status' },
        { key: 'startDate', label: 'Event Start', type: 'datetime' },
        { key: 'endDate', label: 'Event End', type: 'datetime' },
      ],
    },
  },
});
