import { join } from 'node:path';

/** Where `npm run build` writes what it computes for the app (`src/tools/generate.ts`): `dist/generated`. */
export const GENERATED_DIR = join(__dirname, '..', 'generated');

/**
 * A file the build computed, parsed; undefined where there is none (the app run from `src/`, under
 * jest, or before the first build): the caller then computes it.
 */
export const readGenerated = (name: string): unknown => {
  try {
    return require(join(GENERATED_DIR, name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
};
