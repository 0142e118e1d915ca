import nock from 'nock';
import { captureBundle, loadCapture } from '../../support/fixtures';
import { app, deliveryBundle, entryOf, failure, hydrate, resetCache, run, testAuth } from '../../support/runtime';

const TOKEN = 'claimable-token-SECRET-4242';
const API = 'https://api.claimable.com';

beforeEach(resetCache);

const claim = { id: 501, title: 'Hail damage', labels: ['Roof'], estimated_claim_cost: 125050, future: { x: 1 } };

describe('Claimable deliveries', () => {
  it('takes both spellings of the label events', async () => {
    await expect(run('claimable_claim_label_added', 'perform', deliveryBundle({ claim, event_name: 'claim.label_added', source: 'ui' }))).resolves.toHaveLength(
      1,
    );
    await expect(run('claimable_claim_label_added', 'perform', deliveryBundle({ claim, event_name: 'claim.label.added', source: 'ui' }))).resolves.toHaveLength(
      1,
    );
    await expect(
      run('claimable_claim_label_removed', 'perform', deliveryBundle({ claim, event_name: 'claim.label.removed', source: 'ui' })),
    ).resolves.toHaveLength(1);
  });

  it('reads the event from the Event-Name header when the body lacks it', async () => {
    const bundle = deliveryBundle({ claim, source: 'api' }, { headers: { 'event-name': '"claim.closed"' } });
    await expect(run('claimable_claim_closed', 'perform', bundle)).resolves.toHaveLength(1);
    resetCache();
    await expect(run('claimable_claim_created', 'perform', bundle)).resolves.toEqual([]);
  });

  it('skips a delivery that names no event at all (the URL may get every event)', async () => {
    await expect(run('claimable_claim_created', 'perform', deliveryBundle({ claim }))).resolves.toEqual([]);
  });

  it.each([
    ['any', 'api', 1],
    ['ui', 'ui', 1],
    ['ui', 'api', 0],
    ['api', 'ui', 0],
  ])('with the source filter on %s, a change from %s runs the Zap %i time(s)', async (wanted, source, count) => {
    const items = await run(
      'claimable_claim_assigned',
      'perform',
      deliveryBundle({ claim, event_name: 'claim.assigned', source, performed_by: { name: 'Bot' } }, { inputData: { source: wanted } }),
    );
    expect(items).toHaveLength(count);
  });

  it('derives an id that a retry repeats and another event does not, and suppresses no body (Claimable documents no retries)', async () => {
    const body = { claim, event_name: 'claim.assigned', source: 'ui', performed_by: { user_id: 1, name: 'A' } };
    const toZap = (b: typeof body) => ({ ...deliveryBundle(b), meta: { zap: { id: 7 } } });
    const [first] = await run('claimable_claim_assigned', 'perform', toZap(body));
    // The same body again may be a claim assigned, unassigned and assigned again: it runs the Zap.
    const [again] = await run('claimable_claim_assigned', 'perform', toZap(body));
    expect(again!.id).toBe(first!.id);
    const [other] = await run('claimable_claim_assigned', 'perform', deliveryBundle({ ...body, performed_by: { user_id: 2, name: 'B' } }));
    expect(other!.id).not.toBe(first!.id);
  });

  it('keeps unknown fields and adds decimal money, and survives missing fields', async () => {
    const [item] = await run(
      'claimable_claim_created',
      'perform',
      deliveryBundle({ claim, event_name: 'claim.created', source: 'api', performed_by: { name: 'Mobile App API Token' } }),
    );
    expect(item).toMatchObject({ claim: { ...claim, estimated_claim_cost_decimal: 1250.5 } });
    await expect(run('claimable_claim_created', 'perform', deliveryBundle({ event_name: 'claim.created', claim: null }))).resolves.toHaveLength(1);
  });
});

describe('Claimable samples and connection', () => {
  it('loads recent claims shaped like a delivery', async () => {
    const scope = nock(API, { reqheaders: { authorization: `Bearer ${TOKEN}` } })
      .get('/claims')
      .reply(200, [{ id: 9, title: 'Theft', settled_amount: 1000 }], { 'Total-Count': '1' });
    const authData = { claimable_api_token: TOKEN };
    const items = await run('claimable_claim_closed', 'performList', { authData });
    expect(scope.isDone()).toBe(true);
    const posted = {
      claim: { id: 9, title: 'Theft', settled_amount: 1000 },
      event_name: 'claim.closed',
      source: 'api',
      performed_by: { user_id: null, name: 'Sample loaded by Zapier' },
    };
    // The item a delivery of that claim gives, id and all.
    expect(items).toEqual(await run('claimable_claim_closed', 'perform', deliveryBundle(posted, { authData })));
    expect(items[0]).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{64}$/), claim: { settled_amount_decimal: 10 } });
  });

  it('returns nothing without a token: the editor offers its sample', async () => {
    await expect(run('claimable_contact_created', 'performList', { authData: {} })).resolves.toEqual([]);
  });

  it('returns nothing when Claimable has no claims yet', async () => {
    nock(API).get('/claims').reply(200, []);
    await expect(run('claimable_claim_closed', 'performList', { authData: { claimable_api_token: TOKEN } })).resolves.toEqual([]);
  });

  it("401 names Claimable's token and shows Claimable's words", async () => {
    nock(API).get('/claims').reply(401, { error: 'Invalid or revoked API token!' });
    const error = await failure(testAuth({ claimable_api_token: TOKEN }));
    expect(error.message).toMatch(/Claimable rejected the Claimable API Token/);
    expect(error.message).toContain('Invalid or revoked API token!');
    expect(error.message).not.toContain(TOKEN);
  });

  it('labels a connection with several vendors', async () => {
    nock(API).get('/claims').reply(200, []);
    await expect(testAuth({ claimable_api_token: TOKEN, boom_webhook_secret: 's' })).resolves.toEqual({
      connected_vendors: 'Boom, Claimable',
      account: 'Boom (production, webhooks only), Claimable (token …4242)',
    });
  });
});

describe('"New Claimable Event"', () => {
  const body = (event_name: string) => ({ claim, event_name, source: 'ui', performed_by: { user_id: 1, name: 'A' } });

  it('with nothing picked, passes on every event, names this app does not list included', async () => {
    await expect(run('claimable_event', 'perform', deliveryBundle(body('claim.assigned')))).resolves.toHaveLength(1);
    // Claimable's events table goes on past claim.damage.deleted with names no public copy shows.
    await expect(run('claimable_event', 'perform', deliveryBundle(body('claim.note.created')))).resolves.toHaveLength(1);
  });

  it('with events picked, passes on those (both spellings of a label event) and skips the rest', async () => {
    const inputData = { events: ['claim.label_added', 'claim.closed'] };
    await expect(run('claimable_event', 'perform', deliveryBundle(body('claim.label.added'), { inputData }))).resolves.toHaveLength(1);
    await expect(run('claimable_event', 'perform', deliveryBundle(body('claim.assigned'), { inputData }))).resolves.toEqual([]);
  });
});

describe('Claimable directions', () => {
  it('name the exact event to ask support for, the UI Only setting, and that the URL must stay private', () => {
    const directions = app.triggers.claimable_claim_assigned!.display.directions!;
    expect(directions).toContain('`claim.assigned`');
    expect(directions).toContain('"UI Only"');
    expect(directions).toMatch(/keep it private/);
  });
});

describe('Claimable samples agree with their event', () => {
  it.each([
    ['claimable_claim_closed', { status: 'closed' }],
    ['claimable_claim_reopened', { status: 'open', closed_at: null }],
    ['claimable_claim_created', { status: 'open', closed_at: null }],
    ['claimable_claim_label_removed', { labels: [] }],
  ])('%s', (key, state) => {
    const sample = entryOf(key).sample as { claim: Record<string, unknown>; event_name: string };
    expect(sample.claim).toMatchObject(state);
    expect(sample.event_name).toBe(entryOf(key).events[0]);
    if (key === 'claimable_claim_closed') expect(typeof sample.claim.closed_at).toBe('string');
  });

  it('uses the documented forms: slugs for type, incident type and labels, integer ids, a main_contact party', () => {
    const { claim } = entryOf('claimable_claim_created').sample as { claim: Record<string, unknown> };
    expect(claim).toMatchObject({ type: 'property', incident_type: 'theft', labels: ['awaiting-repairs'], claimant: { role: 'main_contact' } });
    expect(Number.isInteger(claim.id)).toBe(true);
  });
});

describe("a claim's incident address", () => {
  it("is one line of its parts as an address is written, without the country code or the note (Claimable's own example)", async () => {
    const [item] = await run('claimable_claim_created', 'perform', captureBundle(loadCapture('vendors/claimable/fixtures/docs-claim-reference-example.json')));
    expect((item!.claim as Record<string, unknown>).incident_location).toBe('1 Mentmore Terrace, London, E8 3PN, United Kingdom');
    expect(item!.claim).toMatchObject({ incident_location_address_country_code: 'gbr', incident_location_description: 'Lower ground floor kitchen.' });
  });

  it('asks support for the label events in the spelling Claimable documents now, and still takes the older one', async () => {
    expect(app.triggers.claimable_claim_label_added!.display.directions).toContain('`claim.label.added`');
    const body = { claim: { id: 3 }, event_name: 'claim.label_added', source: 'ui', performed_by: { user_id: 1, name: 'A' } };
    await expect(run('claimable_claim_label_added', 'perform', deliveryBundle(body))).resolves.toHaveLength(1);
  });
});

describe('what a Claimable delivery does not say, said in the set-up', () => {
  const setUpText = async (key: string) => JSON.stringify(await run(key, 'inputFields', { inputData: {} }));

  it.each(['claimable_claim_label_added', 'claimable_claim_label_removed'])('%s says the delivery does not name the label', async (key) => {
    expect(await setUpText(key)).toMatch(/does not say which label/);
  });

  it('the damage triggers say where a damage sits is not published, and what fills the Damage fields', async () => {
    expect(await setUpText('claimable_claim_damage_created')).toMatch(/not where this event's delivery puts it.*looked up on the claim/);
    expect(await setUpText('claimable_claim_damage_deleted')).toMatch(/A removed damage cannot be looked up/);
  });
});

describe("a claim's damage (Claimable does not publish where a damage event's delivery puts it)", () => {
  // Claimable's own example damage (developers.claimable.com/reference/damage), amounts in minor units.
  const reserve = (amount: number) => ({ amount, created_at: '2020-12-17T18:30:10.869Z', updated_at: '2020-12-17T18:30:10.877Z' });
  const documented = {
    id: 77,
    description: 'Scratch to paintwork.',
    damage_type: 'scratch',
    reserves: { own_damage: reserve(100000), third_party_damage: reserve(97500), legal_fees: reserve(50000), admin_fees: reserve(17500) },
    created_at: '2020-12-07T13:26:24.637Z',
  };
  const older = { ...documented, id: 76, description: 'Dent in the bonnet.', created_at: '2020-11-01T09:00:00Z' };
  const created = (body: Record<string, unknown>, authData: Record<string, string> = {}) =>
    run('claimable_claim_damage_created', 'perform', deliveryBundle({ event_name: 'claim.damage.created', source: 'ui', ...body }, { authData }));
  const expected = {
    damage_type: 'scratch',
    description: 'Scratch to paintwork.',
    reserves: { own_damage: { amount: 100000, amount_decimal: 1000 }, legal_fees: { amount: 50000, amount_decimal: 500 } },
  };

  it.each([
    ['a damage beside the claim', { claim, damage: documented }],
    ['a damage in the claim', { claim: { ...claim, damage: documented } }],
    ["the newest of the claim's damages", { claim: { ...claim, damages: [older, documented] } }],
  ])('is read from %s, its reserves in main units beside the minor ones', async (_where, body) => {
    const [item] = await created(body);
    expect(item!.damage).toMatchObject(expected);
    // Claimable's own keys stay where they came.
    if ('damages' in body.claim) expect((item!.claim as { damages: unknown[] }).damages).toHaveLength(2);
  });

  it('without a token and without a damage, leaves the Damage fields empty and calls nothing', async () => {
    const [item] = await created({ claim }, {});
    expect(item!.damage).toBeUndefined();
  });

  it("with a token, a damage the delivery lacks is looked up on the claim when a step maps it, and says so where Claimable's claim lists none", async () => {
    const authData = { claimable_api_token: TOKEN };
    const [item] = await created({ claim }, authData);
    expect(String(item!.damage)).toMatch(/^hydrate\|\|\|.*hydrators\.claimableDamage.*"claim_id":"501"/);
    nock(API)
      .get('/claims/501')
      .matchHeader('authorization', `Bearer ${TOKEN}`)
      .reply(200, { ...claim, damages: [documented, older] });
    await expect(hydrate(item!.damage, authData)).resolves.toMatchObject(expected);

    nock(API).get('/claims/501').reply(200, claim);
    const error = await failure(hydrate(item!.damage, authData));
    expect(error.message).toMatch(/The damage could not be looked up: Claimable's answer for claim 501 lists no damages/);
    expect(error.message).not.toContain(TOKEN);
  });

  it('is looked up too where the event is named only by the Event-Name header', async () => {
    const bundle = deliveryBundle({ claim, source: 'ui' }, { headers: { 'event-name': '"claim.damage.created"' }, authData: { claimable_api_token: TOKEN } });
    const [item] = await run('claimable_claim_damage_created', 'perform', bundle);
    expect(String(item!.damage)).toMatch(/hydrators\.claimableDamage/);
  });

  it('takes the newest damage by its time, whatever precision Claimable writes it in', async () => {
    const sameSecond = { ...older, id: 78, description: 'Later by a fraction', created_at: '2020-12-07T13:26:24.900Z' };
    const [item] = await created({ claim: { ...claim, damages: [sameSecond, { ...documented, created_at: '2020-12-07T13:26:24Z' }] } });
    expect((item!.damage as { description: string }).description).toBe('Later by a fraction');
  });

  it('a removed damage is not looked up', async () => {
    const [item] = await run(
      'claimable_claim_damage_deleted',
      'perform',
      deliveryBundle({ claim, event_name: 'claim.damage.deleted', source: 'ui' }, { authData: { claimable_api_token: TOKEN } }),
    );
    expect(item!.damage).toBeUndefined();
  });
});
