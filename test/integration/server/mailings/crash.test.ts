import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../server/src/db/connect.js';
import { migrateToLatest } from '../../../../server/src/db/migrate.js';
import { waitFor } from '../../../fixtures/core/harness.js';
import { queueLargeMailing } from '../../../fixtures/mailQueue.js';
import { createScratchDatabase, postgresAvailable } from '../../../fixtures/postgres.js';
import { startSmtpSink, type SmtpSink } from '../../../fixtures/smtpSink.js';

/**
 * The 2 000 recipients. Whatever the size, one node needs at least three seconds for the
 * whole mailing (`RATE`), so a kill once a quarter has arrived always lands mid-send.
 */
const RECIPIENTS = 2000;
const RATE = Math.ceil(RECIPIENTS / 3);
const withPostgres = await postgresAvailable();
const CONCURRENCY = 4;
const root = path.resolve(import.meta.dirname, '../../../..');

/** The server as operators run it, sending only: a short lease so a killed node's claims come back soon. */
function startNode(o: { dataDir: string; databaseUrl?: string; smtpUrl: string }): { child: ChildProcess; exited: Promise<void> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/src/cli.ts', '--port', '0', '--data', o.dataDir, '--seed', 'none', '--log-level', 'warn', '--smtp-url', o.smtpUrl, '--mail-rate', String(RATE), '--mail-concurrency', String(CONCURRENCY), '--mail-lease-seconds', '4'],
    { cwd: root, env: { ...process.env, SAMEN_DATABASE_URL: o.databaseUrl ?? '' }, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, exited };
}

async function statusCounts(db: Db, tenantId: string, mailingId: string) {
  const rows = await db.kysely
    .selectFrom('mailing_recipients')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('tenant_id', '=', tenantId)
    .where('mailing_id', '=', mailingId)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/**
 * Every recipient has exactly one message, by Message-ID; raw copies beyond that can only be the
 * messages that were in flight when a node died (the SMTP window, see docs/architecture.md).
 */
async function expectEachOnce(sinks: SmtpSink[], db: Db, tenantId: string, mailingId: string, kills: number) {
  const addresses = (await db.kysely.selectFrom('mailing_recipients').select(['address', 'message_id']).where('tenant_id', '=', tenantId).where('mailing_id', '=', mailingId).execute());
  const ids = new Map<string, Set<string>>();
  let raw = 0;
  for (const m of sinks.flatMap((s) => s.counted)) {
    for (const to of m.to) {
      raw += 1;
      if (!ids.has(to)) ids.set(to, new Set());
      ids.get(to)!.add(m.messageId);
    }
  }
  expect(addresses).toHaveLength(RECIPIENTS);
  for (const a of addresses) expect([...(ids.get(a.address) ?? [])], a.address).toEqual([a.message_id]);
  expect(ids.size).toBe(RECIPIENTS);
  expect(raw - RECIPIENTS).toBeLessThanOrEqual(kills * CONCURRENCY);
  expect(await statusCounts(db, tenantId, mailingId)).toEqual({ sent: RECIPIENTS });
}

describe(`a mailing to ${RECIPIENTS} recipients survives its sender being killed`, () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('SQLite: SIGKILL mid-send, start again, and every recipient has exactly one message', async () => {
    const sink = await startSmtpSink({ countOnly: true });
    cleanups.push(() => sink.close());
    const dataDir = mkdtempSync(path.join(tmpdir(), 'samen-mailcrash-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const db = openDatabase({ dataDir });
    cleanups.push(() => db.close());
    await migrateToLatest(db);
    const { tenantId, mailingId, recipients } = await queueLargeMailing(db, { recipients: RECIPIENTS, baseUrl: 'http://127.0.0.1:9', transport: 'smtp' });
    expect(recipients).toBe(RECIPIENTS);

    const first = startNode({ dataDir, smtpUrl: sink.url });
    cleanups.push(() => void first.child.kill('SIGKILL'));
    await sink.waitForCount(RECIPIENTS / 4, 240_000);
    first.child.kill('SIGKILL');
    await first.exited;
    const before = sink.counted.length;
    expect(before).toBeLessThan(RECIPIENTS);

    const second = startNode({ dataDir, smtpUrl: sink.url });
    cleanups.push(async () => {
      second.child.kill('SIGKILL');
      await second.exited;
    });
    await waitFor(async () => (await statusCounts(db, tenantId, mailingId)).sent === RECIPIENTS, 'every recipient sent', 300_000);
    await expectEachOnce([sink], db, tenantId, mailingId, 1);
    const mailing = await db.kysely.selectFrom('mailings').select(['status', 'recipient_count']).where('tenant_id', '=', tenantId).where('id', '=', mailingId).executeTakeFirstOrThrow();
    expect(mailing).toEqual({ status: 'sent', recipient_count: RECIPIENTS });
  }, 600_000);

  it.runIf(withPostgres)('PostgreSQL: two server processes send one mailing side by side, one is killed, and every recipient has exactly one message', async () => {
    // One SMTP server per node, so each node's share is seen apart.
    const sinks = [await startSmtpSink({ countOnly: true }), await startSmtpSink({ countOnly: true })];
    cleanups.push(async () => {
      await Promise.all(sinks.map((s) => s.close()));
    });
    const scratch = await createScratchDatabase();
    const db = openDatabase({ url: scratch.url });
    cleanups.push(async () => {
      await db.close();
      await scratch.drop();
    });
    await migrateToLatest(db);
    const { tenantId, mailingId } = await queueLargeMailing(db, { recipients: RECIPIENTS, baseUrl: 'http://127.0.0.1:9', transport: 'smtp' });
    const dirs = [mkdtempSync(path.join(tmpdir(), 'samen-mailnode-')), mkdtempSync(path.join(tmpdir(), 'samen-mailnode-'))];
    cleanups.push(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

    const a = startNode({ dataDir: dirs[0]!, databaseUrl: scratch.url, smtpUrl: sinks[0]!.url });
    const b = startNode({ dataDir: dirs[1]!, databaseUrl: scratch.url, smtpUrl: sinks[1]!.url });
    cleanups.push(async () => {
      for (const node of [a, b]) node.child.kill('SIGKILL');
      await Promise.all([a.exited, b.exited]);
    });
    const total = () => sinks[0]!.counted.length + sinks[1]!.counted.length;
    // Both nodes have sent, and a quarter of the mailing is out: the kill lands while both are at work.
    await waitFor(() => sinks.every((s) => s.counted.length > 0) && total() >= RECIPIENTS / 4, 'both nodes sending', 240_000);
    a.child.kill('SIGKILL');
    await a.exited;
    const byA = sinks[0]!.counted.length;
    expect(total()).toBeLessThan(RECIPIENTS);
    await waitFor(async () => (await statusCounts(db, tenantId, mailingId)).sent === RECIPIENTS, 'every recipient sent', 300_000);
    // The survivor took over what the killed node had left, and the killed node sent nothing more.
    expect(sinks[0]!.counted.length).toBe(byA);
    expect(sinks[1]!.counted.length).toBeGreaterThan(0);
    await expectEachOnce(sinks, db, tenantId, mailingId, 1);
  }, 600_000);
});
