// Representative service views for formatter tests: a running KeepAlive agent with every optional
// field, and a minimal loaded-but-idle agent.
import type { ServiceView } from '../../launchd-sim/views.ts';

export function runningAgent(overrides: Partial<ServiceView> = {}): ServiceView {
  return {
    label: 'ai.openclaw.luca',
    uid: 501,
    asid: 100008,
    plistPath: '/Users/me/Library/LaunchAgents/ai.openclaw.luca.plist',
    state: 'running',
    program: '/usr/local/bin/node',
    arguments: ['/usr/local/bin/node', '/opt/gateway.js', '--port', '18789'],
    workingDirectory: '/Users/me/.openclaw',
    stdoutPath: '/Users/me/.openclaw/logs/gateway.log',
    stderrPath: '/Users/me/.openclaw/logs/gateway.log',
    environment: [
      ['HOME', '/Users/me'],
      ['XPC_SERVICE_NAME', 'ai.openclaw.luca'],
    ],
    minimumRuntimeS: 10,
    exitTimeoutS: 5,
    runs: 3,
    pid: 4242,
    immediateReason: 'speculative',
    lastExit: { kind: 'signaled', signal: 'SIGKILL' },
    semaphores: [['successful exit', '0']],
    spawnType: 'daemon (3)',
    jobState: 'running',
    properties: ['keepalive', 'runatload', 'inferred program'],
    legacy: {
      program: '/usr/local/bin/node',
      programArguments: ['/usr/local/bin/node', '/opt/gateway.js'],
      onDemand: false,
    },
    ...overrides,
  };
}

export function idleAgent(): ServiceView {
  return {
    label: 'com.example.idle',
    uid: 501,
    asid: 100008,
    plistPath: '/Users/me/Library/LaunchAgents/com.example.idle.plist',
    state: 'not running',
    program: '/bin/true',
    environment: [['XPC_SERVICE_NAME', 'com.example.idle']],
    minimumRuntimeS: 10,
    exitTimeoutS: 5,
    runs: 0,
    lastExit: null,
    semaphores: [],
    spawnType: 'daemon (3)',
    properties: [],
    legacy: { program: '/bin/true', onDemand: true },
  };
}
