import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** Packaging needs downloads and cannot run here; the configuration is checked by reading it. */
const root = path.resolve(import.meta.dirname, '../../..');
const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));

describe('the installer configuration', () => {
  it('packs the built main process, preload and renderer, and starts the built main', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**', 'renderer/dist/**']));
    expect(config.extraMetadata.main).toBe('dist/electron/main.js');
  });

  it('keeps the native SQLite module outside the archive and rebuilds it for Electron', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
  });

  it('refers only to resources that exist', () => {
    for (const file of [config.win.icon, config.linux.icon, config.nsis.include]) {
      expect(existsSync(path.join(root, file)), file).toBe(true);
    }
  });

  it('builds NSIS and MSI for Windows (per machine, for Intune and SCCM) and AppImage and deb for Linux, with its own app id and icons', () => {
    expect(config.appId).toBe('nl.samen.desktop');
    expect(config.win.target).toEqual(expect.arrayContaining(['nsis', 'msi']));
    expect(config.msi.perMachine).toBe(true);
    expect(config.nsis.perMachine).toBe(true);
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.icon).toMatch(/\.ico$/);
    expect(config.files).toEqual(expect.arrayContaining(['build/tray*', 'build/icon.png']));
    for (const icon of ['tray.png', 'tray-unread.png', 'tray.ico', 'tray-unread.ico', 'icon.ico']) expect(existsSync(path.join(root, 'build', icon)), icon).toBe(true);
  });

  it('writes latest.yml for the generic update feed, and never publishes by itself', () => {
    expect(config.publish).toEqual({ provider: 'generic', url: expect.stringMatching(/\.invalid\//) });
    const scripts = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).scripts;
    expect(scripts.package).toContain('--publish never');
  });

  it('ships electron-updater with the app and keeps electron-builder a dev tool', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.dependencies['electron-updater']).toBeDefined();
    expect(pkg.dependencies['electron-builder']).toBeUndefined();
    expect(pkg.dependencies.electron).toBeUndefined();
  });
});
