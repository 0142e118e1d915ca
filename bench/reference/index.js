// The floor a Zapier app cannot go below: one hook trigger whose perform returns the body.
const { version } = require('zapier-platform-core');

module.exports = {
  version: '1.0.0',
  platformVersion: version,
  triggers: {
    delivery: {
      key: 'delivery',
      noun: 'Delivery',
      display: { label: 'New Delivery', description: 'Triggers when a delivery arrives.' },
      operation: {
        type: 'hook',
        perform: (_z, bundle) => [bundle.cleanedRequest],
        sample: { id: '1' },
      },
    },
  },
};
