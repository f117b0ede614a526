import { describe, expect, it } from 'vitest';
import { readServerConfig } from '../../../server/src/config.js';

describe('the server’s mail settings', () => {
  it('takes the SMTP server from --smtp-url, else SAMEN_SMTP_URL, and has none by default (mail is written as .eml files)', () => {
    expect(readServerConfig([], {}).smtpUrl).toBeUndefined();
    expect(readServerConfig([], { SAMEN_SMTP_URL: 'smtp://mail.zorg.example:25' }).smtpUrl).toBe('smtp://mail.zorg.example:25');
    expect(readServerConfig(['--smtp-url', 'smtp://127.0.0.1:2525'], { SAMEN_SMTP_URL: 'smtp://other:25' }).smtpUrl).toBe('smtp://127.0.0.1:2525');
  });

  it('refuses a value that is no SMTP address, and limits that are out of range, naming the flag', () => {
    expect(() => readServerConfig(['--smtp-url', 'http://mail'], {})).toThrow(/--smtp-url/);
    expect(() => readServerConfig(['--public-url', 'intranet'], {})).toThrow(/--public-url/);
    expect(() => readServerConfig(['--mail-rate', '0'], {})).toThrow(/--mail-rate/);
    expect(readServerConfig(['--public-url', 'https://samen.zorg.example/'], {}).publicUrl).toBe('https://samen.zorg.example');
    expect(readServerConfig([], {})).toMatchObject({ mailRate: 10, mailConcurrency: 2, mailLeaseSeconds: 120 });
  });
});
