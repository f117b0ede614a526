import { closeSync, existsSync, openSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CACHE_FILE_NAME, openCache } from '../../../../main/core/cache/openCache.js';
import type { Clock } from '../../../../main/core/clock.js';
import { feed, post } from '../../../fixtures/core/entities.js';
import { memoryLog, tempDirs } from '../../../fixtures/core/harness.js';

const tempDir = tempDirs();
const clock: Clock = { now: () => new Date('2025-03-04T05:06:07.089Z') };

describe('a damaged cache file', () => {
  it('that is no database at all is moved aside with a timestamp and a fresh cache is used', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, CACHE_FILE_NAME), 'this is not a database, just some words '.repeat(200));
    const log = memoryLog();

    const cache = openCache({ dataDir: dir, log, clock });

    expect(readdirSync(dir)).toContain(`${CACHE_FILE_NAME}.corrupt-2025-03-04T05-06-07-089Z`);
    expect(log.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: expect.stringContaining('moved aside') }));
    expect(cache.read((c) => c.state.cursor())).toBe(0);
    expect(cache.read((c) => c.posts.list({}, null, 5))).toEqual([]);
    cache.close();
  });

  it('found damaged while reading is moved aside, rebuilt empty, and sync is told to start over', () => {
    const dir = tempDir();
    const file = path.join(dir, CACHE_FILE_NAME);
    const cache = openCache({ dataDir: dir, log: memoryLog(), clock });
    const f = feed();
    const changes = Array.from({ length: 3000 }, () => f.upsert('post', post({ body: 'x'.repeat(300) })));
    cache.write((c) => c.applier.applyPage(changes, f.seq, null));
    cache.close();
    // Overwrite the second half of the file (the posts' pages) with garbage, keeping the header intact.
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(size / 2, 0xa5), 0, size / 2, size / 2);
    closeSync(fd);

    const log = memoryLog();
    const reopened = openCache({ dataDir: dir, log, clock });
    let resets = 0;
    reopened.onReset(() => resets++);
    const page = reopened.read((c) => c.posts.list({}, null, 5000));

    expect(page).toEqual([]);
    expect(resets).toBe(1);
    expect(reopened.read((c) => c.state.cursor())).toBe(0);
    expect(readdirSync(dir).some((name) => name.startsWith(`${CACHE_FILE_NAME}.corrupt-`))).toBe(true);
    expect(log.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: expect.stringContaining('rebuilding') }));
    reopened.close();
  });

  it('written by a newer app version is moved aside rather than misread', () => {
    const dir = tempDir();
    const db = new Database(path.join(dir, CACHE_FILE_NAME));
    db.exec('CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (99);');
    db.close();

    const cache = openCache({ dataDir: dir, log: memoryLog(), clock });

    expect(readdirSync(dir).some((name) => name.startsWith(`${CACHE_FILE_NAME}.corrupt-`))).toBe(true);
    expect(cache.read((c) => c.state.cursor())).toBe(0);
    cache.close();
  });

  it('in a folder that cannot hold files still lets the app start, with the cache in memory', () => {
    const notAFolder = path.join(tempDir(), 'occupied');
    writeFileSync(notAFolder, 'a file where the data folder should be');
    const log = memoryLog();

    const cache = openCache({ dataDir: notAFolder, log, clock });

    expect(cache.read((c) => c.posts.list({}, null, 5))).toEqual([]);
    expect(log.lines).toContainEqual(expect.objectContaining({ level: 'error', message: expect.stringContaining('in memory') }));
    expect(existsSync(path.join(notAFolder, CACHE_FILE_NAME))).toBe(false);
    cache.close();
  });
});
