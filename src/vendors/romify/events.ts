import type { EventRow, JsonRecord, OutputField, RecordKind } from '../../lib/catalog';
import { prefixed } from '../../lib/fields';
import type { EventsOf } from '../../lib/vendor';

// Romify has not published its delivery body: these samples are illustrative, and the trigger
// passes through every field it receives, so nothing depends on these names being right.
const ILLUSTRATIVE = 'Sample fields are illustrative: Romify has not published its delivery format, so every field Romify sends is passed through as sent.';

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

const STATUS_OF: Record<string, string> = { EVENT_STARTING_SOON: 'UPCOMING', EVENT_STARTS: 'LIVE', EVENT_ENDS: 'COMPLETED' };

const typeField: OutputField = { key: 'webhookType', label: 'Webhook Type' };
const eventFields = prefixed(
  'event',
  [
    { key: 'id', label: 'ID' },
    { key: 'name', label: 'Name' },
    { key: 'status', label: 'Status' },
    { key: 'startDate', label: 'Start', type: 'datetime' },
    { key: 'endDate', label: 'End', type: 'datetime' },
  ],
  'Event',
);

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

/** Romify has no list API the app uses yet: its record kinds need nothing of the adapter. */
export type RomifyApi = undefined;

export const ROMIFY_KINDS = {
  lead: { noun: 'Lead', delivery: () => leadSample, outputFields: leadFields, api: undefined },
  event: {
    noun: 'Event',
    delivery: (type: string) => ({ webhookType: type, event: { ...tradeShow, status: STATUS_OF[type] } }),
    outputFields: [{ key: 'id', label: 'Delivery ID' }, typeField, ...eventFields],
    api: undefined,
  },
} satisfies Record<string, RecordKind<RomifyApi>>;

/** One row per webhook type; keys are permanent. */
export const ROMIFY_ROWS = [
  {
    key: 'romify_completed_flow_all_changes',
    events: ['COMPLETED_FLOW_ALL_CHANGES'],
    label: 'Lead Scanned or Changed',
    when: 'a lead is scanned or changed in Romify',
    kind: 'lead',
    note: ILLUSTRATIVE,
  },
  {
    key: 'romify_event_starting_soon',
    events: ['EVENT_STARTING_SOON'],
    label: 'Event Starting Soon',
    when: 'a Romify event is due to start in 3 days',
    kind: 'event',
    note: ILLUSTRATIVE,
  },
  {
    key: 'romify_event_starts',
    events: ['EVENT_STARTS'],
    label: 'Event Started',
    when: 'a Romify event starts and goes live',
    kind: 'event',
    note: ILLUSTRATIVE,
  },
  { key: 'romify_event_ends', events: ['EVENT_ENDS'], label: 'Event Ended', when: 'a Romify event ends and is completed', kind: 'event', note: ILLUSTRATIVE },
] as const satisfies readonly EventRow<string, keyof typeof ROMIFY_KINDS>[];

export type RomifyWebhookType = EventsOf<typeof ROMIFY_ROWS>;
