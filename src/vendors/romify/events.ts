import type { EventRow } from '../../lib/catalog';
import type { EventsOf } from '../../lib/vendor';
import { ILLUSTRATIVE, type ROMIFY_KINDS } from './kinds';

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
