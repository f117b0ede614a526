import { AMBASSADOR_LINE_MAX, normaliseAmbassadorLine } from '../../../common/src/ambassadors/line.js';
import type { AmbassadorView } from '../../../common/src/ipc/ambassadorViews.js';
import { uuidv7 } from '../../../common/src/ids.js';
import type { Clock } from '../clock.js';
import type { ImageUrl } from '../images/imageUrl.js';
import type { Handlers } from '../ipc/dispatcher.js';
import type { HttpClient } from '../net/httpClient.js';
import type { OutboxItem, OutboxStore } from '../outbox/outboxStore.js';
import { stampedItem, type OutboxIntent } from '../outbox/stampedItem.js';
import { fail, failWith, ok } from '../result.js';
import type { ActiveSession } from '../session/sessionManager.js';
import type { Reader } from '../timeline/reader.js';

export type AmbassadorMethods = Pick<Handlers, 'ambassadors.list' | 'ambassadors.mark' | 'tour.mine' | 'tour.finish' | 'tour.restart'>;

const isEditor = (s: ActiveSession) => s.person.roles.includes('editor') || s.person.roles.includes('admin');

/**
 * Ambassadors and the first-time tour on the client. The list is asked of the server when shown and
 * named from the directory; nothing of it is stored. Whether her tour is pending is the server's (so
 * it shows once per person on every device, a ward PC too), unless her answer still waits in the
 * outbox: then it is done, offline as well. Every write is an outbox item; marking goes with the
 * admin's or editor's own session, as does a restart by an editor who is no ambassador (a grant acts
 * as an employee), while an ambassador's restart goes with her grant.
 */
export function createAmbassadorHandlers(d: {
  http: HttpClient;
  clock: Clock;
  read: Reader;
  imageUrl: ImageUrl;
  outbox: Pick<OutboxStore, 'add' | 'list'>;
  /** Delivery starts at once. */
  kick(): void;
  session(): ActiveSession | null;
}): AmbassadorMethods {
  const newId = () => uuidv7(d.clock.now().getTime());
  const enqueue = (s: ActiveSession, item: Extract<OutboxIntent, { kind: 'tourDone' | 'tourRestart' | 'ambassadorMark' }>, grant: ActiveSession['deliveryGrant']) => {
    d.outbox.add(stampedItem(s, d.clock.now(), item, grant));
    d.kick();
  };
  const nameOf = (id: string) => d.read((_, parts) => parts.directory.person(id)?.name ?? '');
  const amAmbassador = (s: ActiveSession) => d.read((_, parts) => parts.directory.person(s.person.id)?.ambassador !== undefined);

  return {
    'ambassadors.list': async ({ locationId, departmentId }) => {
      const s = d.session();
      if (!s) return fail('not_logged_in', 'log in first');
      // The whole list once: the places to narrow it to are those of all its ambassadors.
      const answer = await d.http.call('listAmbassadors', { token: s.token, query: {} });
      if (!answer.ok) return failWith(answer.error);
      const all: AmbassadorView[] = d.read((_, parts) =>
        answer.value.items.map((e) => {
          const known = parts.directory.person(e.person.id);
          return {
            ...e,
            departmentName: known?.departmentName ?? null,
            locationName: known?.locationName ?? null,
            avatarUrl: e.person.avatarImageId ? d.imageUrl(e.person.avatarImageId, 'thumb') : null,
          };
        }),
      );
      const places = (pick: (v: AmbassadorView) => { id: string | null; name: string | null }) => {
        const seen = new Map<string, string>();
        for (const v of all) {
          const { id, name } = pick(v);
          if (id && name) seen.set(id, name);
        }
        return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
      };
      return ok({
        items: all.filter((v) => (!locationId || v.person.locationId === locationId) && (!departmentId || v.person.departmentId === departmentId)),
        locations: places((v) => ({ id: v.person.locationId, name: v.locationName })),
        departments: places((v) => ({ id: v.person.departmentId, name: v.departmentName })),
      });
    },
    'ambassadors.mark': async ({ personId, ambassador, line }) => {
      const s = d.session();
      if (!s) return fail('not_logged_in', 'log in first');
      if (!isEditor(s)) return fail('forbidden', 'admins and editors only');
      const clean = ambassador ? normaliseAmbassadorLine(line) : null;
      if (clean !== null && [...clean].length > AMBASSADOR_LINE_MAX) return fail('invalid_input', `line longer than ${AMBASSADOR_LINE_MAX}`);
      enqueue(s, { kind: 'ambassadorMark', id: newId(), postId: personId, payload: { ambassador, line: clean, name: nameOf(personId) } }, null);
      return ok({ ok: true as const });
    },
    'tour.mine': async () => {
      const s = d.session();
      if (!s) return fail('not_logged_in', 'log in first');
      const answered = d.outbox.list(s.organisation.id, s.person.id).some((i: OutboxItem) => i.kind === 'tourDone');
      if (answered) return ok({ pending: false });
      const answer = await d.http.call('getMyTour', { token: s.token });
      // Offline the tour waits for a start on which the server can say; it is never shown twice.
      if (!answer.ok || d.session()?.person.id !== s.person.id) return ok({ pending: false });
      return ok({ pending: answer.value.pending });
    },
    'tour.finish': async ({ outcome }) => {
      const s = d.session();
      if (!s) return fail('not_logged_in', 'log in first');
      enqueue(s, { kind: 'tourDone', id: newId(), postId: s.person.id, payload: { outcome } }, s.deliveryGrant);
      return ok({ ok: true as const });
    },
    'tour.restart': async ({ personId }) => {
      const s = d.session();
      if (!s) return fail('not_logged_in', 'log in first');
      const ambassador = amAmbassador(s);
      if (!ambassador && !isEditor(s)) return fail('forbidden', 'ambassadors, editors and admins only');
      enqueue(s, { kind: 'tourRestart', id: newId(), postId: personId, payload: { name: nameOf(personId) } }, ambassador ? s.deliveryGrant : null);
      return ok({ ok: true as const });
    },
  };
}
