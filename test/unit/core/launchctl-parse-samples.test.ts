// Every real capture in test/fixtures/launchctl-samples/ goes through the product parsers. A capture added
// to the folder without an entry below fails the first test, so none is silently skipped.
//
// A capture file is: `# source: …` and further `# …` comment lines (the header), then the capture. Some
// captures carry lines that are not launchctl output — the shell prompt and command line, a `Password:`
// prompt, a wrapper tool's own messages. Those are removed here, one listed line at a time with the
// reason, never by the product parsers, which only ever see what launchctl prints.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  classifyLaunchctlFailure,
  type LaunchctlSubcommand,
} from '../../../src-main/core/launchctl-parse-failure.ts';
import { listedJobFromDump, parseListLabelDump } from '../../../src-main/core/launchctl-parse-list-label.ts';
import { parseListTable } from '../../../src-main/core/launchctl-parse-list.ts';
import { parseLaunchdLog, secondsOfDay } from '../../../src-main/core/launchctl-parse-log.ts';
import {
  parseDomainPrint,
  parseDomainServiceRow,
  parsePrintDisabled,
} from '../../../src-main/core/launchctl-parse-print-domain.ts';
import {
  parseServicePrint,
  splitPrintProperties,
} from '../../../src-main/core/launchctl-parse-print-service.ts';

const SAMPLES_DIR = new URL('../../fixtures/launchctl-samples/', import.meta.url).pathname;

interface NotOutput {
  /** A whole line that is not launchctl output, compared after trimming trailing whitespace. */
  drop?: ReadonlyArray<{ line: string; why: string }>;
  /** Decoration a wrapper put in front of launchctl's own lines. */
  stripPrefix?: { pattern: RegExp; why: string };
}

interface Expectation {
  notOutput?: NotOutput;
  /**
   * `segments[0]` is the output before the first dropped line, `segments[i]` the output after the i-th
   * dropped line: a transcript of several commands splits into one segment per command.
   */
  check(segments: string[]): void;
}

function captureSegments(file: string, notOutput: NotOutput = {}): string[] {
  const lines = readFileSync(join(SAMPLES_DIR, file), 'utf8').replace(/\n$/, '').split('\n');
  expect(lines[0], `${file} must start with its source line`).toMatch(/^# source: /);
  const headerLength = lines.findIndex((line) => !line.startsWith('#'));
  const body = lines.slice(headerLength < 0 ? lines.length : headerLength);

  const drops = notOutput.drop ?? [];
  for (const { line } of drops) {
    expect(
      body.some((candidate) => candidate.trimEnd() === line),
      `${file}: no line to drop ${JSON.stringify(line)}`,
    ).toBe(true);
  }
  const segments: string[][] = [[]];
  for (const line of body) {
    if (drops.some((drop) => drop.line === line.trimEnd())) segments.push([]);
    else
      (segments.at(-1) as string[]).push(
        notOutput.stripPrefix ? line.replace(notOutput.stripPrefix.pattern, '') : line,
      );
  }
  return segments.map((segment) => segment.join('\n'));
}

function classify(subcommand: LaunchctlSubcommand, exitCode: number | null, stderr: string) {
  return classifyLaunchctlFailure(subcommand, exitCode, stderr);
}

const PROMPT = 'shell prompt and the command it ran';
const SUDO = 'sudo password prompt';

const EXPECTATIONS: Record<string, Expectation> = {
  'sample-autopkgr-list-label-dict-system-session.txt': {
    notOutput: {
      drop: [
        {
          line: '[someone@somemachine:~]1001$ sudo launchctl list com.lindegroup.AutoPkgr.schedule',
          why: PROMPT,
        },
        { line: 'Password:', why: SUDO },
      ],
    },
    check: ([, , dumpText]) => {
      const dump = parseListLabelDump(dumpText as string);
      expect(dump).toEqual({
        Label: 'com.lindegroup.AutoPkgr.schedule',
        LimitLoadToSessionType: 'System',
        OnDemand: true,
        LastExitStatus: 0,
        TimeOut: 30,
        Program: '/Applications/AutoPkgr.app/Contents/MacOS/AutoPkgr',
        ProgramArguments: ['/Applications/AutoPkgr.app/Contents/MacOS/AutoPkgr', '-runInBackground', 'YES'],
        SessionCreate: true,
      });
      expect(listedJobFromDump(dump ?? {})).toMatchObject({
        pid: null,
        lastExit: { code: 0, signal: null },
        onDemand: true,
      });
    },
  },

  'sample-brew-bootstrap-already-loaded-37.txt': {
    notOutput: {
      drop: [
        {
          line: 'Error: Failure while executing; `/bin/launchctl bootstrap gui/502 /Users/user/Library/LaunchAgents/homebrew.mxcl.gitlab-runner.plist` exited with 37.',
          why: "Homebrew's own error line; it reports launchctl's exit status 37",
        },
      ],
    },
    check: ([stderr]) => {
      expect(classify('bootstrap', 37, stderr as string)).toEqual({
        kind: 'generic-or-already-loaded',
        exitCode: 37,
        errorNumber: null,
        stderr,
      });
      // Without the exit status the wording alone points the same way.
      expect(classify('bootstrap', null, stderr as string).kind).toBe('generic-or-already-loaded');
    },
  },

  'sample-brew-bootstrap-system-bad-ownership.txt': {
    notOutput: {
      drop: [
        { line: 'bash-3.2# brew services -v run ntp', why: PROMPT },
        { line: 'Unsetting PERL5LIB to protect you from yourself', why: "Homebrew's own message" },
        {
          line: '/bin/launchctl enable system/homebrew.mxcl.ntp',
          why: 'Homebrew echoing the command it runs (-v)',
        },
        {
          line: '/bin/launchctl bootstrap system /usr/local/opt/ntp/homebrew.mxcl.ntp.plist',
          why: 'Homebrew echoing the command it runs (-v)',
        },
        {
          line: 'Error: Failure while executing: /bin/launchctl bootstrap system /usr/local/opt/ntp/homebrew.mxcl.ntp.plist',
          why: "Homebrew's own error line",
        },
      ],
    },
    check: ([, , , , stderr]) => {
      expect(stderr).toBe(
        '/usr/local/Cellar/ntp/4.2.8p10/homebrew.mxcl.ntp.plist: Path had bad ownership/permissions',
      );
      // The capture does not show the exit status (122 per launchd's table): the text decides.
      expect(classify('bootstrap', null, stderr as string)).toMatchObject({
        kind: 'invalid-plist',
        errorNumber: null,
      });
      expect(classify('bootstrap', 122, stderr as string).kind).toBe('invalid-plist');
    },
  },

  'sample-darkbloom-log-bootout-then-bootstrap-race.txt': {
    check: ([log]) => {
      const events = parseLaunchdLog(log as string);
      expect(events.map((event) => event.kind)).toEqual([
        'bootout-initiated',
        'signaled',
        'cleanup-scheduled',
        'bootstrap-started',
      ]);
      expect(events[0]).toMatchObject({ target: 'gui/501/io.darkbloom.provider', pid: 28431 });
      expect(events[1]).toMatchObject({ kind: 'signaled', signal: 15 });
      expect(events[2]).toMatchObject({ kind: 'cleanup-scheduled', delaySeconds: 5 });
      // The bootstrap came 0.52 s after SIGTERM, inside the 5 s window in which launchd still owns the label.
      const window = secondsOfDay(events[3]?.time ?? '') - secondsOfDay(events[0]?.time ?? '');
      expect(window).toBeCloseTo(0.52, 3);
      expect(events[3]).toMatchObject({ target: 'gui/501', pid: null });
    },
  },

  'sample-gelcli-kickstart-gui-not-found-113.txt': {
    notOutput: {
      drop: [
        { line: '$ ./target/release/edgedb server start authub', why: PROMPT },
        {
          line: 'edgedb error: process "launchctl" "kickstart" "gui/501/edgedb-server-authub" failed: exit code: 113',
          why: "the calling tool's own error line; it reports launchctl's exit status 113",
        },
      ],
    },
    check: ([, stderr]) => {
      expect(stderr).toBe('Could not find service "edgedb-server-authub" in domain for user gui: 501');
      expect(classify('kickstart', 113, stderr as string)).toEqual({
        kind: 'not-loaded',
        exitCode: 113,
        errorNumber: null,
        stderr,
      });
    },
  },

  'sample-headroom-bootstrap-retry-after-bootout.txt': {
    check: ([summary]) => {
      // The author's table: `attempt <n>: rc=<exit status>  <launchctl stderr>`, one line per run of attempts.
      const attempts = (summary as string)
        .split('\n')
        .map((line) => /^attempt (\S+):\s+rc=(\d+)\s+(.*)$/.exec(line));
      expect(attempts.map((match) => [match?.[1], Number(match?.[2])])).toEqual([
        ['1..10', 5],
        ['11', 0],
      ]);
      const stderr = attempts[0]?.[3] ?? '';
      expect(classify('bootstrap', 5, stderr)).toEqual({
        kind: 'generic-or-already-loaded',
        exitCode: 5,
        errorNumber: 5,
        stderr,
      });
    },
  },

  'sample-homebrew-list-label-running.txt': {
    notOutput: {
      drop: [
        {
          line: '==> /bin/launchctl list homebrew.mxcl.node_exporter',
          why: 'brew --debug echoing the command it runs',
        },
      ],
    },
    check: ([, dumpText]) => {
      const dump = parseListLabelDump(dumpText as string);
      expect(listedJobFromDump(dump ?? {})).toEqual({
        label: 'homebrew.mxcl.node_exporter',
        pid: 40425,
        lastExit: { code: 0, signal: null },
        rawLastExitStatus: 0,
        program: '/usr/local/opt/node_exporter/bin/node_exporter_brew_services',
        arguments: ['/usr/local/opt/node_exporter/bin/node_exporter_brew_services'],
        onDemand: true,
        limitLoadToSessionType: 'Aqua',
      });
      expect(dump?.['StandardErrorPath']).toBe('/usr/local/var/log/node_exporter.err.log');
    },
  },

  'sample-homebrew-list-table-exit78.txt': {
    notOutput: { drop: [{ line: '$ launchctl list | grep home', why: PROMPT }] },
    check: ([, table]) => {
      const rows = parseListTable(table as string);
      expect(rows.map((row) => [row.pid, row.statusText, row.label])).toEqual([
        [805, '0', 'homebrew.mxcl.elasticsearch'],
        [810, '0', 'homebrew.mxcl.kibana'],
        [817, '0', 'homebrew.mxcl.kafka'],
        [824, '0', 'homebrew.mxcl.zookeeper'],
        [null, '78', 'homebrew.mxcl.postgresql'],
        [807, '0', 'homebrew.mxcl.redis'],
      ]);
      expect(rows[4]?.lastExit).toEqual({ code: 78, signal: null });
    },
  },

  'sample-homebrew-print-system-services-row-and-invalid-plist.txt': {
    notOutput: {
      drop: [
        { line: 'bash-3.2# launchctl print system |grep mxcl', why: PROMPT },
        { line: 'bash-3.2# launchctl unload -w /Library/LaunchDaemons/homebrew.mxcl.ntp.plist', why: PROMPT },
        { line: 'bash-3.2# launchctl enable system/homebrew.mxcl.ntp', why: PROMPT },
        {
          line: 'bash-3.2# launchctl bootstrap system /Library/LaunchDaemons/homebrew.mxcl.ntp.plist',
          why: PROMPT,
        },
        { line: 'bash-3.2# echo $?', why: PROMPT },
      ],
    },
    check: ([, row, afterUnload, unload, enable, bootstrap, status]) => {
      expect(parseDomainServiceRow(row as string)).toEqual({
        label: 'homebrew.mxcl.ntp',
        pid: 90549,
        lastExit: { code: null, signal: null },
        lastExitText: '-',
      });
      expect([afterUnload, unload, enable]).toEqual(['', '', '']);
      const exitCode = Number(status);
      expect(exitCode).toBe(133);
      // 133 ("see stderr") is not in the exit-status table, so the per-path text decides.
      expect(classify('bootstrap', exitCode, bootstrap as string)).toEqual({
        kind: 'invalid-plist',
        exitCode: 133,
        errorNumber: null,
        stderr: '/Library/LaunchDaemons/homebrew.mxcl.ntp.plist: Invalid property list',
      });
    },
  },

  'sample-homemanager-bootout-not-loaded-no-such-process.txt': {
    notOutput: {
      drop: [
        {
          line: 'launchctl bootout --wait "user/$(id -u)/org.nix-community.home.nonexistent"',
          why: 'the command the reporter ran',
        },
        {
          line: 'launchctl bootout "user/$(id -u)/org.nix-community.home.nonexistent"',
          why: 'the command the reporter ran',
        },
      ],
      stripPrefix: { pattern: /^# /, why: 'the reporter wrote the output as shell comments' },
    },
    check: ([, usageRun, bootoutRun]) => {
      // No exit statuses in this capture: the text decides, through the number it prints where it has one.
      expect(classify('bootout', null, usageRun as string).kind).toBe('usage');
      expect(classify('bootout', null, bootoutRun as string)).toEqual({
        kind: 'not-loaded',
        exitCode: null,
        errorNumber: 3,
        stderr: 'Boot-out failed: 3: No such process',
      });
      expect(classify('bootout', 3, bootoutRun as string).kind).toBe('not-loaded');
      // ESRCH means "not loaded" only from bootout.
      expect(classify('kickstart', 3, 'Could not kickstart service "x": 3: No such process').kind).toBe(
        'other',
      );
    },
  },

  'sample-kipi-print-disabled-gui-darwin25.txt': {
    check: ([output]) => {
      expect(parsePrintDisabled(output as string)).toEqual({
        'com.docker.helper': false,
        'com.cole.content-brain': true,
        'com.cole.daily-podcast': false,
        'com.apple.Siri.agent': true,
        'com.kipi.fractional-cxo.opp-scan': false,
      });
    },
  },

  'sample-lunchygo-list-table-header-elcapitan.txt': {
    notOutput: { drop: [{ line: '~ % launchctl list', why: PROMPT }] },
    check: ([, table]) => {
      const rows = parseListTable(table as string);
      expect(rows).toHaveLength(34);
      expect(rows.some((row) => row.label === 'Label')).toBe(false);
      expect(rows.filter((row) => row.pid !== null).map((row) => row.pid)).toEqual([
        279, 324, 356, 304, 377, 354, 399, 375, 273,
      ]);
      expect(rows.every((row) => row.lastExit.code === 0 && row.lastExit.signal === null)).toBe(true);
      expect(rows.find((row) => row.label === 'com.apple.Finder')?.pid).toBe(279);
    },
  },

  'sample-macosdebloat-print-domain-services-pe-marker.txt': {
    check: ([rows]) => {
      expect((rows as string).split('\n').map(parseDomainServiceRow)).toEqual([
        {
          label: 'com.apple.modelcatalogd',
          pid: 9682,
          lastExit: { code: null, signal: null },
          lastExitText: '(pe)',
        },
        {
          label: 'com.apple.audioanalyticsd',
          pid: 10001,
          lastExit: { code: null, signal: null },
          lastExitText: '(pe)',
        },
      ]);
    },
  },

  'sample-nix-launchd-log-spawn-states-and-sigterm.txt': {
    notOutput: { drop: [{ line: '% grep nixos /var/log/com.apple.xpc.launchd/launchd.log', why: PROMPT }] },
    check: ([, log]) => {
      const events = parseLaunchdLog(log as string);
      const statesOf = (target: string) =>
        events.flatMap((event) => (event.kind === 'state' && event.target === target ? [event.state] : []));
      expect(statesOf('system/org.nixos.darwin-store')).toEqual(['spawn scheduled', 'spawning', 'xpcproxy']);
      expect(statesOf('system/org.nixos.nix-daemon')).toEqual([
        'spawn scheduled',
        'spawning',
        'running',
        'SIGTERMed',
        'exited',
      ]);
      expect(events.filter((event) => event.kind === 'pending-spawn').map((event) => event.target)).toEqual([
        'system',
        'system',
      ]);
      expect(
        events.find((event) => event.kind === 'spawned' && event.target === 'system/org.nixos.darwin-store'),
      ).toMatchObject({ spawnedPid: 70 });
      expect(events.find((event) => event.kind === 'bootstrap-succeeded')).toMatchObject({
        path: '/Library/LaunchDaemons/org.nixos.nix-daemon.plist',
      });
      const stop = events.filter(
        (event) => event.pid === 2512 && ['signaled', 'cleanup-scheduled', 'exited'].includes(event.kind),
      );
      expect(stop).toEqual([
        expect.objectContaining({ kind: 'signaled', signal: 15 }),
        expect.objectContaining({ kind: 'cleanup-scheduled', delaySeconds: 5 }),
        expect.objectContaining({ kind: 'exited', code: null, signal: 15 }),
      ]);
    },
  },

  'sample-nixinstaller-bootstrap-disabled-119-as-root.txt': {
    notOutput: {
      drop: [
        {
          line: '   4: Failed to execute command with status 119 `"launchctl" "bootstrap" "system" "/Library/LaunchDaemons/org.nixos.darwin-store.plist"`, stdout:',
          why: "nix-installer's error wrapper; it reports launchctl's exit status 119",
        },
      ],
      stripPrefix: {
        pattern: /^ {6}(?:stderr: )?/,
        why: "nix-installer indents launchctl's stderr and labels its first line",
      },
    },
    check: ([, stderr]) => {
      expect(stderr).toBe(
        '/Library/LaunchDaemons/org.nixos.darwin-store.plist: Service is disabled\nBootstrap failed: 119: Service is disabled',
      );
      expect(classify('bootstrap', 119, stderr as string)).toEqual({
        kind: 'disabled',
        exitCode: 119,
        errorNumber: 119,
        stderr,
      });
    },
  },

  'sample-nixinstaller-kickstart-k-system-not-found-113.txt': {
    notOutput: {
      drop: [
        {
          line: '   4: Failed to execute command with status 113 `"launchctl" "kickstart" "-k" "system/org.nixos.darwin-store"`, stdout:',
          why: "nix-installer's error wrapper; it reports launchctl's exit status 113",
        },
      ],
      stripPrefix: {
        pattern: /^ {6}(?:stderr: )?/,
        why: "nix-installer indents launchctl's stderr and labels its first line",
      },
    },
    check: ([, stderr]) => {
      expect(stderr).toBe('Could not find service "org.nixos.darwin-store" in domain for system');
      expect(classify('kickstart', 113, stderr as string).kind).toBe('not-loaded');
      expect(classify('kickstart', null, stderr as string).kind).toBe('not-loaded');
    },
  },

  'sample-nixinstaller-print-disabled-system.txt': {
    notOutput: {
      drop: [
        { line: '% sudo launchctl disable system/org.nixos.nix-daemon', why: PROMPT },
        { line: '% sudo launchctl disable system/org.nixos.darwin-store', why: PROMPT },
        { line: '% sudo launchctl print-disabled system', why: PROMPT },
      ],
    },
    check: ([, disable1, disable2, output]) => {
      expect([disable1, disable2]).toEqual(['', '']);
      // Rendered with 8 spaces instead of tabs, with the author's `# ...` elisions inside the block.
      expect(parsePrintDisabled(output as string)).toEqual({
        'org.nixos.darwin-store': true,
        'org.nixos.nix-daemon': true,
      });
    },
  },

  'sample-noclamshell-bootstrap-eio-5-via-brew.txt': {
    notOutput: {
      drop: [
        { line: '~ brew services start noclamshell', why: PROMPT },
        {
          line: 'Error: Failure while executing; `/bin/launchctl bootstrap gui/501 /Users/mkr/Library/LaunchAgents/homebrew.mxcl.noclamshell.plist` exited with 5.',
          why: "Homebrew's own error line; it reports launchctl's exit status 5",
        },
      ],
    },
    check: ([, stderr]) => {
      expect(stderr).toBe(
        'Bootstrap failed: 5: Input/output error\nTry re-running the command as root for richer errors.',
      );
      expect(classify('bootstrap', 5, stderr as string)).toEqual({
        kind: 'generic-or-already-loaded',
        exitCode: 5,
        errorNumber: 5,
        stderr,
      });
    },
  },

  'sample-openclaw-print-fragment-exit78-paraphrased.txt': {
    check: ([fragment]) => {
      const print = parseServicePrint(fragment as string);
      expect(print.lastExit).toEqual({ code: 78, signal: null });
      expect(print.lastExitText).toBe('78 (EX_CONFIG)');
      expect(print.state).toBeNull();
    },
  },

  'sample-openclaw-print-fragments-submitted-keepalive.txt': {
    check: ([fragments]) => {
      const [typeLine, propertiesValue] = (fragments as string).split('\n');
      expect(parseServicePrint(typeLine as string)).toMatchObject({
        type: 'Submitted',
        state: null,
        target: null,
      });
      // The reporter quoted the `properties` value without its key.
      expect(splitPrintProperties(propertiesValue as string)).toEqual(['keepalive', 'inferred program']);
      expect(parseServicePrint(`properties = ${propertiesValue}`).properties).toEqual([
        'keepalive',
        'inferred program',
      ]);
    },
  },

  'sample-openclaw-status-service-not-found-gui501.txt': {
    check: ([stderr]) => {
      // Relayed without the exit status and without the `Bad request.` line: the wording decides.
      expect(classify('print', null, stderr as string)).toEqual({
        kind: 'not-loaded',
        exitCode: null,
        errorNumber: null,
        stderr,
      });
    },
  },

  'sample-osquery-bootout-einprogress-36-catalina.txt': {
    notOutput: {
      drop: [
        { line: 'sudo launchctl bootout system/com.facebook.osquery', why: 'the command the reporter ran' },
      ],
    },
    check: ([, stderr]) => {
      expect(classify('bootout', 36, stderr as string)).toEqual({
        kind: 'in-progress',
        exitCode: 36,
        errorNumber: 36,
        stderr,
      });
      expect(classify('bootout', null, stderr as string).kind).toBe('in-progress');
    },
  },

  'sample-pufferfish-print-gui-domain-abridged.txt': {
    check: ([output]) => {
      expect(parseDomainPrint(output as string)).toEqual({
        services: [
          {
            label: 'net.jwpconsulting.postgresql',
            pid: 887,
            lastExit: { code: null, signal: null },
            lastExitText: '-',
          },
          {
            label: 'com.apple.syncdefaultsd',
            pid: 866,
            lastExit: { code: null, signal: null },
            lastExitText: '-',
          },
        ],
        disabled: { 'com.apple.rcd': true },
      });
    },
  },

  'sample-puppetboxen-print-system-daemon-running-yosemite.txt': {
    check: ([output]) => {
      // 4-space indentation, truncated inside the endpoint blocks, bare-label header (Yosemite).
      expect(parseServicePrint(output as string)).toEqual({
        target: 'dev.mysql',
        type: null,
        state: 'running',
        pid: 24784,
        runs: 2,
        lastExit: { code: 1, signal: null },
        lastExitText: '1',
        plistPath: '/Library/LaunchDaemons/dev.mysql.plist',
        program: '/opt/boxen/homebrew/bin/mysqld_safe',
        arguments: ['/opt/boxen/homebrew/bin/mysqld_safe', '--defaults-file=/opt/boxen/config/mysql/my.cnf'],
        environment: { XPC_SERVICE_NAME: 'dev.mysql' },
        workingDirectory: '/opt/boxen/data/mysql',
        stdoutPath: '/opt/boxen/log/mysql/console.log',
        stderrPath: '/opt/boxen/log/mysql/console.log',
        domain: 'com.apple.xpc.launchd.domain.system',
        exitTimeoutSeconds: 1,
        minimumRuntimeSeconds: 10,
        properties: [],
      });
    },
  },

  'sample-pylaunchd-print-user-xpcservice-not-running-ventura.txt': {
    check: ([output]) => {
      const print = parseServicePrint(output as string);
      expect(print).toMatchObject({
        target: 'user/501/com.apple.iCloudHelper',
        type: 'XPCService',
        state: 'not running',
        pid: null,
        runs: 882,
        lastExit: { code: 0, signal: null },
        arguments: [],
        environment: { MallocSpaceEfficient: '1', XPC_SERVICE_NAME: 'com.apple.iCloudHelper' },
        domain: 'user/501',
        exitTimeoutSeconds: 5,
        minimumRuntimeSeconds: 10,
      });
      expect(print.plistPath).toMatch(/com\.apple\.iCloudHelper\.xpc$/);
    },
  },

  'sample-resticprofile-print-user-agent-not-running-exit0.txt': {
    check: ([output]) => {
      const print = parseServicePrint(output as string);
      expect(print).toMatchObject({
        target: 'user/503/local.resticprofile.self.check',
        type: 'LaunchAgent',
        state: 'not running',
        pid: null,
        runs: 1,
        lastExit: { code: 0, signal: null },
        plistPath: '/Users/cp/Library/LaunchAgents/local.resticprofile.self.check.agent.plist',
        program: '/Users/cp/go/src/github.com/creativeprojects/resticprofile/resticprofile',
        // As written in the plist: relative paths resolve against the working directory.
        workingDirectory: '/Users/cp/go/src/github.com/creativeprojects/resticprofile',
        stdoutPath: 'local.resticprofile.self.check.log',
        stderrPath: 'local.resticprofile.self.check.log',
        exitTimeoutSeconds: 5,
        minimumRuntimeSeconds: 10,
        properties: [],
      });
      expect(print.arguments).toEqual([
        '/Users/cp/go/src/github.com/creativeprojects/resticprofile/resticprofile',
        '--no-prio',
        '--no-ansi',
        '--config',
        'examples/dev.yaml',
        'run-schedule',
        'check@self',
      ]);
      expect(Object.keys(print.environment)).toEqual([
        'PATH',
        'RESTICPROFILE_SCHEDULE_ID',
        'XPC_SERVICE_NAME',
      ]);
      expect(print.environment['RESTICPROFILE_SCHEDULE_ID']).toBe('examples/dev.yaml:check@self');
    },
  },

  'sample-santa-sudo-list-table-header.txt': {
    notOutput: {
      drop: [
        { line: 'roberthancock@MacBooPro2016-82 ~ % sudo launchctl list', why: PROMPT },
        { line: 'Password:', why: SUDO },
      ],
    },
    check: ([, , table]) => {
      const rows = parseListTable(table as string);
      expect(rows.map((row) => row.label)).toEqual([
        'com.apple.mobile.obliteration',
        'com.apple.CoreAuthentication.daemon',
        'com.apple.coreservicesd',
        'com.apple.touchbarserver',
        'com.apple.deleted_helper',
        'com.apple.avbdeviced',
        'com.apple.cvmsServ',
        'com.apple.applessdstatistics',
        'com.apple.hdiejectd',
      ]);
      expect(rows.map((row) => row.pid)).toEqual([null, 395, 192, 365, null, null, 630, null, null]);
    },
  },

  'sample-skhd-print-fragment-exit78-exconfig.txt': {
    check: ([fragment]) => {
      expect(parseServicePrint(fragment as string)).toMatchObject({
        target: null,
        state: null,
        arguments: ['/opt/homebrew/Cellar/skhd-zig/0.0.17/bin/skhd'],
        lastExit: { code: 78, signal: null },
        lastExitText: '78: EX_CONFIG',
      });
    },
  },

  'sample-slaunchctl-print-system-domain-abridged.txt': {
    check: ([output]) => {
      // 4-space rendering; `endpoints` and `task-special ports` rows must not be taken for services.
      expect(parseDomainPrint(output as string)).toEqual({
        services: [
          { label: 'com.apple.lskdd', pid: null, lastExit: { code: null, signal: null }, lastExitText: '-' },
          {
            label: 'com.apple.runningboardd',
            pid: 184,
            lastExit: { code: null, signal: null },
            lastExitText: '-',
          },
          {
            label: 'com.apple.relatived',
            pid: null,
            lastExit: { code: null, signal: null },
            lastExitText: '-',
          },
        ],
        disabled: {
          'com.apple.CSCSupportd': true,
          'com.apple.ftpd': true,
          'com.apple.mdmclient.daemon.runatboot': true,
        },
      });
    },
  },

  'sample-sopsnix-bootstrap-gui-domain-missing-125.txt': {
    check: ([stderr]) => {
      expect(classify('bootstrap', 125, stderr as string)).toEqual({
        kind: 'no-gui-domain',
        exitCode: 125,
        errorNumber: 125,
        stderr,
      });
    },
  },

  'sample-stackoverflow-mirror-list-label-dict-oldstyle.txt': {
    check: ([dumpText]) => {
      // Unquoted `ProgramArguments` key and `,` after array elements.
      expect(listedJobFromDump(parseListLabelDump(dumpText as string) ?? {})).toEqual({
        label: 'com.mycompany.myapp',
        pid: null,
        lastExit: { code: 0, signal: null },
        rawLastExitStatus: 0,
        program: '/Users/thomi/myapp',
        arguments: ['/Users/thomi/myapp', '-l', '-d'],
        onDemand: true,
        limitLoadToSessionType: 'System',
      });
    },
  },

  'sample-superuser-list-grep-exit78.txt': {
    check: ([row]) => {
      expect(parseListTable(row as string)).toEqual([
        { label: 'com.yang.hello.plist', pid: null, lastExit: { code: 78, signal: null }, statusText: '78' },
      ]);
    },
  },

  'sample-t3code-bootout-usage-error-64.txt': {
    notOutput: {
      drop: [
        { line: '$ launchctl bootout --wait gui/501/com.t3tools.t3code.service', why: PROMPT },
        { line: '$ launchctl bootout gui/501/com.t3tools.t3code.service', why: PROMPT },
        { line: '$ echo $?', why: PROMPT },
      ],
    },
    check: ([, usageRun, usageStatus, bootoutRun, bootoutStatus]) => {
      expect(Number((usageStatus as string).trim())).toBe(64);
      expect(classify('bootout', 64, usageRun as string)).toMatchObject({ kind: 'usage', exitCode: 64 });
      expect(classify('bootout', null, usageRun as string).kind).toBe('usage');
      // A successful bootout prints nothing and exits 0.
      expect(bootoutRun).toBe('');
      expect(Number(bootoutStatus)).toBe(0);
    },
  },

  'sample-tosssoft-print-fields-spawn-scheduled-exit5.txt': {
    check: ([fields]) => {
      expect(parseServicePrint(fields as string)).toMatchObject({
        target: null,
        state: 'spawn scheduled',
        pid: null,
        runs: 5,
        lastExit: { code: 5, signal: null },
      });
    },
  },

  'sample-tosssoft-print-service-not-found-113.txt': {
    check: ([stderr]) => {
      expect(classify('print', 113, stderr as string)).toEqual({
        kind: 'not-loaded',
        exitCode: 113,
        errorNumber: null,
        stderr,
      });
      expect(classify('print', null, stderr as string).kind).toBe('not-loaded');
    },
  },

  'sample-traktscrobbler-list-label-not-found-port-113.txt': {
    notOutput: {
      drop: [
        { line: 'trakts status', why: 'the command the reporter ran' },
        { line: '[CalledProcessError]', why: "the Python wrapper's error report" },
        {
          line: "Command '['launchctl', 'list', 'com.iamkroot.trakt-scrobbler']' returned non-zero exit status 113.",
          why: "the Python wrapper's error report; it gives launchctl's exit status 113",
        },
      ],
    },
    check: ([, stderr]) => {
      expect((stderr as string).trim()).toBe(
        'Could not find service "com.iamkroot.trakt-scrobbler" in domain for port',
      );
      expect(classify('list', 113, stderr as string).kind).toBe('not-loaded');
    },
  },

  'sample-various-log-throttle-respawn.txt': {
    check: ([log]) => {
      const throttles = parseLaunchdLog(log as string).flatMap((event) =>
        event.kind === 'throttled' ? [[event.target, event.ranSeconds, event.respawnDelaySeconds]] : [],
      );
      expect(throttles).toEqual([
        ['com.apple.finder.FinderSync.IsExtensionEnabled', 0, 10],
        ['com.apple.KernelEventAgent', 4, 6],
        ['com.apple.apsd', 4, 6],
        ['org.pmbuko.kerbminder', 29, 16],
      ]);
      // ran + pushed = ThrottleInterval: the default 10 s, and 45 s for the job that sets a longer one.
      expect(throttles.map(([, ran, pushed]) => Number(ran) + Number(pushed))).toEqual([10, 10, 10, 45]);
    },
  },
};

describe('launchctl captures', () => {
  const files = readdirSync(SAMPLES_DIR).sort();

  it('has an expectation for every capture file, and none for files that are gone', () => {
    expect(Object.keys(EXPECTATIONS).sort()).toEqual(files);
  });

  it.each(files)('%s', (file) => {
    const expectation = EXPECTATIONS[file];
    if (expectation === undefined) throw new Error(`no expectation for ${file}: add one to EXPECTATIONS`);
    expectation.check(captureSegments(file, expectation.notOutput));
  });
});
