// The macOS workflow cannot run here, so it is checked as far as Linux can check it: valid for
// GitHub's workflow schema (the action-validator's bundled copy), and every command it runs names
// an npm script, an installed executable, a config and test files that exist in this repository.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WORKFLOWS = `${ROOT}.github/workflows/`;
const yaml = createRequire(`${ROOT}node_modules/app-builder-lib/package.json`)('js-yaml') as {
  load(text: string): unknown;
};
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as {
  scripts: Record<string, string>;
  engines?: { node?: string };
};

interface Step {
  name?: string;
  uses?: string;
  run?: string;
}
interface Workflow {
  jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
}

const source = readFileSync(`${WORKFLOWS}macos.yml`, 'utf8');
const workflow = yaml.load(source) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const commands = steps.flatMap((s) => (s.run ?? '').split('\n').map((line) => line.trim()));

describe('.github/workflows', () => {
  it.each(readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f)))('%s is a valid workflow', (file) => {
    const state = validateWorkflow(readFileSync(`${WORKFLOWS}${file}`, 'utf8'));
    expect(state.errors).toEqual([]);
  });

  it('the validator rejects a broken copy (so a pass above means something)', () => {
    const broken = source.replace('runs-on: macos-15', 'run-on: macos-15');
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });
});

describe('macos.yml runs what the repository has', () => {
  it('runs on macOS, with the Node that package.json asks for', () => {
    for (const job of Object.values(workflow.jobs)) expect(job['runs-on']).toMatch(/^macos-/);
    const setup = steps.find((s) => s.uses?.startsWith('actions/setup-node@')) as
      (Step & { with?: { 'node-version'?: number | string } }) | undefined;
    expect(String(setup?.with?.['node-version'])).toBe('24');
    expect(pkg.engines?.node).toMatch(/^>=\s*24/);
  });

  it('pins every action to a full commit sha', () => {
    const uses = steps.flatMap((s) => (s.uses ? [s.uses] : []));
    expect(uses.length).toBeGreaterThan(0);
    for (const u of uses) expect(u).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
  });

  it('names only npm scripts that exist', () => {
    const scripts = commands.flatMap((c) => [...c.matchAll(/npm run (?:-s )?([\w:-]+)/g)].map((m) => m[1]!));
    expect(scripts).toEqual(expect.arrayContaining(['typecheck', 'lint', 'build:renderer', 'build:app']));
    for (const script of scripts) expect(pkg.scripts, script).toHaveProperty([script]);
  });

  it('names only executables that npm ci installs', () => {
    const bins = commands.flatMap((c) => [...c.matchAll(/npm exec -- ([\w-]+)/g)].map((m) => m[1]!));
    expect(bins).toEqual(
      expect.arrayContaining(['install-electron', 'electron', 'vitest', 'playwright', 'electron-builder']),
    );
    for (const bin of bins) expect(existsSync(`${ROOT}node_modules/.bin/${bin}`), bin).toBe(true);
  });

  it('names only configs and test files that exist, and leaves no test file to no step', () => {
    const paths = commands.flatMap((c) => [...c.matchAll(/(test\/[\w./-]+\.ts)\b/g)].map((m) => m[1]!));
    expect(paths).toEqual(
      expect.arrayContaining(['test/macos/real-launchctl.test.ts', 'test/macos/playwright.config.ts']),
    );
    for (const path of paths) expect(existsSync(`${ROOT}${path}`), path).toBe(true);
    // The whole suite excludes test/macos; each file there must then have a step of its own.
    const macosFiles = readdirSync(`${ROOT}test/macos`).filter((f) => /\.(test|spec)\.ts$/.test(f));
    for (const file of macosFiles) {
      const covered = file.endsWith('.spec.ts')
        ? commands.some((c) => c.includes('playwright test --config test/macos/playwright.config.ts'))
        : paths.includes(`test/macos/${file}`);
      expect(covered, file).toBe(true);
    }
  });
});
