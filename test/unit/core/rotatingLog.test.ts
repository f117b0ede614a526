import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorFields } from '../../../main/core/logScrub.js';
import { rotatingFileLogger } from '../../../main/core/rotatingLog.js';
import { tempDirs } from '../../fixtures/core/harness.js';
import { manualTime } from '../../fixtures/core/manualTime.js';

const tempDir = tempDirs();

describe('the main process’s log file', () => {
  it('holds one JSON line per entry, with time and level, in logs/samen.log', () => {
    const dir = path.join(tempDir(), 'logs');
    const log = rotatingFileLogger({ dir, clock: manualTime(Date.UTC(2026, 0, 5, 9, 30)).clock });
    log.warn('sync failed', { code: 'network', attempt: 3 });
    const lines = readFileSync(path.join(dir, 'samen.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([{ t: '2026-01-05T09:30:00.000Z', level: 'warn', msg: 'sync failed', code: 'network', attempt: 3 }]);
  });

  it('rotates at its size and keeps a fixed number of older files, so it never grows past its cap', () => {
    const dir = tempDir();
    const log = rotatingFileLogger({ dir, clock: manualTime().clock, maxBytes: 2000, keep: 3 });
    for (let i = 0; i < 500; i++) log.info('outbox delivered', { attempt: i });
    expect(readdirSync(dir).sort()).toEqual(['samen.log', 'samen.log.1', 'samen.log.2', 'samen.log.3']);
    for (const f of readdirSync(dir)) expect(statSync(path.join(dir, f)).size).toBeLessThanOrEqual(2000);
    // The newest entry is in the current file, the one before the rotation in .1.
    const current = readFileSync(path.join(dir, 'samen.log'), 'utf8').trim().split('\n');
    expect(JSON.parse(current.at(-1)!).attempt).toBe(499);
    const previous = readFileSync(path.join(dir, 'samen.log.1'), 'utf8').trim().split('\n');
    expect(JSON.parse(previous.at(-1)!).attempt).toBe(JSON.parse(current[0]!).attempt - 1);
  });

  it('carries on with the file of an earlier start, counting its size', () => {
    const dir = tempDir();
    const clock = manualTime().clock;
    const first = rotatingFileLogger({ dir, clock, maxBytes: 300, keep: 2 });
    for (let i = 0; i < 3; i++) first.info('started', { run: 1 });
    const again = rotatingFileLogger({ dir, clock, maxBytes: 300, keep: 2 });
    for (let i = 0; i < 3; i++) again.info('started', { run: 2 });
    expect(readdirSync(dir).sort()).toEqual(['samen.log', 'samen.log.1']);
    expect(statSync(path.join(dir, 'samen.log')).size).toBeLessThanOrEqual(300);
  });

  it('never takes the app down when its folder cannot be written', () => {
    const blocked = path.join(tempDir(), 'a-file');
    writeFileSync(blocked, '');
    const echoed: string[] = [];
    const log = rotatingFileLogger({ dir: path.join(blocked, 'logs'), clock: manualTime().clock, echo: { info: (m) => echoed.push(m), warn: (m) => echoed.push(m), error: (m) => echoed.push(m) } });
    expect(() => log.error('main process error', { code: 'x' })).not.toThrow();
    expect(echoed).toEqual(['main process error']);
  });

  it('never holds a PIN, an employee number, a post’s text, a name, a token or an e-mail address, whatever is passed', () => {
    const dir = tempDir();
    const log = rotatingFileLogger({ dir, clock: manualTime().clock });
    log.error('login failed for 104233 with pin 4821', { employeeNumber: '104233', pin: '4821', text: 'Mevrouw Jansen kamer 12 is gevallen', personName: 'Anna de Vries', token: 'tok_secret', code: 'invalid_pin' });
    log.warn('post refused: "Mevrouw Jansen kamer 12 is gevallen"', { detail: 'mail anna.devries@zorggroep.nl about 104233', postId: '0a1b2c3d-0000-4000-8000-00000000abcd' });
    let thrown: unknown;
    try {
      JSON.parse('{"body": "Mevrouw Jansen is gevallen", "pin": 4821');
    } catch (err) {
      thrown = err;
    }
    log.error('main process error', errorFields(thrown));
    const stack = new Error('cannot open /home/anna.devries/samen/104233.db');
    log.error('main process error', errorFields(stack));

    const file = readFileSync(path.join(dir, 'samen.log'), 'utf8');
    for (const secret of ['104233', '4821', 'Jansen', 'gevallen', 'Anna', 'tok_secret', 'anna.devries', 'zorggroep.nl']) expect(file, secret).not.toContain(secret);
    // What an admin needs stays: codes, ids, the kind of error.
    expect(file).toContain('invalid_pin');
    expect(file).toContain('0a1b2c3d-0000-4000-8000-00000000abcd');
    expect(file).toContain('SyntaxError');
    expect(file.trim().split('\n')).toHaveLength(4);
  });
});
