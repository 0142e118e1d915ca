/**
 * The workbench's page: plain HTML, CSS and a little JavaScript, served as they are (no build
 * step, nothing from the network). It lists deliveries as they arrive, newest first, each as the
 * Zap editor would show it, and sends any trigger's sample. Every value is put in with
 * textContent: a delivery's content is never markup.
 */

const STYLE = `
:root { color-scheme: light dark; --line: #8884; --muted: #888; --ok: #1a7f37; --skip: #9a6700; --bad: #cf222e; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1100px; padding: 16px; }
h1 { font-size: 20px; margin: 0 0 4px; }
.muted { color: var(--muted); }
form#send { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; padding: 12px; border: 1px solid var(--line); border-radius: 8px; margin: 12px 0; }
form#send label, form#send select { max-width: 100%; min-width: 0; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; }
code.post { display: block; white-space: pre-wrap; overflow-wrap: anywhere; padding: 8px; border: 1px solid var(--line); border-radius: 6px; }
@media (max-width: 600px) { body { padding: 8px; } td.label { width: 45%; } .delivery header .actions { margin-left: 0; } }
form#send label { display: flex; flex-direction: column; gap: 2px; font-size: 12px; }
select, button { font: inherit; padding: 4px 8px; }
select[multiple] { min-height: 6em; }
.delivery { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; margin: 10px 0; }
.delivery header { display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
.delivery header .event { font-weight: 600; }
.delivery header .actions { margin-left: auto; display: flex; gap: 6px; }
.trigger { margin: 8px 0 0; }
.trigger h3 { font-size: 14px; margin: 6px 0; }
.fired h3 { color: var(--ok); }
.rejected { color: var(--bad); }
table { border-collapse: collapse; width: 100%; }
td { border-top: 1px solid var(--line); padding: 3px 6px; vertical-align: top; }
td.label { width: 38%; font-weight: 500; }
td.value { font-family: ui-monospace, monospace; white-space: pre-wrap; word-break: break-word; }
details summary { cursor: pointer; color: var(--muted); }
.skipped li { color: var(--skip); }
#empty { padding: 12px 0; }
`;

const SCRIPT = `
'use strict';
const $ = (selector) => document.querySelector(selector);
const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
};
const show = (value) => (typeof value === 'string' ? value : JSON.stringify(value));
// Opened through a tunnel with ?key=<WORKBENCH_SECRET>: the page's own calls carry it too.
const KEY = new URLSearchParams(location.search).get('key');
const api = (path) => (KEY ? path + (path.includes('?') ? '&' : '?') + 'key=' + encodeURIComponent(KEY) : path);
let triggers = [];

const fieldsTable = (item) => {
  const rows = item.labelled.map((f) => el('tr', {}, el('td', { class: 'label', title: f.key }, f.label), el('td', { class: 'value' }, show(f.value))));
  const unlabelled = Object.entries(item.unlabelled);
  return el(
    'div',
    {},
    el('table', { class: 'fields' }, ...rows),
    unlabelled.length
      ? el(
          'details',
          { class: 'unlabelled' },
          el('summary', {}, unlabelled.length + (unlabelled.length === 1 ? ' more field' : ' more fields') + ' the Zap gets, without a label in the editor'),
          el('table', {}, ...unlabelled.map(([key, value]) => el('tr', {}, el('td', { class: 'label' }, key), el('td', { class: 'value' }, show(value))))),
        )
      : null,
  );
};

const deliveryCard = (d) => {
  const resend = el('button', { class: 'resend', onclick: async () => { resend.disabled = true; await fetch(api('/_/deliveries/' + d.id + '/resend'), { method: 'POST' }); refresh(); } }, 'Send again');
  const copy = el('button', { class: 'copy', onclick: async () => {
    try { await navigator.clipboard.writeText(d.curl); copy.textContent = 'Copied'; }
    catch { window.prompt('Copy this curl line', d.curl); }
  } }, 'Copy as curl');
  const fired = d.fired.map((t) =>
    el('section', { class: 'trigger fired', 'data-trigger': t.trigger }, el('h3', {}, t.label + ' fired ', el('span', { class: 'muted' }, t.trigger)), ...t.items.map(fieldsTable)),
  );
  const rejected = d.rejected.map((g) => el('p', { class: 'trigger rejected' }, (g.triggers.length === 1 ? g.triggers[0] : g.triggers.length + ' triggers') + ' rejected it: ' + g.reason));
  const skipped = d.skipped.length
    ? el('details', { class: 'skipped' }, el('summary', {}, d.skipped.reduce((n, g) => n + g.triggers.length, 0) + ' trigger(s) skipped it'),
        el('ul', {}, ...d.skipped.map((g) => el('li', {}, g.triggers.length + '× ' + g.reason + (g.triggers.length <= 3 ? ' (' + g.triggers.join(', ') + ')' : '')))))
    : null;
  return el(
    'article',
    { class: 'delivery', 'data-id': String(d.id) },
    el('header', {},
      el('span', { class: 'vendor' }, d.vendor),
      el('span', { class: 'event' }, d.event || '(no event named)'),
      el('span', { class: 'muted' }, '→ /' + d.target + (d.query ? '?' + d.query : '')),
      el('span', { class: 'muted' }, new Date(d.received_at).toLocaleTimeString() + (d.resent_from ? ' · sent again from #' + d.resent_from : '')),
      d.polled ? null : el('span', { class: 'actions' }, resend, copy)),
    ...fired,
    ...rejected,
    d.fired.length === 0 ? el('p', { class: 'nothing muted' }, 'Nothing fired: no Zap would run on this delivery.') : null,
    skipped,
  );
};

let shown = '';
const refresh = async () => {
  const answer = await (await fetch(api('/_/deliveries'))).json();
  const key = answer.deliveries.map((d) => d.id).join(',');
  if (key === shown) return;
  shown = key;
  const list = $('#deliveries');
  list.replaceChildren(...answer.deliveries.map(deliveryCard));
  $('#empty').hidden = answer.deliveries.length > 0;
  $('#dropped').textContent = answer.dropped ? answer.dropped + ' older deliveries were let go (the workbench keeps ' + answer.limits.count + ').' : '';
};

const inputsFor = (key) => {
  const box = $('#inputs');
  const trigger = triggers.find((t) => t.key === key);
  box.replaceChildren(...(trigger ? trigger.inputs : []).map((input) => {
    const select = el('select', Object.assign({ name: input.key }, input.list ? { multiple: '' } : {}),
      ...(input.list ? [] : [el('option', { value: '' }, '(as the Zap leaves it)')]),
      ...Object.entries(input.choices).map(([value, label]) => el('option', { value }, label)));
    return el('label', {}, input.label, select);
  }));
};

const sendSample = async (event) => {
  event.preventDefault();
  const key = $('#trigger').value;
  const query = new URLSearchParams();
  for (const select of document.querySelectorAll('#inputs select')) {
    const values = [...select.selectedOptions].map((o) => o.value).filter(Boolean);
    if (values.length) query.set(select.name, values.join(','));
  }
  // A polling trigger checks its vendor's API with the connection, as Zapier would; any other gets its sample posted.
  const poll = triggers.find((t) => t.key === key)?.poll;
  const answer = await fetch(api((poll ? '/_/poll/' : '/_/sample/') + key + (query.size ? '?' + query : '')), { method: 'POST' });
  $('#status').textContent = answer.ok ? '' : (await answer.json()).error;
  refresh();
};

const start = async () => {
  triggers = await (await fetch(api('/_/triggers'))).json();
  const select = $('#trigger');
  const vendors = [...new Set(triggers.map((t) => t.vendor))];
  select.replaceChildren(...vendors.map((vendor) => el('optgroup', { label: vendor }, ...triggers.filter((t) => t.vendor === vendor).map((t) => el('option', { value: t.key }, t.label)))));
  select.addEventListener('change', () => inputsFor(select.value));
  inputsFor(select.value);
  $('#send').addEventListener('submit', sendSample);
  await refresh();
  setInterval(() => refresh().catch(() => undefined), 1000);
};
start();
`;

/** The page, with the workbench's own start-up text. */
export const page = (
  banner: string,
  example = banner
    .split('\n')
    .find((line) => line.trim().startsWith('curl '))
    ?.trim() ?? '',
) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Webhook workbench</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<h1>Webhook workbench</h1>
<form id="send">
  <label>Trigger <select id="trigger"></select></label>
  <span id="inputs"></span>
  <button type="submit">Send its sample</button>
  <span id="status" class="rejected"></span>
</form>
<p class="muted">Deliveries posted to this address appear here as they arrive, newest first, with the fields each trigger gives a Zap.</p>
<div id="deliveries"></div>
<div id="empty"><p class="muted">No delivery yet. Send a trigger's sample above, or post a delivery as a vendor would, for example:</p><code class="post" id="example"></code></div>
<p id="dropped" class="muted"></p>
<details><summary>Start-up text</summary><pre id="banner"></pre></details>
<script>document.getElementById('banner').textContent = ${JSON.stringify(banner).replace(/</g, '\\u003c')};
document.getElementById('example').textContent = ${JSON.stringify(example).replace(/</g, '\\u003c')};</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
