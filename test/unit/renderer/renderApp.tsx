import { cleanup, render, screen } from '@testing-library/react';
import { App } from '../../../renderer/src/app/App.js';
import { useAppState } from '../../../renderer/src/app/sessionStore.js';
import { closePersonCard } from '../../../renderer/src/features/people/personCardStore.js';
import { resetComments } from '../../../renderer/src/features/timeline/commentsStore.js';
import { resetTimeline } from '../../../renderer/src/features/timeline/timelineStore.js';
import { useToasts } from '../../../renderer/src/ui/toast/toastStore.js';
import { createFakeSamen, type FakeSamen } from './fakeSamen.js';

/** jsdom has no layout: the virtual list needs a ResizeObserver and the app scrolls the window. */
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= NoopResizeObserver as unknown as typeof ResizeObserver;
window.scrollTo = () => {};

export function renderApp(options: Parameters<typeof createFakeSamen>[0] = {}): FakeSamen {
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
  resetTimeline();
  resetComments();
  closePersonCard();
  useAppState.setState({ session: null, theme: null, sync: null, startError: null });
  useToasts.setState({ toasts: [] });
  delete window.samen;
}

export async function timelineReady(): Promise<void> {
  await screen.findByRole('heading', { level: 1, name: /Tijdlijn|Berichten met/ });
}
