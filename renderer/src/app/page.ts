/**
 * The one place that leaves the page. Tests replace `page.replace`: jsdom cannot navigate.
 */
export const page = {
  replace(url: string): void {
    window.location.replace(url);
  },
};

/** The address the app started from, without route or query: the lock screen after a reload. */
export function appRootUrl(): string {
  const url = new URL(window.location.href);
  url.hash = '';
  url.search = '';
  return url.href;
}
