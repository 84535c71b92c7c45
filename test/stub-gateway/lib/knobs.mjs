// @ts-check
// Fault knobs: <stateDir>/stub-gateway.json, read once per start so a test can change the next
// launchd respawn without touching the running one. See ../README.md for what each mirrors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @typedef {object} Knobs
 * @property {number} [exitAfterMs] exit on its own this long after start
 * @property {number} [exitCode] code for exitAfterMs (default 1)
 * @property {boolean} [listen] false: stay alive, never bind
 * @property {number} [closePortAfterMs] stop listening this long after binding, stay alive
 * @property {number} [startDelayMs] bind only after this delay (lock already held)
 * @property {NodeJS.Signals} [crashSignal] die by this signal
 * @property {number} [crashAfterMs] when to die by crashSignal (default 0)
 * @property {boolean} [ignoreSigterm] log the shutdown request, then never finish it
 * @property {number} [readyDelayMs] length of the startup-sidecars window (default 300)
 * @property {number} [freezeAfterMs] block the event loop this long after start (a hung gateway)
 * @property {number} [freezeForMs] how long the freeze lasts (default 60000)
 */

export const KNOBS_FILE = 'stub-gateway.json';

/**
 * Signals whose default action ends the process. SIGUSR1 is left out on purpose: Node uses it to
 * start the inspector, so the process would survive it.
 */
const CRASH_SIGNALS = new Set([
  'SIGSEGV',
  'SIGABRT',
  'SIGBUS',
  'SIGFPE',
  'SIGILL',
  'SIGTRAP',
  'SIGQUIT',
  'SIGKILL',
  'SIGTERM',
  'SIGINT',
  'SIGHUP',
  'SIGALRM',
  'SIGUSR2',
]);

/** @type {Record<keyof Knobs, (value: unknown) => boolean>} */
const VALIDATORS = {
  exitAfterMs: isDuration,
  exitCode: (v) => Number.isInteger(v) && /** @type {number} */ (v) >= 0 && /** @type {number} */ (v) <= 255,
  listen: (v) => typeof v === 'boolean',
  closePortAfterMs: isDuration,
  startDelayMs: isDuration,
  crashSignal: (v) => typeof v === 'string' && CRASH_SIGNALS.has(v),
  crashAfterMs: isDuration,
  ignoreSigterm: (v) => typeof v === 'boolean',
  readyDelayMs: isDuration,
  freezeAfterMs: isDuration,
  freezeForMs: isDuration,
};

/** @param {unknown} value */
function isDuration(value) {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

/**
 * Absent file = normal gateway. Bad entries are reported through `warn` and ignored, never fatal:
 * a typo in a test fixture should show up in the log, not as a mysterious startup failure.
 * @param {string} stateDir
 * @param {(message: string) => void} warn
 * @returns {Knobs}
 */
export function readKnobs(stateDir, warn) {
  const path = join(stateDir, KNOBS_FILE);
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ENOENT') {
      warn(`ignoring ${path}: ${/** @type {Error} */ (error).message}`);
    }
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    warn(`ignoring ${path}: expected a JSON object`);
    return {};
  }
  /** @type {Record<string, unknown>} */
  const knobs = {};
  for (const [key, value] of Object.entries(parsed)) {
    const validate = Object.hasOwn(VALIDATORS, key)
      ? VALIDATORS[/** @type {keyof Knobs} */ (key)]
      : undefined;
    if (!validate) warn(`ignoring unknown knob ${JSON.stringify(key)} in ${path}`);
    // The value is not echoed: whatever a fixture put there should not end up in a log.
    else if (!validate(value)) warn(`ignoring knob ${JSON.stringify(key)} in ${path}: invalid value`);
    else knobs[key] = value;
  }
  return /** @type {Knobs} */ (knobs);
}
