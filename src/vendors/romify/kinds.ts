import type { OutputField, RecordKind } from '../../lib/catalog';

// Romify's help page (docs/vendors.md): COMPLETED_FLOW… webhooks post an APIv1Lead, EVENT… webhooks an
// APIv1Event; the body is the object itself. Their field names are not published: these samples
// are small and illustrative, and every field Romify sends is passed through as sent.
export const ILLUSTRATIVE =
  "Romify has not published the fields of its leads and events: the sample's fields are illustrative, and every field Romify sends is passed on.";

/** What the adapter needs of a Romify record kind: which object it is, and where real ones come from. */
export interface RomifyFacts {
  shape: 'lead' | 'event';
}

const lead = {
  id: 'lead_9f2c4e71',
  firstName: 'Priya',
  lastName: 'Raman',
  email: 'priya.raman@northwind.example',
  phone: '+1 312 555 0187',
  company: 'Northwind Staging',
  jobTitle: 'Operations Manager',
  scannedAt: '2026-12-02T10:41:07Z',
};

const STATUS_OF: Record<string, string> = { EVENT_STARTING_SOON: 'UPCOMING', EVENT_STARTS: 'LIVE', EVENT_ENDS: 'COMPLETED' };
const event = (type: string) => ({
  id: 'evt_5c1e9b2a',
  name: 'Rental & Event Expo 2026',
  status: STATUS_OF[type] ?? 'LIVE',
  startDate: '2026-12-02T09:00:00Z',
  endDate: '2026-12-04T17:00:00Z',
});

const leadFields: OutputField[] = [
  { key: 'id', label: 'Lead ID' },
  { key: 'firstName', label: 'Lead First Name' },
  { key: 'lastName', label: 'Lead Last Name' },
  { key: 'email', label: 'Lead Email' },
  { key: 'phone', label: 'Lead Phone' },
  { key: 'company', label: 'Lead Company' },
  { key: 'jobTitle', label: 'Lead Job Title' },
  { key: 'scannedAt', label: 'Scanned At', type: 'datetime' },
];

const eventFields: OutputField[] = [
  { key: 'id', label: 'Event ID' },
  { key: 'name', label: 'Event Name' },
  { key: 'status', label: 'Event Status' },
  { key: 'startDate', label: 'Event Start', type: 'datetime' },
  { key: 'endDate', label: 'Event End', type: 'datetime' },
];

export const ROMIFY_KINDS = {
  lead: { noun: 'Lead', delivery: () => lead, outputFields: leadFields, facts: { shape: 'lead' } },
  event: { noun: 'Event', delivery: event, outputFields: eventFields, facts: { shape: 'event' } },
} satisfies Record<string, RecordKind<RomifyFacts>>;
