import { ArrowDown, ArrowUp, ImagePlus, Plus, Trash2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ITEM_SECONDS_MAX, ITEM_SECONDS_MIN, ITEM_WEIGHT_MAX, PLAYLIST_ENTRIES_MAX, type PlaylistEntry, type PlaylistEntryKind, type PlaylistScope } from '../../../../common/src/api/routes/kiosks';
import { uuidv7 } from '../../../../common/src/ids';
import { invoke } from '../../app/samen';
import { Button } from '../../ui/Button';
import { errorText } from '../../ui/i18n/i18n';
import { TextField } from '../../ui/TextField';
import { showToast } from '../../ui/toast/toastStore';

const KINDS: PlaylistEntryKind[] = ['pinned', 'newPosts', 'polls', 'readRequired', 'topOfWeek', 'celebrations', 'slide'];

function newEntry(kind: PlaylistEntryKind): PlaylistEntry {
  const timing = { seconds: 15, weight: 1, until: null };
  switch (kind) {
    case 'newPosts':
      return { kind, ...timing, count: 5 };
    case 'slide':
      return { kind, ...timing, id: uuidv7(), title: '', text: '', imageId: null };
    default:
      return { kind, ...timing };
  }
}

const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'] as const;
const PHOTO_BYTES_MAX = 10 * 1024 * 1024;

/** A photo file as base64, the way window.samen carries bytes. */
const base64Of = (file: File) =>
  new Promise<string>((done, failed) => {
    const reader = new FileReader();
    reader.onload = () => done(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => failed(reader.error);
    reader.readAsDataURL(file);
  });

const dayOf = (iso: string | null) => (iso ? iso.slice(0, 10) : '');
/** "Tot en met" a day: the entry ends at the end of that day, local time. */
const endOfDay = (day: string) => (day ? new Date(`${day}T23:59:59`).toISOString() : null);

/** One playlist (the organisation's, a location's or a kiosk's), edited as a whole and saved at once. */
export function PlaylistEditor({ scope, targetId, onSaved }: { scope: PlaylistScope; targetId: string | null; onSaved(): void }) {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<PlaylistEntry[] | null>(null);
  const [adding, setAdding] = useState<PlaylistEntryKind>('slide');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setEntries(null);
    void invoke('kiosks.playlist', { scope, targetId }).then((r) => {
      if (r.ok) setEntries(r.value.playlist?.entries ?? []);
      else showToast(errorText(t, r.error.code), 'error');
    });
  }, [scope, targetId, t]);

  if (entries === null) return null;
  const change = (i: number, patch: Partial<PlaylistEntry>) => setEntries(entries.map((e, j) => (j === i ? ({ ...e, ...patch } as PlaylistEntry) : e)));
  const move = (i: number, by: number) => {
    const next = [...entries];
    const [moved] = next.splice(i, 1);
    next.splice(i + by, 0, moved!);
    setEntries(next);
  };
  const addPhoto = async (i: number, file: File | undefined) => {
    if (!file) return;
    const mime = PHOTO_TYPES.find((m) => m === file.type);
    if (!mime || file.size > PHOTO_BYTES_MAX) return showToast(t('kiosk.admin.photoRefused'), 'error');
    const r = await invoke('kiosks.uploadImage', { name: file.name.slice(0, 200), mime, base64: await base64Of(file) });
    if (r.ok) change(i, { imageId: r.value.id });
    else showToast(errorText(t, r.error.code), 'error');
  };
  const save = async () => {
    setBusy(true);
    const r = await invoke('kiosks.savePlaylist', { scope, targetId, entries });
    setBusy(false);
    if (!r.ok) return showToast(r.error.message && r.error.code === 'invalid_input' ? r.error.message : errorText(t, r.error.code), 'error');
    setEntries(r.value.playlist?.entries ?? []);
    showToast(t(r.value.playlist ? 'kiosk.admin.saved' : 'kiosk.admin.cleared'));
    onSaved();
  };

  return (
    <section className="playlist-editor" aria-label={t('kiosk.admin.editPlaylist')}>
      <p className="mailing-hint">{t('kiosk.admin.playlistIntro')}</p>
      {entries.length === 0 && <p className="kb-empty">{t('kiosk.admin.noPlaylist')}</p>}
      <ol className="playlist-entries">
        {entries.map((e, i) => (
          <li key={e.kind === 'slide' ? e.id : `${e.kind}-${i}`} className="playlist-entry">
            <div className="playlist-entry-head">
              <strong>{t(`kiosk.admin.kinds.${e.kind}`)}</strong>
              <span className="playlist-entry-actions">
                <Button icon={<ArrowUp aria-hidden="true" />} aria-label={t('kiosk.admin.moveUp')} disabled={i === 0} onClick={() => move(i, -1)} />
                <Button icon={<ArrowDown aria-hidden="true" />} aria-label={t('kiosk.admin.moveDown')} disabled={i === entries.length - 1} onClick={() => move(i, 1)} />
                <Button icon={<Trash2 aria-hidden="true" />} aria-label={t('kiosk.admin.remove')} onClick={() => setEntries(entries.filter((_, j) => j !== i))} />
              </span>
            </div>
            {e.kind === 'slide' && (
              <div className="playlist-slide">
                <TextField label={t('kiosk.admin.slideTitle')} value={e.title} maxLength={120} onChange={(ev) => change(i, { title: ev.target.value })} />
                <TextField label={t('kiosk.admin.slideText')} value={e.text} maxLength={600} onChange={(ev) => change(i, { text: ev.target.value })} />
                <div className="playlist-photo">
                  {e.imageId ? (
                    <>
                      <span>{t('kiosk.admin.photoAdded')}</span>
                      <Button icon={<Trash2 aria-hidden="true" />} onClick={() => change(i, { imageId: null })}>
                        {t('kiosk.admin.photoRemove')}
                      </Button>
                    </>
                  ) : (
                    <label className="btn btn-secondary">
                      <ImagePlus aria-hidden="true" />
                      <span>{t('kiosk.admin.photoAdd')}</span>
                      <input className="sr-only" type="file" accept={PHOTO_TYPES.join(',')} onChange={(ev) => void addPhoto(i, ev.target.files?.[0])} />
                    </label>
                  )}
                </div>
              </div>
            )}
            <div className="playlist-timing">
              <TextField label={t('kiosk.admin.seconds')} type="number" min={ITEM_SECONDS_MIN} max={ITEM_SECONDS_MAX} value={e.seconds} onChange={(ev) => change(i, { seconds: Number(ev.target.value) })} />
              <TextField label={t('kiosk.admin.weight')} type="number" min={1} max={ITEM_WEIGHT_MAX} value={e.weight} onChange={(ev) => change(i, { weight: Number(ev.target.value) })} />
              {e.kind === 'newPosts' && <TextField label={t('kiosk.admin.count')} type="number" min={1} max={10} value={e.count} onChange={(ev) => change(i, { count: Number(ev.target.value) })} />}
              <TextField label={t('kiosk.admin.until')} type="date" value={dayOf(e.until)} onChange={(ev) => change(i, { until: endOfDay(ev.target.value) })} />
            </div>
          </li>
        ))}
      </ol>
      <div className="playlist-add">
        <label>
          <span className="sr-only">{t('kiosk.admin.add')}</span>
          <select value={adding} onChange={(ev) => setAdding(ev.target.value as PlaylistEntryKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kiosk.admin.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <Button icon={<Plus aria-hidden="true" />} disabled={entries.length >= PLAYLIST_ENTRIES_MAX} onClick={() => setEntries([...entries, newEntry(adding)])}>
          {t('kiosk.admin.add')}
        </Button>
        <Button variant="primary" disabled={busy} onClick={() => void save()}>
          {t('kiosk.admin.save')}
        </Button>
      </div>
    </section>
  );
}
