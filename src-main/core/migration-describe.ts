// The text of a migration plan: what is found, what it becomes, and every step in order. The dry run
// prints it whole; a real run prints the same header and then each step as it starts.
import type { MigrationPlan } from './migration-plan.ts';
import { describeStep } from './migration-steps.ts';

export function describePlanHeader(plan: MigrationPlan, root: string): string[] {
  const { legacy } = plan;
  const tokenEdit = plan.configEdits.find((e) => e.key === 'gateway.auth.token');
  const lines = [`legacy layout in ${root}:`];
  if (legacy === null) {
    lines.push('  job        none (only the root state moves)');
  } else {
    const where = legacy.plistPath ?? 'no plist';
    const state = legacy.loaded
      ? `loaded${legacy.pid === null ? ', not running' : `, pid ${legacy.pid}`}`
      : 'not loaded';
    lines.push(`  job        ${legacy.label} (${where}, ${legacy.form} form; ${state})`);
  }
  lines.push(
    `  state      ${plan.moves.length > 0 ? plan.moves.join(', ') : 'none'}`,
    `  stays      ${plan.leftInPlace.length > 0 ? `${plan.leftInPlace.join(', ')} (not gateway state)` : 'nothing else'}`,
    `becomes instance ${plan.name}:`,
    `  label      ${plan.label}`,
    `  state dir  ${plan.stateDir}`,
    `  port       ${plan.port} (${plan.portSource})`,
    `  node       ${plan.nodePath} (${plan.programSource})`,
    `  entry      ${plan.entryPath}`,
    `  token      ${tokenEdit === undefined ? 'kept from openclaw.json' : `a new one is generated (the config's is ${tokenEdit.was})`}`,
    `  backup     ${plan.backupRoot}`,
  );
  return lines;
}

export function describeStepLine(plan: MigrationPlan, index: number, domain: string): string {
  const width = String(plan.steps.length).length;
  return `${String(index + 1).padStart(width)}. ${describeStep(plan.steps[index]!, domain)}`;
}

export function describePlan(plan: MigrationPlan, root: string, domain: string): string {
  const lines = [
    ...describePlanHeader(plan, root),
    'steps:',
    ...plan.steps.map((_, i) => `  ${describeStepLine(plan, i, domain)}`),
  ];
  if (plan.notes.length > 0) lines.push('notes:', ...plan.notes.map((n) => `  - ${n}`));
  return `${lines.join('\n')}\n`;
}
