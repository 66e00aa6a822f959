import { beforeEach, describe, expect, it, vi } from 'vitest';
import { installedPackages } from '../../src/publish/installed-packages.ts';

// The project's files as the test sets them: a real node_modules differs between the project and Stryker's sandbox.
const files = vi.hoisted(() => new Map<string, string>());
vi.mock('node:fs', () => ({
  existsSync: (path: string) => files.has(path),
  readFileSync: (path: string, encoding?: string) => (encoding === 'utf8' ? files.get(path) : Buffer.from(files.get(path) ?? '')),
}));

beforeEach(() => files.clear());

describe('installedPackages', () => {
  it('is npm’s record of what is installed, as text', () => {
    const lock = '{ "name": "zeitungsleser", "lockfileVersion": 3, "packages": { "node_modules/yaml": { "version": "2.9.1" } } }';
    files.set('node_modules/.package-lock.json', lock);
    expect(installedPackages()).toBe(lock);
  });

  it('is empty where npm installed nothing', () => {
    expect(installedPackages()).toBe('');
  });
});
