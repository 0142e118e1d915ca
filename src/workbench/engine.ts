import type { VendorApp } from '../app';
import type { CatalogEntry, JsonRecord, OutputField, Vendor } from '../lib/catalog';
import { readDelivery } from '../lib/delivery';
import { valuesAt } from '../lib/fields';
import { EVENTS_INPUT } from '../lib/triggers';
import { asRecord, cut, isRecord, parseJson } from '../lib/values';
import { entriesOf } from '../lib/vendor';
import { lambdaHandler } from './handler';
import { zapierRequest } from './zapier-request';
import { type CacheStandIn, startCacheStandIn } from './zcache';

/** A delivery as received: the format of captures and of the test fixtures. */
export interface Capture {
  source?: string;
  vendor?: string;
  target?: string;
  received_at?: string;
  method: string;
  headers: Record<string, string>;
  content: string;
  /** The trigger inputs it was posted with (`?events=…`), which a replay uses again. */
  inputData?: JsonRecord;
  /** As saved: the headers whose `{{NAME}}` markers stand for the connection's secrets (see secrets.ts). */
  secretHeaders?: Record<string, string[]>;
}

/** What a person would set in the trigger's inputs (`events`, a source filter), and whether to pass a repeat on purpose. */
interface RunOptions {
  inputData?: JsonRecord;
  /** Forget earlier deliveries first, so a repeat reaches the Zap again. */
  resend?: boolean;
}

interface LabelledValue {
  label: string;
  key: string;
  value: unknown;
}

export interface TriggerOutcome {
  trigger: string;
  label: string;
  outcome: 'fired' | 'skipped' | 'rejected';
  reason?: string;
  items: JsonRecord[];
  /** What the Zap editor shows for each item: its labelled fields, then the keys no field labels. */
  fields?: { labelled: LabelledValue[]; unlabelled: Record<string, unknown> }[];
}

/** Runs deliveries through the app the way Zapier's runtime does: its Lambda handler. */
export const createEngine = (app: VendorApp, vendors: readonly Vendor[], authData: Record<string, string>) => {
  const core = lambdaHandler(app);
  // A local run, as the CLI's: core prints no memory report for each invocation (the terminal is the workbench's).
  const handler: typeof core = (event) => core({ ...event, calledFromCli: true });
  // A local stand-in for Zapier's cache, so a repeated delivery is caught here as in a Zap.
  let cache: Promise<CacheStandIn> | undefined;
  const cacheEvent = async () => {
    cache ??= startCacheStandIn();
    return (await cache).event;
  };

  // Every trigger's catalog entry ("New … Event" included) and vendor.
  const byKey = new Map(vendors.flatMap((vendor) => entriesOf(vendor).map((entry) => [entry.key, { vendor, entry }] as const)));
  /** The vendor of a target: a trigger's key or a vendor's id. */
  const vendorOf = (target: string) => byKey.get(target)?.vendor ?? vendors.find((v) => v.id === target || v.polls.some((p) => p.key === target));
  /** The entry of a one-event trigger (not "New … Event"). */
  const eventEntry = (key: string): CatalogEntry | undefined => {
    const entry = byKey.get(key)?.entry;
    return entry && 'events' in entry ? entry : undefined;
  };

  /** Trigger keys a path names: one trigger, or every trigger of a vendor. */
  const resolve = (target: string): string[] => {
    // Own keys only: a path named `constructor` is no trigger.
    if (Object.hasOwn(app.triggers, target)) return [target];
    const vendor = vendors.find((v) => v.id === target);
    return vendor ? entriesOf(vendor).map((e) => e.key) : [];
  };

  const targets = () => ({ vendors: vendors.map((v) => v.id), triggers: Object.keys(app.triggers) });
  const label = (key: string) => (Object.hasOwn(app.triggers, key) ? (app.triggers[key]?.display.label ?? key) : key);
  /** The labelled fields the editor shows for a trigger set up with these inputs, as the app computes them ("New … Event": the picked events' too). */
  const outputFields = async (key: string, inputData: JsonRecord = {}): Promise<OutputField[]> => {
    const { results } = await handler({ command: 'execute', method: `triggers.${key}.operation.outputFields`, bundle: { authData, inputData } });
    return (Array.isArray(results) ? results : []).filter((f): f is OutputField => isRecord(f) && typeof f.key === 'string' && typeof f.label === 'string');
  };

  /** A trigger's set-up fields as the editor shows them (the events picker, a vendor's filters). */
  const inputFields = async (key: string): Promise<JsonRecord[]> => {
    const { results } = await handler({ command: 'execute', method: `triggers.${key}.operation.inputFields`, bundle: { authData, inputData: {} } });
    return (Array.isArray(results) ? results : []).filter(isRecord).filter((f) => f.type !== 'copy');
  };

  /**
   * What is wrong with these trigger inputs for a target, in words, or undefined: each must be an
   * input of one of its triggers, with a value among that input's choices (as the editor allows).
   */
  const checkInputs = async (target: string, inputData: JsonRecord): Promise<string | undefined> => {
    const keys = resolve(target);
    const fields = (await Promise.all(keys.map(inputFields))).flat();
    for (const [key, value] of Object.entries(inputData)) {
      const field = fields.find((f) => f.key === key);
      if (!field) {
        const known = [...new Set(fields.map((f) => String(f.key)))];
        return `"${cut(key)}" is not an input of /${target}${known.length ? `: its inputs are ${known.join(', ')}` : ': it has none'}`;
      }
      const choices = isRecord(field.choices) ? Object.keys(field.choices) : undefined;
      const bad = choices && (Array.isArray(value) ? value : [value]).map(String).filter((v) => !choices.includes(v));
      if (bad && bad.length > 0) return `${cut(bad.join(', '))} is not a choice of ${String(field.label)} (${key}): choose from ${choices!.join(', ')}`;
    }
    return undefined;
  };

  /** A "New … Event" trigger that subscribes to the picked events fires on nothing until some are picked. */
  const unpicked = (key: string, inputData: JsonRecord): TriggerOutcome | undefined => {
    const vendor = vendorOf(key);
    if (vendor?.hooks !== 'rest' || !vendor.anyEvent || vendor.anyEvent.key !== key) return undefined;
    const events = inputData.events;
    if (Array.isArray(events) ? events.length > 0 : Boolean(events)) return undefined;
    const example = vendor.anyEvent.choices
      .filter((e) => !e.hidden && !e.retired)
      .slice(0, 2)
      .map((e) => e.events[0]);
    return {
      trigger: key,
      label: label(key),
      outcome: 'skipped',
      reason: `no events are picked: pick events for ${label(key)} (its events input, events=${example.join(',')})`,
      items: [],
    };
  };

  /**
   * The bundle Zapier would build for one Zap on this trigger: a REST hook's subscription, or, at an
   * instant hook, the Zap's id as the platform may pass it (so a repeat is one, as in such a Zap).
   * Posted to a vendor whose bodies name no event (`shared`), no one subscription says what arrived:
   * the body's shape tells which trigger it is for.
   */
  const bundleFor = (key: string, capture: Capture, inputData: JsonRecord, shared: boolean) => {
    const vendor = vendorOf(key);
    const entry = eventEntry(key);
    const byShape = shared && vendor?.adapter.eventFromSubscription;
    const zap =
      vendor?.hooks === 'rest'
        ? entry && !byShape
          ? { subscribeData: { id: 'workbench', requestedEvents: [...entry.events] } }
          : {}
        : { meta: { zap: { id: 'workbench' } } };
    return { authData, inputData, ...zap, ...zapierRequest(capture.content, capture.headers, capture.method) };
  };

  /** The event a delivery to a target names, as the target's vendor reads it. */
  const eventOf = (target: string, capture: Capture): string | undefined => {
    const vendor = vendorOf(target);
    if (!vendor) return undefined;
    const { cleanedRequest, rawRequest } = zapierRequest(capture.content, capture.headers, capture.method);
    return vendor.adapter.eventOf(readDelivery({ cleanedRequest, rawRequest: { headers: rawRequest.headers, content: rawRequest.content } }), undefined);
  };

  /**
   * Which triggers of a vendor could fire: decided from the event the delivery names, before any
   * trigger runs (a 5 MB body then runs through the few that take it, not every trigger of the vendor).
   */
  const candidates = (keys: string[], capture: Capture): { run: string[]; skipped: TriggerOutcome[] } => {
    if (keys.length <= 1) return { run: keys, skipped: [] };
    const event = eventOf(keys[0]!, capture);
    if (event === undefined) return { run: keys, skipped: [] };
    const run: string[] = [];
    const skipped: TriggerOutcome[] = [];
    for (const key of keys) {
      const entry = eventEntry(key);
      if (!entry || entry.events.includes(event)) run.push(key);
      else skipped.push({ trigger: key, label: label(key), outcome: 'skipped', reason: `${key} does not fire on "${cut(event)}"`, items: [] });
    }
    return { run, skipped };
  };

  const runOne = async (trigger: string, capture: Capture, inputData: JsonRecord, shared: boolean): Promise<TriggerOutcome> => {
    const notPicked = unpicked(trigger, inputData);
    if (notPicked) return notPicked;
    return runWith(trigger, bundleFor(trigger, capture, inputData, shared), inputData);
  };

  /** Runs a trigger's perform on this bundle through the Lambda handler: what fired, with its fields as the editor shows them, or why not. */
  const runWith = async (trigger: string, bundle: JsonRecord, inputData: JsonRecord): Promise<TriggerOutcome> => {
    const lines: string[] = [];
    const original = { log: console.log, error: console.error };
    // z.console writes through the global console: its "Skipped: …" lines are the reason we show.
    console.log = (...args: unknown[]) => void lines.push(args.map(String).join(' '));
    console.error = console.log;
    try {
      const { results } = await handler({
        command: 'execute',
        method: `triggers.${trigger}.operation.perform`,
        bundle,
        ...(await cacheEvent()),
      });
      const items = Array.isArray(results) ? results.filter(isRecord) : [];
      if (items.length > 0) {
        const fields = await outputFields(trigger, inputData);
        return { trigger, label: label(trigger), outcome: 'fired', items, fields: items.map((item) => describeItem(fields, item)) };
      }
      const reason =
        lines
          .find((l) => l.includes('Skipped:'))
          ?.replace(/^.*Skipped:\s*/, '')
          .trim()
          .replace(/\.$/, '') ?? 'no item returned';
      return { trigger, label: label(trigger), outcome: 'skipped', reason: cut(reason, 400), items: [] };
    } catch (error) {
      const message = messageOf(error);
      return { trigger, label: label(trigger), outcome: 'rejected', reason: cut(message.replace(/^Rejected:\s*/, '').trim(), 400), items: [] };
    } finally {
      console.log = original.log;
      console.error = original.error;
    }
  };

  const run = async (target: string, capture: Capture, options: RunOptions = {}): Promise<TriggerOutcome[] | undefined> => {
    const keys = resolve(target);
    if (keys.length === 0) return undefined;
    if (options.resend) (await cache)?.reset();
    const { run: toRun, skipped } = candidates(keys, capture);
    const outcomes: TriggerOutcome[] = [];
    for (const key of toRun) outcomes.push(await runOne(key, capture, options.inputData ?? {}, keys.length > 1));
    return [...outcomes, ...skipped];
  };

  /** What the vendor posts for a trigger, ready to post back to it. */
  /**
   * What the vendor posts for a trigger: for "New … Event" with events picked, the body of the first
   * picked event (the catch-all's own sample is one event's, which the picks may leave out).
   */
  const bodyOf = (key: string, inputData: JsonRecord = {}): JsonRecord | undefined => {
    const entry = byKey.get(key)?.entry;
    if (entry && 'choices' in entry) {
      const picked = [inputData[EVENTS_INPUT]]
        .flat()
        .flatMap((v) => (typeof v === 'string' ? v.split(',') : []))
        .map((v) => v.trim());
      const first = entry.choices.find((choice) => choice.events.some((e) => picked.includes(e)));
      if (first) return first.body;
    }
    return entry?.body;
  };

  const hidden = (key: string) => Object.hasOwn(app.triggers, key) && Boolean(app.triggers[key]?.display.hidden);
  /** A trigger Zapier polls (its vendor's API lists what happened) rather than one a delivery reaches. */
  const isPoll = (key: string) => vendors.some((v) => v.polls.some((p) => p.key === key));
  /** What a polling trigger finds with the connection's credentials, as Zapier's poll (and Test trigger) would. */
  const poll = (key: string, inputData: JsonRecord = {}) => runWith(key, { authData, inputData }, inputData);
  return { run, targets, outputFields, inputFields, checkInputs, eventOf, label, bodyOf, hidden, vendorOf, isPoll, poll };
};

export type Engine = ReturnType<typeof createEngine>;

/** Every leaf of an item as an output-field key (`a__b`, `list[]field`). */
export const leafKeys = (value: unknown, prefix = ''): string[] => {
  if (Array.isArray(value)) {
    const objects = value.filter(isRecord);
    if (objects.length === 0) return prefix ? [prefix] : [];
    return [...new Set(objects.flatMap((o) => leafKeys(o, '').map((k) => `${prefix}[]${k}`)))];
  }
  if (isRecord(value)) {
    const keys = Object.entries(value).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}__${k}` : k));
    return keys.length > 0 ? keys : prefix ? [prefix] : [];
  }
  return prefix ? [prefix] : [];
};

/** An error's words: Zapier's app errors carry them as JSON (`{"message": …, "code": …}`). */
const messageOf = (error: unknown): string => {
  const text = error instanceof Error ? error.message : String(error);
  const said = asRecord(parseJson(text))?.message;
  return typeof said === 'string' ? said : text;
};

/** A dehydration pointer's hydrator (the name after `hydrators.`), or undefined for any other value. */
export const pointerOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value.startsWith('hydrate|||') ? (/"method":"hydrators\.(\w+)"/.exec(value)?.[1] ?? 'a lookup') : undefined;

/** The lookup that fills a field, when a pointer stands at the field's key or above it (`data__customer` for `data__customer__email`). */
const lookupFor = (item: JsonRecord, key: string): string | undefined => {
  const parts = key.split('[]')[0]!.split('__');
  for (let i = parts.length; i > 0; i -= 1) {
    const found = pointerOf(valuesAt(item, parts.slice(0, i).join('__')));
    if (found) return found;
  }
  return undefined;
};

/** What a Zap user sees for an item: labelled fields (a looked-up one says so), then the fields no output field labels. */
export const describeItem = (fields: readonly OutputField[], item: JsonRecord) => {
  const keys = new Set(fields.map((f) => f.key));
  const labelled = fields.flatMap((f) => {
    const value = valuesAt(item, f.key);
    if (value !== undefined && !pointerOf(value)) return [{ label: f.label, key: f.key, value }];
    const lookup = lookupFor(item, f.key);
    // The editor shows the field; its value comes from the vendor's API when a later Zap step uses it.
    return lookup ? [{ label: f.label, key: f.key, value: '(filled when a Zap step uses it)' }] : [];
  });
  const unlabelled: JsonRecord = {};
  for (const [key, value] of leafValues(item)) if (!keys.has(key) && !pointerOf(value)) unlabelled[key] = value;
  return { labelled, unlabelled };
};

/**
 * Every leaf of an item by its field key, in one walk (`list[]key`: the values of the lines that have
 * it): describing a list of thousands of records reads each value once, not once per key.
 */
const leafValues = (item: JsonRecord): Map<string, unknown> => {
  const found = new Map<string, unknown>();
  const lines = new Map<string, unknown[]>();
  const walk = (value: unknown, key: string, inList: boolean) => {
    if (!inList && Array.isArray(value) && value.some(isRecord)) {
      for (const line of value) if (isRecord(line)) for (const [k, v] of Object.entries(line)) walk(v, `${key}[]${k}`, true);
      return;
    }
    if (isRecord(value) && Object.keys(value).length > 0) {
      for (const [k, v] of Object.entries(value)) walk(v, key ? `${key}__${k}` : k, inList);
      return;
    }
    if (!key) return;
    if (!inList) found.set(key, value);
    else if (lines.has(key)) lines.get(key)!.push(value);
    else lines.set(key, [value]);
  };
  walk(item, '', false);
  for (const [key, values] of lines) found.set(key, values);
  return found;
};

/** A value on one line: a multi-line string shows its line breaks as \n, so the report keeps its layout. */
const show = (value: unknown): string => {
  const text = typeof value === 'string' ? (/[\r\n]/.test(value) ? JSON.stringify(value) : value) : JSON.stringify(value);
  return text === undefined ? '' : cut(text);
};

/** Outcomes that read the same (the same verdict and reason, each trigger's own name taken out), with how many triggers gave each. */
export const grouped = (outcomes: readonly TriggerOutcome[]) => {
  const groups = new Map<string, { reason: string; triggers: string[] }>();
  for (const o of outcomes) {
    const reason = (o.reason ?? '').replace(`${o.trigger} `, '');
    const group = groups.get(`${o.outcome}\n${reason}`) ?? { reason, triggers: [] };
    group.triggers.push(o.trigger);
    groups.set(`${o.outcome}\n${reason}`, group);
  }
  return [...groups.values()];
};

/** The report printed for one delivery: fired triggers with their fields, the others counted with their reasons. */
export const report = (target: string, outcomes: TriggerOutcome[], { verbose = false, server = true } = {}): string => {
  const lines = [`Delivery to /${target}:`];
  // A refusal every trigger gave alike is one line, not one per trigger.
  for (const { reason, triggers } of grouped(outcomes.filter((o) => o.outcome === 'rejected')))
    lines.push(triggers.length === 1 ? `  ${triggers[0]}: rejected (${reason})` : `  ${triggers.length} triggers rejected it: ${reason}`);
  for (const o of outcomes.filter((x) => x.outcome === 'fired' || (x.outcome === 'skipped' && (outcomes.length === 1 || verbose)))) {
    if (o.outcome !== 'fired') {
      lines.push(`  ${o.trigger}: ${o.outcome} (${o.reason})`);
      continue;
    }
    lines.push(`  ${o.trigger} fired "${o.label}" with ${o.items.length} item(s):`);
    for (const item of o.fields ?? []) {
      for (const f of item.labelled) lines.push(`    ${f.label} (${f.key}): ${show(f.value)}`);
      const unlabelled = Object.entries(item.unlabelled);
      if (unlabelled.length > 0) {
        lines.push('    not labelled by any output field:');
        for (const [key, value] of unlabelled) lines.push(`      ${key}: ${show(value)}`);
      }
    }
  }
  const skipped = outcomes.filter((o) => o.outcome === 'skipped');
  if (skipped.length > 0 && outcomes.length > 1 && !verbose) {
    // Grouped by reason: '38× does not fire on "enrollment_approved"'.
    const reasons = grouped(skipped).map(({ reason, triggers }) => `${triggers.length}× ${reason}`);
    lines.push(
      `  ${skipped.length} other trigger(s) skipped it: ${reasons.slice(0, 3).join('; ')}${reasons.length > 3 ? '; …' : ''}${server ? ' (?verbose=1, or the HTTP answer, lists each)' : ''}`,
    );
  }
  if (!outcomes.some((o) => o.outcome === 'fired')) lines.push('  Nothing fired: no Zap would run on this delivery.');
  return lines.join('\n');
};
