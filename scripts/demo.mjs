// npm run demo: two emulated workspaces, the example team repository deployed to both, the
// secondary in passive form — everything through the bundled CLI, as a user would run it.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'dist/cli/index.js');
const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const step = (s) => console.log(`\n${bold(`▶ ${s}`)}`);

step('0. Starting two emulated Azure Databricks workspaces (primary and secondary)');
const emulator = spawn(
  process.execPath,
  [cli, 'emulator', '--workspace', 'primary=0', '--workspace', 'secondary=0', '--json'],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const ready = await new Promise((resolve, reject) => {
  createInterface({ input: emulator.stdout }).once('line', (line) => resolve(JSON.parse(line)));
  emulator.once('exit', (code) => reject(new Error(`the emulator exited with ${code}`)));
});
const [primary, secondary] = ready.workspaces;
console.log(`primary   ${primary.url}\nsecondary ${secondary.url}`);

// The example's scope ACL names the team's group; real workspaces get it from SCIM provisioning.
for (const ws of [primary, secondary]) {
  const res = await fetch(`${ws.url}/api/2.0/preview/scim/v2/Groups`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${ws.token}`, 'Content-Type': 'application/scim+json' },
    body: JSON.stringify({ displayName: 'sales-data-engineers' }),
  });
  if (!res.ok) throw new Error(`creating the group sales-data-engineers in ${ws.name}: ${res.status}`);
}

const project = mkdtempSync(path.join(tmpdir(), 'databricks-dr-demo-'));
cpSync(path.join(root, 'examples'), project, { recursive: true });
console.log(`\nThe example repository (examples/) is copied to ${project}.`);

// The Key Vault-backed scope (secret-scopes/kv-sales.json) can only be created with a Microsoft
// Entra ID token, so the demo authenticates both regions as a service principal against the
// emulator's own Entra authority instead of with personal access tokens.
const configFile = path.join(project, 'databricks-dr.yml');
const entraAuth = `auth: { type: azure-client-secret, tenant_id: "${ready.tenant_id}", client_id: "${ready.client_id}", client_secret_env: DEMO_CLIENT_SECRET }`;
writeFileSync(
  configFile,
  readFileSync(configFile, 'utf8').replace(
    /auth: \{ type: pat, token_env: DATABRICKS_TOKEN_(PRIMARY|SECONDARY) \}/g,
    entraAuth,
  ),
);
console.log(
  `Both regions authenticate with Entra ID (azure-client-secret) at the emulated authority ${ready.authority_host}.`,
);

const env = {
  ...process.env,
  DATABRICKS_DR_HOST_PRIMARY: primary.url,
  DATABRICKS_DR_HOST_SECONDARY: secondary.url,
  AZURE_AUTHORITY_HOST: ready.authority_host,
  // The emulated authority serves HTTPS with a certificate from its own CA.
  NODE_EXTRA_CA_CERTS: ready.ca_file,
  DEMO_CLIENT_SECRET: ready.client_secret,
  HIVE_METASTORE_PASSWORD: 'demo-hive-password',
  ORDERS_API_KEY: 'demo-orders-api-key',
};
async function admin(ws, what, body) {
  const res = await fetch(`${ws.url}/__emulator/${what}`, { method: 'POST', body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`emulator admin ${what}: ${res.status}`);
}

/** A job's schedule, trigger and continuous blocks and each `triggers` entry: their pause statuses. */
function triggerStatuses(s) {
  const blocks = [s.schedule, s.trigger, s.continuous, ...(s.triggers ?? [])].filter(Boolean);
  return blocks.map((b) => b.pause_status ?? 'UNPAUSED');
}

/** Which region may run jobs right now: the whole point is that exactly one can. */
async function showRunnable() {
  for (const ws of [primary, secondary]) {
    const state = await (await fetch(`${ws.url}/__emulator/state`)).json();
    const jobs = Object.values(state.jobs);
    const runnable = jobs.filter((j) => j.settings.max_concurrent_runs > 0).length;
    const statuses = jobs.flatMap((j) => triggerStatuses(j.settings));
    const unpaused = statuses.filter((p) => p === 'UNPAUSED').length;
    const pipelines = Object.values(state.pipelines ?? {});
    const continuous = pipelines.filter((p) => p.spec.continuous).length;
    console.log(
      `  ${ws.name.padEnd(9)} ${runnable} of ${jobs.length} jobs can run; ${unpaused} of ${statuses.length} triggers unpaused; ${continuous} of ${pipelines.length} pipelines continuous`,
    );
  }
}

/** Lines of a region's change list shown when the output is not a terminal (a CI log, a pipe). */
const CHANGES_SHOWN = 3;

/**
 * Not on a terminal, the demo keeps to about 150 lines: no per-item progress, and each region's
 * change list cut to its first lines and a count (the commands' own output is unchanged).
 */
function condense(text) {
  const out = [];
  let changes = 0;
  for (const line of text.split('\n')) {
    if (/^\S+: [\w ]+ \d+\/\d+ \(\d+%\)$/.test(line)) continue;
    if (/^ {2}[+~\-↓↑■▶⚲✕] /.test(line)) {
      changes++;
      if (changes <= CHANGES_SHOWN) out.push(line);
      continue;
    }
    if (changes > CHANGES_SHOWN) out.push(`  … and ${changes - CHANGES_SHOWN} more`);
    changes = 0;
    out.push(line);
  }
  return out.join('\n');
}

function run(...args) {
  console.log(`$ databricks-dr ${args.join(' ')}`);
  if (process.stdout.isTTY) {
    return spawnSync(process.execPath, [cli, ...args], { cwd: project, env, stdio: 'inherit' }).status;
  }
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: project, env, encoding: 'utf8' });
  process.stderr.write(condense(r.stderr));
  process.stdout.write(condense(r.stdout));
  return r.status;
}

let failed = false;
try {
  step('1. Validate every file before anything is written');
  failed ||= run('validate') !== 0;
  step('2. Plan: what a deploy would change in each region');
  failed ||= run('plan') !== 0;
  step('3. Deploy to both regions (the secondary in passive form)');
  failed ||= run('deploy') !== 0;

  step('4. The secondary is passive');
  await new Promise((r) => setTimeout(r, 200));
  for (const ws of [primary, secondary]) {
    const state = await (await fetch(`${ws.url}/__emulator/state`)).json();
    console.log(`${ws.name}:`);
    for (const job of Object.values(state.jobs)) {
      const s = job.settings;
      const pause = triggerStatuses(s).join(',') || '-';
      console.log(
        `  job ${s.name.padEnd(24)} max_concurrent_runs=${s.max_concurrent_runs}  triggers=${pause}  queue=${s.queue?.enabled}`,
      );
    }
    for (const c of Object.values(state.clusters)) {
      console.log(`  cluster ${c.spec.cluster_name.padEnd(20)} ${c.state}  pinned=${c.is_pinned}`);
    }
    for (const p of Object.values(state.pipelines ?? {})) {
      console.log(
        `  pipeline ${p.spec.name.padEnd(19)} continuous=${p.spec.continuous === true}  updates=${p.updates.length}`,
      );
    }
  }

  step('5. Deploy again with no change: nothing is written');
  failed ||= run('deploy') !== 0;

  step('6. Disaster: the primary region goes down');
  await admin(primary, 'outage', { down: true });
  console.log('primary: every API request now goes unanswered');

  step('7. Fail over to the secondary (the primary cannot be reached: it is reported unfenced)');
  failed ||= run('failover', '--to', 'secondary', '--start-pipelines') !== 0;
  await showRunnable();

  step('8. A change merged during the outage deploys to the secondary; the primary stays pending');
  const nb = path.join(project, 'notebooks/etl/ingest_orders.py');
  writeFileSync(
    nb,
    `${readFileSync(nb, 'utf8')}\n# COMMAND ----------\n\nprint("hotfix merged during the outage")\n`,
  );
  const during = run('deploy');
  console.log(
    `(exit ${during}: a deploy with an unreachable region exits 1 — the primary is reconciled on the next run)`,
  );
  failed ||= during !== 1;

  step('9. The primary comes back, still believing it is active: the next deploy fences it first');
  await admin(primary, 'outage', { down: false });
  failed ||= run('deploy') !== 0;
  await showRunnable();

  step('10. Drift: both regions match git');
  failed ||= run('drift', '--fail-on-drift') !== 0;

  step('11. Fail back to the primary');
  failed ||= run('failover', '--to', 'primary') !== 0;
  await showRunnable();

  step(
    '12. Rehearse: a failover drill promotes the secondary, runs the smoke job there, and restores the roles',
  );
  failed ||= run('failover', '--drill', '--to', 'secondary') !== 0;
  await showRunnable();
} finally {
  emulator.kill('SIGTERM');
  rmSync(project, { recursive: true, force: true });
}
console.log(failed ? '\nThe demo failed.' : '\nDone.');
process.exitCode = failed ? 1 : 0;
