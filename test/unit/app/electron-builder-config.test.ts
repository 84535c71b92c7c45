// electron-builder cannot run here (it packages the Electron binary for macOS), so its config is
// checked the way electron-builder itself checks it first: against its own JSON schema, with the
// same Ajv (8, from app-builder-lib's dependencies) and the same options.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const fromBuilder = createRequire(`${ROOT}node_modules/app-builder-lib/package.json`);

interface AjvError {
  instancePath: string;
  message?: string;
}
type Validate = ((data: unknown) => boolean) & { errors?: AjvError[] | null };
const Ajv = (
  fromBuilder('ajv') as { default: new (options: object) => { compile(schema: object): Validate } }
).default;
const yaml = fromBuilder('js-yaml') as { load(text: string): unknown };
const schema = JSON.parse(readFileSync(`${ROOT}node_modules/app-builder-lib/scheme.json`, 'utf8')) as object;

// electron-builder's options (app-builder-lib/out/util/config/schemaValidator.js).
const check = new Ajv({ allErrors: true, verbose: true, coerceTypes: true, strict: false }).compile(schema);

function validate(config: unknown): string[] {
  return check(structuredClone(config))
    ? []
    : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

interface BuilderConfig {
  directories: { buildResources: string };
  files: string[];
  mac: {
    icon: string;
    category: string;
    hardenedRuntime: boolean;
    entitlements: string;
    entitlementsInherit: string;
    extendInfo: Record<string, unknown>;
    target: { target: string; arch: string[] }[];
  };
}

const config = yaml.load(readFileSync(`${ROOT}electron-builder.yml`, 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it("is valid for electron-builder's own schema", () => {
    expect(validate(config)).toEqual([]);
  });

  it('would be refused if it were not (the check is not vacuous)', () => {
    expect(validate({ ...config, mac: { ...config.mac, hardenedRuntme: true } })).not.toEqual([]);
    expect(
      validate({ ...config, mac: { ...config.mac, target: [{ target: 'dmg', arch: ['sparc'] }] } }),
    ).not.toEqual([]);
    expect(validate({ ...config, producName: 'x' })).not.toEqual([]);
  });

  it('builds a dmg and a zip for Apple silicon and Intel', () => {
    expect(config.mac.target).toEqual([
      { target: 'dmg', arch: ['arm64', 'x64'] },
      { target: 'zip', arch: ['arm64', 'x64'] },
    ]);
  });

  it('makes a menu-bar app with a hardened runtime, a category and an icon', () => {
    expect(config.mac.extendInfo.LSUIElement).toBe(true);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.category).toBe('public.app-category.developer-tools');
    expect(existsSync(`${ROOT}${config.directories.buildResources}/${config.mac.icon}`)).toBe(true);
  });

  it('signs with entitlements that exist and ask for JIT only', () => {
    for (const path of [config.mac.entitlements, config.mac.entitlementsInherit]) {
      const text = readFileSync(`${ROOT}${path}`, 'utf8');
      expect([...text.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual([
        'com.apple.security.cs.allow-jit',
      ]);
    }
  });

  it('packs the bundles and the tray images the app loads at run time', () => {
    expect(config.files).toEqual(
      expect.arrayContaining([
        'out/**',
        'package.json',
        'assets/tray-*Template.png',
        'assets/tray-*Template@2x.png',
      ]),
    );
  });
});
