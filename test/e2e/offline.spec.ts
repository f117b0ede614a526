import { TestClient } from '../fixtures/apiClient.js';
import { expect, logIn, postCard, test as base } from './fixtures/app.js';
import { startClient, startServer, tempDir, type RunningProcess } from './fixtures/processes.js';

/** Its own server, so stopping it does not disturb the other tests. */
const test = base.extend<{ own: { server: RunningProcess; client: RunningProcess; serverDir: string; port: number } }>({
  own: async ({}, use) => {
    const serverDir = tempDir('offline-server');
    const server = await startServer(serverDir);
    const port = Number(new URL(server.url).port);
    const client = await startClient(server.url, tempDir('offline-client'));
    const own = { server, client, serverDir, port };
    await use(own);
    await own.client.stop();
    await own.server.stop();
  },
});

test('a like and a comment made offline wait, then arrive exactly once when the server is back', async ({ page, own }) => {
  const bram = await new TestClient(own.server.url).login('1002', 'welkom-bram');
  const post = await bram.post('/v1/posts', { body: 'Wie neemt zaterdag de late dienst over?' });
  await logIn(page, own.client.url, '1001', 'welkom-anna');
  const card = postCard(page, 'late dienst over');
  await expect(card).toBeVisible();

  await own.server.stop();
  await expect(page.getByText(/Offline/)).toBeVisible({ timeout: 15_000 });

  const like = card.getByRole('button', { name: /Leuk/ });
  await like.click();
  await expect(like).toHaveAttribute('aria-pressed', 'true');
  await card.getByRole('button', { name: 'Reageer' }).click();
  await card.getByLabel('Je reactie').fill('Ik kan wel, als iemand mijn zondag overneemt.');
  await card.getByRole('button', { name: 'Plaatsen' }).click();
  await expect(card).toContainText('Ik kan wel, als iemand mijn zondag overneemt.');
  await expect(card.getByText('Wordt verstuurd')).toBeVisible();
  await expect(page.getByText('2 berichten wachten op verzending')).toBeVisible();

  own.server = await startServer(own.serverDir, own.port);
  await expect(page.getByText('Bijgewerkt')).toBeVisible({ timeout: 30_000 });
  await expect(card.getByText('Wordt verstuurd')).toHaveCount(0, { timeout: 15_000 });

  const api = await new TestClient(own.server.url).login('1002', 'welkom-bram');
  const after = await api.get(`/v1/posts/${post.body.id}`);
  expect(after.body.likeCount).toBe(1);
  const comments = await api.get(`/v1/posts/${post.body.id}/comments`);
  expect(comments.body.items.map((c: { body: string }) => c.body)).toEqual(['Ik kan wel, als iemand mijn zondag overneemt.']);
});
