// The minimal app's calls beside its delivery: each does the least its role needs, one request to
// the vendor and its JSON back, on the same zapier-platform-core. The benchmark sets each of our
// lookups, editor calls and connection tests against the call of the same role here.
const { version } = require('zapier-platform-core');

const API = 'https://minimal.example';
const json = (request) => async (z, bundle) => (await z.request(request(bundle))).data;

module.exports = {
  version: '1.0.0',
  platformVersion: version,
  authentication: { type: 'custom', fields: [{ key: 'token' }], test: json(() => ({ url: `${API}/me` })) },
  triggers: {
    record: {
      key: 'record',
      noun: 'Record',
      display: { label: 'New Record', description: 'Triggers when a record changes.' },
      operation: {
        type: 'hook',
        inputFields: [() => [{ key: 'events', list: true }]],
        outputFields: [() => [{ key: 'id', label: 'ID' }]],
        perform: (_z, bundle) => [bundle.cleanedRequest],
        performList: json(() => ({ url: `${API}/records` })),
        performSubscribe: json((bundle) => ({ url: `${API}/hooks`, method: 'POST', body: { url: bundle.targetUrl } })),
        performUnsubscribe: json((bundle) => ({ url: `${API}/hooks/${bundle.subscribeData.id}`, method: 'DELETE' })),
        sample: { id: '1' },
      },
    },
  },
  hydrators: { record: json((bundle) => ({ url: `${API}/records/${bundle.inputData.id}` })) },
};
