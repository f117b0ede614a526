import { cleanup, render, screen } from '@testing-library/react';
import { vi } from 'vitest';
import { App } from '../../../renderer/src/app/App.js';
import { page } from '../../../renderer/src/app/page.js';
import { resetPersonalStores } from '../../../renderer/src/app/personalStores.js';
import { useAppState } from '../../../renderer/src/app/sessionStore.js';
import { resetBadgeLogin } from '../../../renderer/src/features/login/badgeLogin.js';
import { resetLockScreen } from '../../../renderer/src/features/login/lockFlow.js';
import { useToasts } from '../../../renderer/src/ui/toast/toastStore.js';
import { createFakeSamen, type FakeOptions, type FakeSamen } from './fakeSamen.js';

/** jsdom has no layout: the virtual list needs a ResizeObserver and the app scrolls the window. */
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= NoopResizeObserver as unknown as typeof ResizeObserver;
window.scrollTo = () => {};
window.scrollBy = () => {};

/** jsdom cannot navigate: the reload to the lock screen is recorded instead. */
export const reloads = vi.spyOn(page, 'replace').mockImplementation(() => {});

export function renderApp(options: FakeOptions = {}): FakeSamen {
  const fake = createFakeSamen(options);
  window.samen = fake.api;
  const root = document.createElement('div');
  root.id = 'root';
  document.body.append(root);
  render(<App />, { container: root });
  return fake;
}

/** Stores live as long as the module does; each test starts from a fresh app. */
export function resetApp(): void {
  cleanup();
  document.body.innerHTML = '';
  window.location.hash = '';
  resetBadgeLogin();
  resetPersonalStores();
  resetLockScreen();
  useAppState.setState({ session: null, theme: null, sync: null, startError: null, cleared: false });
  useToasts.setState({ toasts: [] });
  reloads.mockClear();
  delete window.samen;
}

export async function timelineReady(): Promise<void> {
  await screen.findByRole('heading', { level: 1, name: /Tijdlijn|Berichten met/ });
}
