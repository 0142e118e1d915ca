/**
 * The change core would need, tried in the benchmark's own processes only: zapier-platform-core 19
 * compiles the app definition twice on every invocation (`createApp` in src/create-app.js and
 * `prepareApp` in src/tools/create-lambda-handler.js, where a TODO says so) and keeps neither. Kept
 * per definition object, the compile runs once per process. Replaces `prepareApp` on core's schema
 * module (`schemaPath`), which both callers look up at each call.
 */
export const compileOnce = (schemaPath: string) => {
  const schema = require(schemaPath) as { prepareApp: (app: object) => object };
  const compile = schema.prepareApp;
  const compiled = new WeakMap<object, object>();
  schema.prepareApp = (app) => {
    const known = compiled.get(app);
    if (known) return known;
    const made = compile(app);
    compiled.set(app, made);
    return made;
  };
  return () => {
    schema.prepareApp = compile;
  };
};
