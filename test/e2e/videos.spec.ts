import { expect, postCard, test } from './fixtures/app.js';
import { NO_FFMPEG, ffmpegAvailable, makeTestVideo } from '../fixtures/videos.js';

const hasFfmpeg = await ffmpegAvailable();

test.describe('a short video in a post', () => {
  test.skip(!hasFfmpeg, NO_FFMPEG);

  test('she attaches a video, confirms the privacy question, posts, and everyone sees its poster and can play it', async ({ loggedIn: page, app }) => {
    const clip = await makeTestVideo();
    await page.getByLabel('Wat wil je delen?').fill('Zo werkt de nieuwe tillift op gang B');
    await page.getByTestId('composer-video-input').setInputFiles({ name: 'tillift.mov', mimeType: 'video/quicktime', buffer: clip });
    const composer = page.getByRole('region', { name: 'Nieuw bericht' });
    await expect(composer.getByRole('group', { name: 'Video bij je bericht' })).toContainText('tillift.mov');
    await expect(composer.getByRole('button', { name: 'Video toevoegen' })).toBeDisabled();

    // The same privacy question as for photos, now naming the video; without it the post stays.
    await composer.getByRole('button', { name: 'Plaatsen', exact: true }).click();
    await expect(composer.getByRole('alert')).toContainText('Vink eerst aan');
    const consent = composer.getByRole('checkbox', { name: /in deze video .* hebben toestemming gegeven/ });
    await consent.check();
    const shots = process.env.SAMEN_SHOTS;
    if (shots) await composer.screenshot({ path: `${shots}/composer-video.png` });
    await composer.getByRole('button', { name: 'Plaatsen', exact: true }).click();

    const anna = await app.api('1001', 'welkom-anna');
    await expect
      .poll(async () => ((await anna.get('/v1/posts')).body.items as { body: string; videos?: unknown[] }[]).find((p) => p.body.includes('nieuwe tillift'))?.videos?.length, { timeout: 30_000 })
      .toBe(1);

    // Once the server has it, the card shows its poster (served by the shell) and a play button with its length.
    const card = postCard(page, 'nieuwe tillift');
    const video = card.locator('video');
    await expect(video).toHaveAttribute('poster', /\/videos\/[0-9a-f-]+\/poster$/, { timeout: 30_000 });
    await expect(video).toHaveAttribute('preload', 'none');
    const play = card.getByRole('button', { name: /^Video afspelen \(0:02\)$/ });
    await play.scrollIntoViewIfNeeded();
    if (shots) await card.screenshot({ path: `${shots}/post-video-poster.png` });
    await play.click();
    await expect(play).toHaveCount(0);
    await expect(video).toHaveAttribute('controls', '');
    // Playing fetched bytes through the shell with range requests: the video has a length and moves on.
    await expect.poll(async () => video.evaluate((v: HTMLVideoElement) => v.readyState >= 2 && v.duration > 1), { timeout: 20_000 }).toBe(true);
    if (shots) await card.screenshot({ path: `${shots}/post-video-playing.png` });
  });
});
