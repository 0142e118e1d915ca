// Zapier's CLI and runtime load this file; the app itself is compiled from src/ into dist/.
module.exports = require('./dist/index.js').default;
