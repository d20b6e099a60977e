import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { EMULATOR_USAGE, parseEmulatorArgs } from '../../src/emulator/command.js';
import { startEmulator } from '../../src/emulator/index.js';
import { get, post } from './helpers.js';

const two = ['--workspace', 'primary=0', '--workspace', 'secondary=0'];

describe('emulator flags for tier, catalog and principals', () => {
  it('documents them in --help', () => {
    expect(EMULATOR_USAGE).toContain('--standard NAME');
    expect(EMULATOR_USAGE).toContain('--catalog NAME=JSON|@FILE');
    expect(EMULATOR_USAGE).toContain('--principals NAME=JSON|@FILE');
  });

  it('--standard makes a workspace Standard tier', () => {
    const { options } = parseEmulatorArgs([...two, '--standard', 'secondary']);
    expect(options.workspaces).toEqual([
      { name: 'primary', port: 0 },
      { name: 'secondary', port: 0, tier: 'standard' },
    ]);
    expect(() => parseEmulatorArgs([...two, '--standard', 'nope'])).toThrow(UsageError);
  });

  it('--catalog sets node types and runtimes per workspace, inline or from a file', () => {
    const inline = parseEmulatorArgs([
      ...two,
      '--catalog',
      'secondary={"node_types":["Standard_DS3_v2"],"spark_versions":["15.4.x-scala2.12"]}',
    ]);
    expect(inline.options.workspaces[1]).toMatchObject({
      nodeTypes: ['Standard_DS3_v2'],
      sparkVersions: ['15.4.x-scala2.12'],
    });
    expect(inline.options.workspaces[0].nodeTypes).toBeUndefined();
    const dir = mkdtempSync(join(tmpdir(), 'emu-catalog-'));
    try {
      const file = join(dir, 'catalog.json');
      writeFileSync(file, JSON.stringify({ node_types: ['Standard_E8ds_v5'] }));
      const fromFile = parseEmulatorArgs([...two, '--catalog', `primary=@${file}`]);
      expect(fromFile.options.workspaces[0]).toMatchObject({ nodeTypes: ['Standard_E8ds_v5'] });
      expect(fromFile.options.workspaces[0].sparkVersions).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    for (const bad of [
      'secondary',
      'nope={}',
      'secondary={not json',
      'secondary={"node_types":"Standard_DS3_v2"}',
      'secondary=[]',
    ])
      expect(() => parseEmulatorArgs([...two, '--catalog', bad])).toThrow(UsageError);
  });

  it('--principals adds users, groups and service principals', async () => {
    const { options } = parseEmulatorArgs([
      ...two,
      '--principals',
      'primary={"users":["alice@example.com"],"groups":{"sales-data-engineers":["alice@example.com"]},"servicePrincipals":[{"applicationId":"app-1"}]}',
    ]);
    expect(options.workspaces[0]).toMatchObject({
      users: ['alice@example.com'],
      groups: { 'sales-data-engineers': ['alice@example.com'] },
      servicePrincipals: [{ applicationId: 'app-1' }],
    });
    expect(() =>
      parseEmulatorArgs([...two, '--principals', 'primary={"groups":{"g":["ghost@example.com"]}}']),
    ).toThrow(/ghost@example.com/);
    expect(() => parseEmulatorArgs([...two, '--principals', 'primary={"teams":[]}'])).toThrow(UsageError);

    const e = await startEmulator({ ...options, rateLimits: 'off', entra: false });
    try {
      const p = e.workspace('primary');
      const g = await get(
        p,
        `/api/2.0/preview/scim/v2/Groups?filter=${encodeURIComponent('displayName eq "sales-data-engineers"')}`,
      );
      expect(g.body.totalResults).toBe(1);
      expect((await post(p, '/api/2.0/secrets/scopes/create', { scope: 's' })).status).toBe(200);
    } finally {
      await e.stop();
    }
  });
});
