import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../server/src/db/connect.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';
import { createDeliveries, defaultMailOptions, type MailOptions } from '../../server/src/mailings/delivery.js';
import { personalise } from '../../server/src/mailings/render.js';
import { createMailSender } from '../../server/src/mailings/sender.js';
import { smtpTransport } from '../../server/src/mailings/transport.js';
import { queueLargeMailing } from '../../test/fixtures/mailQueue.js';
import { startSmtpSink } from '../../test/fixtures/smtpSink.js';
import { line, mb, ms } from '../stats.js';

const BIG = 20_000;
const SMALL = 2_000;
const SEND = 2_000;

/**
 * Mailings: render and queue one mailing for 20 000 recipients on SQLite (time, heap and RSS), with
 * 2 000 in the same run as the baseline it should scale from; personalising every message (what the
 * sender does per recipient); the send rate of the queue against a loopback SMTP server, beside bare
 * nodemailer to the same server as the ceiling.
 */
export async function main(): Promise<void> {
  console.log('\nMailings');
  const small = await queueOnce(SMALL);
  const big = await queueOnce(BIG);
  line(`render + audience + queue, ${SMALL} recipients (baseline)`, `${ms(small.queueMs)}, peak RSS ${mb(small.peak)} (+${mb(small.peakGrowth)})`);
  line(`render + audience + queue, ${BIG} recipients`, `${ms(big.queueMs)} (${(big.queueMs / small.queueMs).toFixed(1)}× the baseline for ${BIG / SMALL}×), peak RSS ${mb(big.peak)} (+${mb(big.peakGrowth)} over the baseline's)`);
  line(`personalise ${BIG} messages`, `${ms(big.personaliseMs)} (${((big.personaliseMs * 1000) / BIG).toFixed(1)} µs each)`);

  // Warm-up: the first connections and the JIT would otherwise be charged to the first figure.
  await bareRate(200, 2);
  for (const concurrency of [2, 8]) {
    const bare = await bareRate(SEND, concurrency);
    const queued = await queueRate(SEND, concurrency);
    line(`send rate, ${concurrency} connections: bare nodemailer (ceiling)`, `${bare.toFixed(0)} messages/s`);
    line(`send rate, ${concurrency} connections: through the queue`, `${queued.toFixed(0)} messages/s (${((queued / bare) * 100).toFixed(0)}% of the ceiling)`);
  }

}

async function withDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'samen-mail-bench-'));
  const db = openDatabase({ dataDir: dir });
  try {
    await migrateToLatest(db);
    return await work(db);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function queueOnce(recipients: number) {
  return withDb(async (db) => {
    // The queueing is mostly synchronous SQLite work, so a sampler would not get to run: the
    // process's peak resident size (maxRSS, which only grows) tells what it took at most.
    const peakBefore = process.resourceUsage().maxRSS * 1024;
    const { tenantId, mailingId, queueMs, recipients: queued } = await queueLargeMailing(db, { recipients, baseUrl: 'https://intranet.zorg.example', transport: 'smtp' });
    const peakAfter = process.resourceUsage().maxRSS * 1024;
    if (queued !== recipients) throw new Error(`queued ${queued} of ${recipients}`);
    const m = await db.kysely.selectFrom('mailings').select(['html', 'text', 'token_marker']).where('tenant_id', '=', tenantId).where('id', '=', mailingId).executeTakeFirstOrThrow();
    const tokens = await db.kysely.selectFrom('mailing_recipients').select('token').where('tenant_id', '=', tenantId).where('mailing_id', '=', mailingId).execute();
    const template = { html: m.html ?? '', text: m.text ?? '', marker: m.token_marker ?? '' };
    const started = performance.now();
    let bytes = 0;
    for (const { token } of tokens) bytes += personalise(template, token).html.length;
    const personaliseMs = performance.now() - started;
    if (bytes === 0) throw new Error('nothing personalised');
    return { queueMs, peakGrowth: peakAfter - peakBefore, peak: peakAfter, personaliseMs };
  });
}

/** Bare nodemailer to the sink: the most any sender could do over these connections on this machine. */
async function bareRate(count: number, concurrency: number): Promise<number> {
  const sink = await startSmtpSink({ countOnly: true });
  const transport = smtpTransport(sink.url, 30_000, concurrency);
  try {
    const started = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const i = next++;
        await transport.send({ from: 'bench@zorg.example', to: `p${i}@zorg.example`, subject: 'Bench', html: '<p>Hallo</p>', text: 'Hallo', messageId: `<${i}@bench>`, headers: {}, logo: null, fileKey: '' });
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    await sink.waitForCount(count);
    return count / ((performance.now() - started) / 1000);
  } finally {
    transport.close();
    await sink.close();
  }
}

/** A queued mailing sent by the sender as a node runs it, rate limit out of the way. */
async function queueRate(count: number, concurrency: number): Promise<number> {
  const sink = await startSmtpSink({ countOnly: true });
  try {
    return await withDb(async (db) => {
      await queueLargeMailing(db, { recipients: count, baseUrl: 'https://intranet.zorg.example', transport: 'smtp' });
      const options: MailOptions = { ...defaultMailOptions(tmpdir()), smtpUrl: sink.url, ratePerSecond: 10_000, concurrency, pollMs: 20 };
      const sender = createMailSender({
        db,
        options,
        deliveries: createDeliveries(db.kysely, options),
        baseUrl: () => 'https://intranet.zorg.example',
        now: () => new Date(),
        onError: (err) => console.error(err),
      });
      const started = performance.now();
      sender.start();
      await sink.waitForCount(count, 600_000);
      const rate = count / ((performance.now() - started) / 1000);
      await sender.stop();
      return rate;
    });
  } finally {
    await sink.close();
  }
}
