// @ts-check
// Every user-visible text the stub prints or sends, in one place, so each can be checked against
// docs/reference/openclaw-gateway.md (cited as "ref §N") or the real source it was copied from.
// Texts marked RECONSTRUCTED fill a "..." the reference leaves open; match those on their prefix only.

/** openclaw@2026.9.6, the build the reference was written against (ref header). */
export const GATEWAY_VERSION = '2026.9.6';
export const GATEWAY_BUILD_ID = 'eb377ac';

// ---- startup guards (ref §3 table; getGatewayStartGuardErrors in dist/run-*.mjs) ----

export const MISSING_CONFIG =
  'Missing config. Run `openclaw setup` or set gateway.mode=local (or pass --allow-unconfigured).';

/** An unparsable file has no gateway.mode, so the real CLI reports it this way (ref §3). */
export const MISSING_GATEWAY_MODE =
  'Gateway start blocked: existing config is missing gateway.mode. Treat this as suspicious or clobbered config. ' +
  'Re-run `openclaw onboard --mode local` or `openclaw setup`, set gateway.mode=local manually, or pass --allow-unconfigured.';

/** @param {string} mode */
export const wrongGatewayMode = (mode) =>
  `Gateway start blocked: set gateway.mode=local (current: ${mode}) or pass --allow-unconfigured.`;

/** Second line the real guard prints under the two "blocked" errors. @param {string} auditPath */
export const configWriteAudit = (auditPath) => `Config write audit: ${auditPath}`;

export const PASSWORD_NOT_CONFIGURED =
  'Gateway auth is set to password, but no password is configured.\n' +
  'Set gateway.auth.password (or OPENCLAW_GATEWAY_PASSWORD), or pass --password.';

/** @param {string} bind */
export const refusingToBind = (bind) =>
  `Refusing to bind gateway to ${bind} without auth.\n` +
  'Set gateway.auth.token/password (or OPENCLAW_GATEWAY_TOKEN/OPENCLAW_GATEWAY_PASSWORD) or pass --token/--password.';

/** assertGatewayAuthNotKnownWeak, thrown from server start and printed by the run command's catch. */
export const WEAK_TOKEN =
  'Gateway failed to start: Error: Invalid config: gateway auth token is blank, a published example placeholder, ' +
  'or the literal string undefined/null. Generate a real secret (for example, `openssl rand -hex 32`) and update ' +
  'gateway.auth.token or its external source. For blank or undefined/null inline tokens, ' +
  '`openclaw doctor --fix --generate-gateway-token` can generate one.';

/** Console form of the warning, as captured from a running 2026.9.x gateway (the "Gateway " prefix is dropped). */
export const RUNTIME_TOKEN_WARNING =
  'auth token was missing. Generated a runtime token for this startup without changing config; restart will ' +
  'generate a different token. Persist one with `openclaw config set gateway.auth.mode token` and ' +
  '`openclaw config set gateway.auth.token <token>`.';
export const RUNTIME_TOKEN_PAIRED = 'runtime-only gateway auth paired the local CLI device before readiness';

export const AUTH_MODE_NONE_WARNING =
  'Gateway auth mode=none explicitly configured; all gateway connections are unauthenticated.';

/**
 * Not from the reference: the real schema error text for a bad config port is not recorded.
 * @param {string} configPath
 */
export const invalidConfigPort = (configPath) =>
  `Invalid config at ${configPath}: gateway.port: must be an integer between 1 and 65535`;

export const INVALID_PORT = 'Invalid port';
export const INVALID_BIND = 'Invalid --bind (use "loopback", "lan", "tailnet", "auto", or "custom")';

// ---- locks (ref §4 "Observed behaviour") ----

/** RECONSTRUCTED after "...then run openclaw doctor --fix". */
export const REQUIRES_STATE_MIGRATION =
  'requires state migration. Stop the service with openclaw gateway stop and other OpenClaw processes using ' +
  'this state, then run openclaw doctor --fix from an independent shell.';

/** Error text from StateDatabaseCoordinatorContentionError and the Doctor wrapper; the " | " tail per ref §4. */
export const LIFECYCLE_CONTENTION =
  'Gateway failed to start: Doctor could not enter maintenance. StateDatabaseCoordinatorContentionError: ' +
  'another OpenClaw process owns gateway-lifecycle Stop the Gateway service and other OpenClaw processes using ' +
  'this state, then run openclaw doctor --fix from an independent shell. | gateway.maintenance_required';

/** @param {number} port */
export const addressInUse = (port) =>
  `Gateway failed to start: another gateway instance is already listening on ws://127.0.0.1:${port} | ` +
  `listen EADDRINUSE: address already in use 127.0.0.1:${port} | EADDRINUSE\n` +
  'If the gateway is supervised, stop it with: openclaw gateway stop';

/** @param {number} port */
export const portAlreadyInUse = (port) => `Port ${port} is already in use.`;

/** @param {{pid: number, user: string, command: string, address: string}} listener */
export const portListenerLine = ({ pid, user, command, address }) =>
  `- pid ${pid} ${user}: ${command} (${address})`;

// ---- lifecycle log lines (captured 2026.9.x console log, ref §7) ----

export const LOADING_CONFIGURATION = 'loading configuration…';
export const RESOLVING_AUTHENTICATION = 'resolving authentication…';
export const STARTING = 'starting...';
export const STARTING_HTTP_SERVER = 'starting HTTP server...';
/** @param {number} seconds */
export const httpServerListening = (seconds) => `http server listening (0 plugins; ${seconds.toFixed(1)}s)`;
export const READY = 'ready';
/** @param {string} signal */
export const signalReceived = (signal) => `signal ${signal} received`;
/** @param {string} signal */
export const shuttingDown = (signal) => `received ${signal}; shutting down`;
/** @param {string} signal */
export const signalDuringShutdown = (signal) => `received ${signal} during shutdown; ignoring`;
/** @param {number} ms */
export const completedCleanly = (ms) => `completed cleanly in ${ms}ms`;

/** What the real entry prints for an uncaught exception before exit(1). @param {string} detail */
export const uncaughtException = (detail) => `[openclaw] Uncaught exception: Error: ${detail}`;
export const LEAVING_IN_CONTROL =
  'gateway already running under launchd; existing gateway is healthy, leaving it in control';

// ---- WebSocket protocol (ref §5) ----

export const AUTH_TOKEN_MISMATCH_MESSAGE =
  "unauthorized: gateway token mismatch (use this gateway's gateway.auth.token or pair the device)";
/** Newer-source wording for a local CLI; the reference has no capture for password mode. */
export const AUTH_PASSWORD_MISMATCH_MESSAGE =
  "unauthorized: gateway password mismatch (use this gateway's gateway.auth.password)";
export const DEVICE_IDENTITY_REQUIRED_MESSAGE = 'device identity required';
export const PROTOCOL_MISMATCH_MESSAGE = 'protocol mismatch';
export const STARTUP_UNAVAILABLE_MESSAGE = 'gateway starting; retry shortly';
export const FIRST_REQUEST_MUST_BE_CONNECT = 'invalid handshake: first request must be connect';
export const INVALID_REQUEST_FRAME = 'invalid request frame';
/** @param {string} detail */
export const invalidConnectParams = (detail) => `invalid connect params: ${detail}`;
/** @param {string} scope */
export const missingScope = (scope) => `missing scope: ${scope}`;
/** @param {string} method */
export const unknownMethod = (method) => `unknown method: ${method}`;
