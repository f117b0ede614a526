import type { HttpClient } from '../net/httpClient.js';
import type { NetError, NetResult } from '../net/netError.js';
import type { OutboxItem, OutboxStore } from './outboxStore.js';

export type DeliveryOutcome =
  /** The server confirmed; `item` carries the server ids of uploaded images. */
  | { kind: 'delivered'; item: OutboxItem }
  /** The server refused for good (validation, forbidden, not found): report and drop. */
  | { kind: 'rejected'; error: NetError }
  /** Unreachable, overloaded or failing: try the same request again later. */
  | { kind: 'retry'; error: NetError }
  /** The session or grant is no longer valid: wait for the person to log in again. */
  | { kind: 'unauthorized' }
  /** The device itself was revoked: nothing can be sent from here until it is enrolled again. */
  | { kind: 'unlinked' };

const VIDEO_UPLOAD_TIMEOUT_MS = 5 * 60_000;

const failed = (error: NetError): DeliveryOutcome => {
  if (error.code === 'not_logged_in') return { kind: 'unauthorized' };
  if (error.code === 'device_unlinked') return { kind: 'unlinked' };
  return error.retryable ? { kind: 'retry', error } : { kind: 'rejected', error };
};

const settle = (item: OutboxItem, answer: NetResult<unknown>): DeliveryOutcome => (answer.ok ? { kind: 'delivered', item } : failed(answer.error));

/**
 * Sends one outbox item with `token` (its author's delivery grant or session). Every request carries
 * the item's idempotency key (images a key derived from it), so sending again after a lost answer
 * changes nothing on the server.
 */
export async function deliverItem(http: HttpClient, store: OutboxStore, item: OutboxItem, token: string): Promise<DeliveryOutcome> {
  const key = item.idempotencyKey;
  switch (item.kind) {
    case 'post': {
      const images = [...item.images];
      for (const [i, image] of images.entries()) {
        if (image.serverId) continue;
        const bytes = store.imageBytes(image.localId);
        if (!bytes) continue;
        const uploaded = await http.call('uploadImage', {
          token,
          body: { bytes: bytes.bytes, mime: image.mime },
          idempotencyKey: `${key}.image.${image.position}`,
        });
        if (!uploaded.ok) return failed(uploaded.error);
        store.setImageServerId(item.id, image.position, uploaded.value.id);
        images[i] = { ...image, serverId: uploaded.value.id };
      }
      const imageIds = images.flatMap((img) => (img.serverId ? [img.serverId] : []));
      const videos = [...item.videos];
      for (const [i, video] of videos.entries()) {
        if (video.serverId) continue;
        const bytes = store.videoBytes(video.localId);
        if (!bytes) continue;
        const uploaded = await http.call('uploadVideo', {
          token,
          body: { bytes: bytes.bytes, mime: video.mime },
          idempotencyKey: `${key}.video.${i}`,
          // A minute of video goes up and through ffmpeg: far longer than any other request.
          timeoutMs: VIDEO_UPLOAD_TIMEOUT_MS,
        });
        if (!uploaded.ok) return failed(uploaded.error);
        store.setVideoServerId(video.localId, uploaded.value.id);
        videos[i] = { ...video, serverId: uploaded.value.id };
      }
      const videoIds = videos.flatMap((v) => (v.serverId ? [v.serverId] : []));
      const answer = await http.call('createPost', {
        token,
        body: {
          id: item.id,
          body: item.payload.body,
          groupId: item.payload.groupId,
          imageIds,
          ...(videoIds.length > 0 ? { videoIds } : {}),
          ...(item.payload.publishAt ? { publishAt: item.payload.publishAt } : {}),
          ...(item.payload.endsAt ? { endsAt: item.payload.endsAt } : {}),
          ...(item.payload.review === 'look' ? { review: 'look' as const } : {}),
          ...(item.payload.photoConsent ? { photoConsent: true } : {}),
        },
        idempotencyKey: key,
      });
      return settle({ ...item, images, videos }, answer);
    }
    case 'comment':
      return settle(
        item,
        await http.call('createComment', { token, params: { id: item.postId }, body: { id: item.id, body: item.payload.body }, idempotencyKey: key }),
      );
    case 'like':
      if (item.payload.liked && item.payload.kind) {
        return settle(item, await http.call('setReaction', { token, params: { id: item.postId }, body: { kind: item.payload.kind }, idempotencyKey: key }));
      }
      return settle(
        item,
        await http.call(item.payload.liked ? 'likePost' : 'unlikePost', { token, params: { id: item.postId }, idempotencyKey: key }),
      );
    case 'delete': {
      const answer = await http.call('deletePost', { token, params: { id: item.postId }, idempotencyKey: key });
      // Already gone is what a delete wants.
      if (!answer.ok && answer.error.code === 'not_found') return { kind: 'delivered', item };
      return settle(item, answer);
    }
    case 'join':
      return settle(
        item,
        await http.call('addGroupMember', { token, params: { id: item.postId, personId: item.personId }, body: { role: 'member' }, idempotencyKey: key }),
      );
    case 'request':
      return settle(item, await http.call('requestToJoin', { token, params: { id: item.postId }, idempotencyKey: key }));
    case 'leave': {
      const answer = await http.call('removeGroupMember', { token, params: { id: item.postId, personId: item.personId }, idempotencyKey: key });
      // No longer in it (or no longer allowed to know it) is what leaving wants.
      if (!answer.ok && answer.error.code === 'not_found') return { kind: 'delivered', item };
      return settle(item, answer);
    }
    case 'poll':
      return settle(item, await http.call('createPoll', { token, body: { ...item.payload, id: item.id }, idempotencyKey: key }));
    case 'vote':
      return settle(item, await http.call('votePoll', { token, params: { id: item.postId }, body: { optionIds: item.payload.optionIds }, idempotencyKey: key }));
    case 'favourite':
      return settle(
        item,
        await http.call(item.payload.favourite ? 'favouritePage' : 'unfavouritePage', { token, params: { id: item.postId }, idempotencyKey: key }),
      );
    case 'readRequire':
      return settle(item, await http.call('markReadRequired', { token, params: { id: item.postId }, body: { audience: item.payload.audience }, idempotencyKey: key }));
    case 'readConfirm':
      return settle(item, await http.call('confirmRead', { token, params: { id: item.postId }, idempotencyKey: key }));
    case 'readLater':
      return settle(item, await http.call('postponeRead', { token, params: { id: item.postId }, idempotencyKey: key }));
    case 'reviewNote':
      return settle(
        item,
        await http.call('addReviewNote', { token, params: { id: item.postId }, body: { id: item.payload.noteId, kind: item.payload.note, body: item.payload.body }, idempotencyKey: key }),
      );
    case 'reviewDecide':
      return settle(
        item,
        item.payload.approve
          ? await http.call('approveReview', { token, params: { id: item.postId }, idempotencyKey: key })
          : await http.call('returnReview', { token, params: { id: item.postId }, body: { comment: item.payload.comment ?? '' }, idempotencyKey: key }),
      );
    case 'reviewPublish':
      return settle(item, await http.call('publishReview', { token, params: { id: item.postId }, body: { body: item.payload.body }, idempotencyKey: key }));
    case 'report':
      return settle(
        item,
        await http.call('reportItem', {
          token,
          body: { itemKind: item.payload.itemKind, itemId: item.postId, reason: item.payload.reason, ...(item.payload.note ? { note: item.payload.note } : {}) },
          idempotencyKey: key,
        }),
      );
    case 'moderate': {
      const params = { kind: item.payload.itemKind, id: item.postId };
      const d = item.payload;
      const answer =
        d.action === 'hide'
          ? await http.call('hideItem', { token, params, body: { reason: d.reason }, idempotencyKey: key })
          : await http.call(d.action === 'dismiss' ? 'dismissItem' : 'restoreItem', { token, params, idempotencyKey: key });
      return settle(item, answer);
    }
    case 'birthdayShown':
      return settle(item, await http.call('setMyCelebrations', { token, body: { birthdayShown: item.payload.shown }, idempotencyKey: key }));
    case 'tourDone':
      return settle(item, await http.call('finishMyTour', { token, body: { outcome: item.payload.outcome }, idempotencyKey: key }));
    case 'tourRestart':
      return settle(item, await http.call('restartTour', { token, params: { id: item.postId }, idempotencyKey: key }));
    case 'ambassadorMark':
      return settle(
        item,
        await http.call('setAmbassador', { token, params: { id: item.postId }, body: { ambassador: item.payload.ambassador, line: item.payload.line }, idempotencyKey: key }),
      );
    case 'feedback':
      return settle(
        item,
        await http.call('setPageFeedback', { token, params: { id: item.postId }, body: { helpful: item.payload.helpful, comment: item.payload.comment }, idempotencyKey: key }),
      );
  }
}
