import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import semver from 'semver';

/** Every installed package must declare itself fit for the Node.js we run on (20). */
describe('dependencies', () => {
  it('all accept this Node.js version in their engines', () => {
    const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8')) as {
      packages: Record<string, { engines?: { node?: string } | string[] }>;
    };
    const unfit = Object.entries(lock.packages)
      .filter(([name, pkg]) => name !== '' && pkg.engines && !Array.isArray(pkg.engines) && pkg.engines.node)
      .filter(
        ([, pkg]) =>
          !semver.satisfies(process.version, (pkg.engines as { node: string }).node, { includePrerelease: true }),
      )
      .map(([name, pkg]) => `${name} wants node ${(pkg.engines as { node: string }).node}`);
    expect(unfit).toEqual([]);
  });

  it('pins the project to Node.js 20 or later', () => {
    const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { engines: { node: string } };
    expect(semver.satisfies('20.19.0', pkg.engines.node)).toBe(true);
  });
});
