import { FileUp } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlaylistScope } from '../../../../common/src/api/routes/kiosks';
import type { ClientErrorCode, MethodOutput } from '../../../../common/src/ipc/contract';
import { hrefFor } from '../../app/route';
import { invoke } from '../../app/samen';
import { Button } from '../../ui/Button';
import { errorText } from '../../ui/i18n/i18n';
import { RelativeTime } from '../../ui/RelativeTime';
import { Skeleton } from '../../ui/Skeleton';
import { showToast } from '../../ui/toast/toastStore';
import { useIsAdmin, useIsEditor } from '../mailings/roles';
import { KioskPreview } from './KioskPreview';
import { PlaylistEditor } from './PlaylistEditor';

type Listing = MethodOutput<'kiosks.list'>;
type Target = { scope: PlaylistScope; targetId: string | null };

/**
 * Editors' kiosk management at a workstation: each kiosk with where it stands, when it last checked
 * in and its version; the playlist of the organisation, a location or one kiosk; and a live preview.
 */
export function KiosksPage() {
  const { t } = useTranslation();
  const editor = useIsEditor();
  const admin = useIsAdmin();
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState<ClientErrorCode | null>(null);
  const [target, setTarget] = useState<Target>({ scope: 'organisation', targetId: null });
  const [previewId, setPreviewId] = useState<string | null>(null);
  const [saved, setSaved] = useState(0);

  const load = useCallback(() => {
    void invoke('kiosks.list', {}).then((r) => {
      if (!r.ok) return setError(r.error.code);
      setListing(r.value);
      setPreviewId((id) => id ?? r.value.items[0]?.id ?? null);
    });
  }, []);
  useEffect(() => (editor ? load() : undefined), [editor, load]);

  if (!editor) return <p role="alert">{t('mailings.editorsOnly')}</p>;
  if (error) return <p role="alert">{error === 'offline' ? t('kiosk.admin.offline') : errorText(t, error)}</p>;
  if (!listing) return <Skeleton width={640} height={200} />;

  const place = async (id: string, locationId: string | null) => {
    const r = await invoke('kiosks.setLocation', { id, locationId });
    if (!r.ok) return showToast(errorText(t, r.error.code), 'error');
    load();
    setSaved((n) => n + 1);
  };
  const targetValue = target.scope === 'organisation' ? 'organisation' : `${target.scope}:${target.targetId}`;
  const chooseTarget = (value: string) => {
    const [scope, id] = value.split(':') as [PlaylistScope, string | undefined];
    setTarget({ scope, targetId: id ?? null });
  };
  const previewName = listing.items.find((k) => k.id === previewId)?.name ?? '';

  return (
    <div className="kiosks">
      <header className="mailing-header">
        <h1>{t('kiosk.admin.title')}</h1>
        {admin && (
          // The birthdays and jubilea the kiosks celebrate come from HR: admins read them in there.
          <div className="mailing-header-actions">
            <a className="btn btn-secondary" href={hrefFor({ name: 'hrImport' })}>
              <FileUp aria-hidden="true" />
              <span>{t('hrImport.link')}</span>
            </a>
          </div>
        )}
      </header>
      <p className="mailing-hint">{t('kiosk.admin.intro')}</p>
      {listing.items.length === 0 ? (
        <p className="kb-empty">{t('kiosk.admin.none')}</p>
      ) : (
        <div className="mailing-table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('kiosk.admin.name')}</th>
                <th scope="col">{t('kiosk.admin.location')}</th>
                <th scope="col">{t('kiosk.admin.lastSeen')}</th>
                <th scope="col">{t('kiosk.admin.version')}</th>
                <th scope="col">{t('kiosk.admin.plays')}</th>
                <th scope="col">
                  <span className="sr-only">{t('kiosk.admin.preview')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {listing.items.map((k) => (
                <tr key={k.id}>
                  <td>{k.name}</td>
                  <td>
                    <select aria-label={t('kiosk.admin.location')} value={k.locationId ?? ''} onChange={(ev) => void place(k.id, ev.target.value || null)}>
                      <option value="">{t('kiosk.admin.noLocation')}</option>
                      {listing.locations.map((l) => (
                        <option key={l.id} value={l.id}>
                          {l.name}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>{k.lastSeenAt ? <RelativeTime iso={k.lastSeenAt} /> : t('kiosk.admin.never')}</td>
                  <td>{k.version ?? '–'}</td>
                  <td>{t(`kiosk.admin.scope.${k.playlistScope}`)}</td>
                  <td>
                    <Button aria-pressed={previewId === k.id} onClick={() => setPreviewId(k.id)}>
                      {t('kiosk.admin.preview')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="kiosks-work">
        <section className="kiosks-preview">
          <h2>{previewId ? t('kiosk.admin.previewTitle', { name: previewName }) : t('kiosk.admin.preview')}</h2>
          {previewId ? <KioskPreview id={previewId} version={saved} /> : <p className="kb-empty">{t('kiosk.admin.previewEmpty')}</p>}
        </section>
        <section className="kiosks-playlist">
          <h2>
            <label>
              {t('kiosk.admin.playlistFor')}{' '}
              <select value={targetValue} onChange={(ev) => chooseTarget(ev.target.value)}>
                <option value="organisation">{t('kiosk.admin.forOrganisation')}</option>
                {listing.locations.map((l) => (
                  <option key={l.id} value={`location:${l.id}`}>
                    {t('kiosk.admin.forLocation', { name: l.name })}
                  </option>
                ))}
                {listing.items.map((k) => (
                  <option key={k.id} value={`kiosk:${k.id}`}>
                    {t('kiosk.admin.forKiosk', { name: k.name })}
                  </option>
                ))}
              </select>
            </label>
          </h2>
          <PlaylistEditor
            key={targetValue}
            scope={target.scope}
            targetId={target.targetId}
            onSaved={() => {
              load();
              setSaved((n) => n + 1);
            }}
          />
        </section>
      </div>
    </div>
  );
}
