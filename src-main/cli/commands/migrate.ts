// `openclaw-fleet migrate [--name <name>] [--port N] [--dry-run] [--timeout S]`: turns the legacy layout
// (gateway state directly in the root container, run by the default ai.openclaw.gateway job) into one
// fleet instance, and puts everything back when the new instance does not come up.
import { describePlan, describePlanHeader, describeStepLine } from '../../core/migration-describe.ts';
import { checkInstanceName } from '../../core/instance-name.ts';
import type { MigrationPlan } from '../../core/migration-plan.ts';
import { planMigration } from '../../core/migration-plan.ts';
import { describeStep } from '../../core/migration-steps.ts';
import { gatherMigrationFacts } from '../../fleet/migrate-facts.ts';
import { runMigration, type MigrationOutcome } from '../../fleet/migrate-run.ts';
import { EXIT_OK, OperationFailed, UsageError } from '../cli-error.ts';
import { paint, type CliIo } from '../cli-io.ts';
import type { Command } from '../command.ts';
import { fleetFor } from '../fleet-for.ts';
import { flag, integerOption, secondsOption, stringOption } from '../option-values.ts';

const DEFAULT_NAME = 'main';
const DEFAULT_TIMEOUT_S = 30;

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'move a legacy gateway (state in the root, ai.openclaw.gateway) into a fleet instance',
  usage: 'migrate [--name <name>] [--port N] [--dry-run] [--timeout S]',
  details: [
    `  --name <name>   the new instance (default ${DEFAULT_NAME}); it must not exist yet`,
    "  --port N        only when the legacy setup names no port, or its port clashes with the fleet's",
    '  --dry-run       print every move, file and launchctl call, and change nothing',
    `  --timeout S     how long the new instance gets to serve (default ${DEFAULT_TIMEOUT_S})`,
    'Stops ai.openclaw.gateway, backs up its plist and the root state into <root>/.fleet/backups/migrate/,',
    'moves the state into <root>/.openclaw-<name>, writes ai.openclaw.<name> and waits until it serves.',
    'If it does not, everything is moved back and the legacy job is loaded again (exit 1).',
    "The user's own files in the root (scripts, docs) stay where they are.",
  ].join('\n'),
  options: {
    name: { type: 'string' },
    port: { type: 'string' },
    'dry-run': { type: 'boolean' },
    timeout: { type: 'string' },
  },
  positionals: 'none',
  async run({ io, args, paths, interrupted }) {
    const name = stringOption(args, 'name') ?? DEFAULT_NAME;
    const nameCheck = checkInstanceName(name);
    if (!nameCheck.ok) throw new UsageError(`--name: ${nameCheck.message}`);
    const portFlag = integerOption(args, 'port', { min: 1024, max: 65535, example: 18909 }) ?? null;
    const timeoutSeconds = secondsOption(args, 'timeout', DEFAULT_TIMEOUT_S);

    const ctx = fleetFor(paths, io);
    const decision = planMigration(await gatherMigrationFacts(ctx, { name, portFlag, timeoutSeconds }));
    if (decision.kind === 'nothing') {
      io.out(`${decision.message}\n`);
      return EXIT_OK;
    }
    if (decision.kind === 'refused') {
      throw decision.usage ? new UsageError(decision.message) : new OperationFailed(decision.message);
    }
    const plan = decision.plan;
    const domain = `gui/${ctx.uid}`;
    if (flag(args, 'dry-run')) {
      io.out(describePlan(plan, paths.root, domain));
      io.out('dry run: nothing was changed; run it without --dry-run to migrate\n');
      return EXIT_OK;
    }
    io.out(
      `${[...describePlanHeader(plan, paths.root), ...plan.notes.map((n) => `note: ${n}`), 'steps:'].join('\n')}\n`,
    );
    const outcome = await runMigration(ctx, plan, {
      onStep: (i) => io.out(`  ${describeStepLine(plan, i, domain)}\n`),
      interrupted,
    });
    if (!outcome.ok) throw new OperationFailed(failureMessage(plan, outcome, domain));
    io.out(successMessage(io, plan, outcome, paths.root));
    return EXIT_OK;
  },
};

function successMessage(
  io: Pick<CliIo, 'color'>,
  plan: MigrationPlan,
  outcome: Extract<MigrationOutcome, { ok: true }>,
  root: string,
): string {
  const from = plan.legacy === null ? `the gateway state in ${root}` : plan.legacy.label;
  return [
    `${paint(io, 'green', 'migrated')}: ${from} is now instance ${plan.name} (${plan.label}), serving on port ${plan.port} (pid ${outcome.pid})`,
    `  state dir  ${plan.stateDir}`,
    `  backup     ${plan.backupRoot} (the legacy plist and a copy of the moved state)`,
    ...(plan.leftInPlace.length > 0 ? [`  left       ${plan.leftInPlace.join(', ')} in ${root}`] : []),
    `check it with: openclaw-fleet status ${plan.name}; openclaw-fleet audit`,
    '',
  ].join('\n');
}

function failureMessage(
  plan: MigrationPlan,
  outcome: Extract<MigrationOutcome, { ok: false }>,
  domain: string,
): string {
  const step = plan.steps[outcome.failedIndex]!;
  const lines = [
    `migration failed at step ${outcome.failedIndex + 1} (${describeStep(step, domain)}): ${outcome.cause}`,
  ];
  if (outcome.lastLogLine !== null) lines.push(`  last log line of ${plan.label}: ${outcome.lastLogLine}`);
  if (outcome.restore.lines.length === 0) {
    lines.push('nothing had been changed');
  } else {
    lines.push(
      outcome.restore.complete
        ? 'restored the legacy layout:'
        : 'restoring the legacy layout was INCOMPLETE:',
      ...outcome.restore.lines.map((l) => `  - ${l}`),
    );
  }
  const backedUp = plan.steps
    .slice(0, outcome.failedIndex)
    .some((s) => s.kind === 'backup-file' || s.kind === 'backup-tree' || s.kind === 'write-manifest');
  if (backedUp) {
    lines.push(
      outcome.restore.complete
        ? `the copies made before the move stay in ${plan.backupRoot}`
        : `recover by hand from ${plan.backupRoot}: migration.json there lists what moved where`,
    );
  }
  return lines.join('\n');
}
