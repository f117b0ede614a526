import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../../main/electron/securityPolicy.js';

describe('the Electron window’s security settings', () => {
  it('isolate the page from Node and Electron', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
    });
  });

});
