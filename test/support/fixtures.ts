import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zapierRequest } from '../../src/workbench/zapier-request';

/** A captured delivery: headers and raw body, the format the workbench saves. */
export interface Capture {
  vendor?: string;
  method?: string;
  headers: Record<string, string>;
  content: string;
}

/** A capture under test/, by its path from there. */
export const loadCapture = (path: string): Capture => JSON.parse(readFileSync(join(__dirname, '..', path), 'utf8')) as Capture;

/** The bundle Zapier would build for this capture. */
export const captureBundle = (capture: Capture, extra: Record<string, unknown> = {}) => ({
  authData: {},
  inputData: {},
  ...zapierRequest(capture.content, capture.headers, capture.method ?? 'POST'),
  ...extra,
});
