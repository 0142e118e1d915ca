import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Capture } from './engine';

/** How much the workbench keeps, in memory for the page and as files under captures/: the oldest go first. */
export interface CaptureLimits {
  count: number;
  bytes: number;
}

export const DEFAULT_CAPTURE_LIMITS: CaptureLimits = { count: 200, bytes: 50 * 1024 * 1024 };

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** Keeps the newest entries within the limits; says what it dropped. */
export class Bounded<T> {
  private readonly entries: { value: T; bytes: number }[] = [];
  dropped = 0;

  constructor(private readonly limits: CaptureLimits) {}

  /** Adds one entry, newest first, and lets the oldest go beyond the limits (counted in `dropped`). */
  add(value: T, bytes: number): void {
    this.entries.unshift({ value, bytes });
    let total = this.entries.reduce((sum, e) => sum + e.bytes, 0);
    while (this.entries.length > 1 && (this.entries.length > this.limits.count || total > this.limits.bytes)) {
      total -= this.entries.pop()!.bytes;
      this.dropped += 1;
    }
  }

  list(): T[] {
    return this.entries.map((e) => e.value);
  }

  find(predicate: (value: T) => boolean): T | undefined {
    return this.entries.find((e) => predicate(e.value))?.value;
  }
}

/**
 * Saves a capture as a file, named by time and target so they sort oldest first, then removes the
 * oldest files beyond the limits. Returns the file and a line saying what was removed, if anything.
 */
export const saveCapture = (dir: string, capture: Capture, limits: CaptureLimits): { file: string; removed?: string } => {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${capture.received_at!.replace(/[:.]/g, '-')}-${capture.target}.json`);
  writeFileSync(file, `${JSON.stringify(capture, null, 2)}\n`);
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ path: join(dir, name), bytes: statSync(join(dir, name)).size }));
  let total = files.reduce((sum, f) => sum + f.bytes, 0);
  let removed = 0;
  while (files.length > 1 && (files.length > limits.count || total > limits.bytes)) {
    const oldest = files.shift()!;
    rmSync(oldest.path, { force: true });
    total -= oldest.bytes;
    removed += 1;
  }
  return {
    file,
    ...(removed > 0
      ? {
          removed: `${dir}/ keeps at most ${limits.count} deliveries and ${megabytes(limits.bytes)}: removed the ${removed} oldest (set CAPTURES_MAX and CAPTURES_MAX_MB to change it)`,
        }
      : {}),
  };
};
