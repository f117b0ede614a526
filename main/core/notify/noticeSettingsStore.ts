import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_NOTICE_SETTINGS, NoticeSettingsSchema, type NoticeSettings } from '../../../common/src/notify/notices.js';
import type { Logger } from '../log.js';

const FileSchema = z.record(z.string(), NoticeSettingsSchema);

/**
 * Each person's notification choices on this machine, in one small file in the data folder (no
 * content, only switches). A damaged file is not fatal: everyone starts again from the defaults.
 */
export function createNoticeSettingsStore(d: { dataDir: string; log: Logger }) {
  const file = path.join(d.dataDir, 'notice-settings.json');
  let all: Record<string, NoticeSettings> = {};
  try {
    const parsed = FileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) all = parsed.data;
    else d.log.warn('notice settings unreadable; defaults apply', { file });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') d.log.warn('notice settings unreadable; defaults apply', { file });
  }

  return {
    get: (personId: string): NoticeSettings => all[personId] ?? DEFAULT_NOTICE_SETTINGS,
    set(personId: string, settings: NoticeSettings) {
      all = { ...all, [personId]: settings };
      mkdirSync(d.dataDir, { recursive: true });
      // Written aside and renamed, so a crash halfway never leaves half a file.
      writeFileSync(`${file}.tmp`, JSON.stringify(all));
      renameSync(`${file}.tmp`, file);
    },
  };
}

export type NoticeSettingsStore = ReturnType<typeof createNoticeSettingsStore>;
