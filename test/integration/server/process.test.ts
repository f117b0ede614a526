import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../../fixtures/apiClient.js';
import { waitFor } from '../../fixtures/core/harness.js';
import { openEventStream } from '../../fixtures/sseReader.js';

/** The server as operators run it: `npm run server`, JSON logs on stdout, SIGTERM to stop. */
describe('the server process', () => {
  let child: ChildProcessWithoutNullStreams;
  let output = '';
  let url = '';
  const dataDir = mkdtempSync(path.join(tmpdir(), 'samen-process-'));

  beforeAll(async () => {
    child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', '--port', '0', '--data', dataDir, '--seed', 'demo'], {
      cwd: path.resolve(import.meta.dirname, '../../..'),
      env: { ...process.env, SAMEN_DATABASE_URL: '' },
    });
    child.stderr.on('data', (d) => (output += d));
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "listening on" line: ${output}`)), 30_000);
      child.stdout.on('data', (d: Buffer) => {
        output += d;
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    });
  }, 40_000);
  afterAll(() => {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints the demo log-in details and answers /health', async () => {
    expect(output).toContain('1001  welkom-anna');
    expect((await new TestClient(url).get('/health')).body.status).toBe('ok');
  });

  it('keeps tokens, passwords and query strings out of its logs', async () => {
    const anna = await new TestClient(url).login('1001', 'welkom-anna');
    await anna.get(`/v1/people?q=${encodeURIComponent('Bram Jansen')}`);
    await new TestClient(url).post('/v1/auth/password', { employeeNumber: '1002', password: 'geheim-wachtwoord' });
    // The refused login is the last request: once its line is out, so are the lines before it.
    await waitFor(() => /"statusCode":401/.test(output), 'the refused login in the log');
    const logs = output.split('\n').filter((l) => l.startsWith('{'));
    expect(logs.length).toBeGreaterThan(3);
    for (const line of logs) expect(() => JSON.parse(line)).not.toThrow();
    const logText = logs.join('\n');
    expect(logText).not.toContain(anna.token!.split('.')[1]!);
    expect(logText).not.toContain('geheim-wachtwoord');
    expect(logText).not.toContain('welkom-anna');
    expect(logText).not.toContain('Bram');
    expect(logText).toContain('/v1/people');
  });

  it('stops gracefully on SIGTERM: open event streams are closed and the process exits 0', async () => {
    const anna = await new TestClient(url).login('1001', 'welkom-anna');
    const stream = await openEventStream(url, anna.token!);
    await stream.waitFor((e) => e.event === 'seq');
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await stream.whenEnded;
    expect(stream.ended).toBe(true);
  });
});
