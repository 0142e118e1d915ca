import { DELIVERY_SCHEMAS } from '../../lib/delivery-schemas';
import type { CatalogEntry, JsonRecord, OutputField } from '../../lib/catalog';
import { prefixed } from '../../lib/fields';

export const ROMIFY_WEBHOOK_TYPES = ['COMPLETED_FLOW_ALL_CHANGES', 'EVENT_STARTING_SOON', 'EVENT_STARTS', 'EVENT_ENDS'] as const;
export type RomifyWebhookType = (typeof ROMIFY_WEBHOOK_TYPES)[number];

// Romify has not published its delivery body: these samples are illustrative, and the trigger
// passes through every field it receives, so nothing depends on these names being right.
const ILLUSTRATIVE = ' Sample fields are illustrative: Romify has not published its delivery format, so every field Romify sends is passed through as sent.';

const tradeShow = {
  id: 'evt_5c1e9b2a',
  name: 'Rental & Event Expo 2026',
  status: 'LIVE',
  startDate: '2026-12-02T09:00:00Z',
  endDate: '2026-12-04T17:00:00Z',
  location: 'Las Vegas Convention Center',
};

const leadSample: JsonRecord = {
  webhookType: 'COMPLETED_FLOW_ALL_CHANGES',
  leadId: 'lead_9f2c4e71',
  scannedAt: '2026-12-02T10:41:07Z',
  updatedAt: '2026-12-02T10:43:55Z',
  firstName: 'Priya',
  lastName: 'Raman',
  email: 'priya.raman@northwind.example',
  phone: '+1 312 555 0187',
  company: 'Northwind Staging',
  jobTitle: 'Operations Manager',
  answers: [{ question: 'Interested in', answer: 'LED dance floors' }],
  notes: 'Wants a quote for March',
  scannedBy: { name: 'Tom Becker' },
  event: tradeShow,
};

const eventSample = (type: RomifyWebhookType, status: string): JsonRecord => ({ webhookType: type, event: { ...tradeShow, status } });

const typeField: OutputField = { key: 'webhookType', label: 'Webhook Type' };
const eventFields = prefixed('event', [
  { key: 'id', label: 'ID' },
  { key: 'name', label: 'Name' },
  { key: 'status', label: 'Status' },
  { key: 'startDate', label: 'Start', type: 'datetime' },
  { key: 'endDate', label: 'End', type: 'datetime' },
], 'Event');

const leadFields: OutputField[] = [
  { key: 'id', label: 'Delivery ID' },
  typeField,
  { key: 'leadId', label: 'Lead ID' },
  { key: 'firstName', label: 'Lead First Name' },
  { key: 'lastName', label: 'Lead Last Name' },
  { key: 'email', label: 'Lead Email' },
  { key: 'phone', label: 'Lead Phone' },
  { key: 'company', label: 'Lead Company' },
  { key: 'jobTitle', label: 'Lead Job Title' },
  { key: 'scannedAt', label: 'Scanned At', type: 'datetime' },
  { key: 'answers[]question', label: 'Question' },
  { key: 'answers[]answer', label: 'Answer' },
  ...eventFields,
];


const withId = (sample: JsonRecord, id: string): JsonRecord => ({ ...sample, id });

/** [key, webhook type, label, "Triggers when …" phrase, noun, sample] — keys are permanent. */
const ROWS: ReadonlyArray<readonly [string, RomifyWebhookType, string, string, string, JsonRecord]> = [
  ['romify_completed_flow_all_changes', 'COMPLETED_FLOW_ALL_CHANGES', 'Lead Scanned or Changed', 'a lead is scanned or changed in Romify', 'Lead', leadSample],
  ['romify_event_starting_soon', 'EVENT_STARTING_SOON', 'Event Starting Soon', 'a Romify event is due to start in 3 days', 'Event', eventSample('EVENT_STARTING_SOON', 'UPCOMING')],
  ['romify_event_starts', 'EVENT_STARTS', 'Event Started', 'a Romify event starts and goes live', 'Event', eventSample('EVENT_STARTS', 'LIVE')],
  ['romify_event_ends', 'EVENT_ENDS', 'Event Ended', 'a Romify event ends and is completed', 'Event', eventSample('EVENT_ENDS', 'COMPLETED')],
];

export const ROMIFY_ENTRIES: readonly CatalogEntry<RomifyWebhookType>[] = ROWS.map(([key, type, label, phrase, noun, sample]) => ({
  key,
  label,
  noun,
  description: `Triggers when ${phrase}.${ILLUSTRATIVE}`,
  events: [type],
  sample: withId(sample, 'b5f1c0d2e3a4f5061728394a5b6c7d8e9f00112233445566778899aabbccddee'),
  outputFields: noun === 'Lead' ? leadFields : [{ key: 'id', label: 'Delivery ID' }, typeField, ...eventFields],
  schema: DELIVERY_SCHEMAS.romify,
}));
