import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Person } from '../../common/src/api/entities.js';
import type { MyTour } from '../../common/src/api/routes/ambassadors.js';
import { expect, logIn, logOut, postCard, submitLogin, test } from './fixtures/app.js';

/** Screens to look at, when a folder for them is given (never in the repository). */
const shot = async (page: Page, name: string) => {
  const dir = process.env.SAMEN_SHOTS;
  if (dir) await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false });
};

/** Logs in without waiting for the timeline: the tour's dialog makes the page behind it inert. */
async function logInToTour(page: Page, url: string, employeeNumber: string, password: string) {
  await submitLogin(page, url, employeeNumber, password);
  return page.getByRole('dialog', { name: /^Welkom bij/ });
}

test('a new colleague gets the tour once; an ambassador shows it to her again', async ({ page, app }) => {
  const [daan, carla, bram] = await Promise.all([app.api('1004', 'welkom-daan'), app.api('1003', 'welkom-carla'), app.api('1002', 'welkom-bram')]);
  const bramId = (await bram.get<{ person: Person }>('/v1/me')).body.person.id;
  const carlaId = (await carla.get<{ person: Person }>('/v1/me')).body.person.id;
  // The demo's people have all had the tour, and no route adds a person: asking it for Bram makes him new to it.
  expect((await carla.post<MyTour>(`/v1/people/${bramId}/tour`, {})).body.pending).toBe(true);
  expect((await daan.put(`/v1/people/${carlaId}/ambassador`, { ambassador: true, line: 'Vraag mij over: roosters, de app' })).status).toBe(200);
  const body = `Wie helpt me met de app? ${Date.now()}`;
  await bram.post('/v1/posts', { body });
  try {
    const tour = await logInToTour(page, app.client.url, '1002', 'welkom-bram');
    await expect(tour).toContainText('Stap 1 van 5');
    await shot(page, 'ambassadors-tour');
    for (let step = 2; step <= 5; step++) {
      await page.getByRole('button', { name: 'Volgende' }).click();
      await expect(page.getByRole('dialog')).toContainText(`Stap ${step} van 5`);
    }
    await page.getByRole('button', { name: 'Klaar' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('feed')).toBeVisible();
    await expect.poll(async () => (await bram.get<MyTour>('/v1/me/tour')).body.pending).toBe(false);
    await logOut(page);

    // Again: no tour. The ambassadors page answering from the server comes after the tour was asked for.
    await logIn(page, app.client.url, '1002', 'welkom-bram');
    await page.getByRole('link', { name: 'Ambassadeurs' }).click();
    const carlaItem = page.getByRole('listitem').filter({ hasText: 'Carla Smit' });
    await expect(carlaItem).toContainText('Ambassadeur');
    await expect(carlaItem).toContainText('Vraag mij over: roosters, de app');
    await shot(page, 'ambassadors-page');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await logOut(page);

    // Carla, an ambassador, starts it again from his card.
    await logIn(page, app.client.url, '1003', 'welkom-carla');
    await postCard(page, body).getByRole('button', { name: 'Bram Jansen', exact: true }).click();
    const card = page.getByRole('dialog', { name: 'Bram Jansen' });
    await card.getByRole('button', { name: 'Rondleiding opnieuw starten' }).click();
    await expect(page.getByText('Bram Jansen ziet de rondleiding bij de volgende keer openen.')).toBeVisible();
    await shot(page, 'ambassadors-card');
    await expect.poll(async () => (await bram.get<MyTour>('/v1/me/tour')).body).toEqual({ pending: true, requestedBy: carlaId });
    await card.getByRole('button', { name: 'Sluiten' }).click();
    await logOut(page);

    const again = await logInToTour(page, app.client.url, '1002', 'welkom-bram');
    await again.getByRole('button', { name: 'Overslaan' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect.poll(async () => (await bram.get<MyTour>('/v1/me/tour')).body.pending).toBe(false);
    await logOut(page);
  } finally {
    await daan.put(`/v1/people/${carlaId}/ambassador`, { ambassador: false, line: null });
  }
});
