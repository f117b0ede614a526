import { format } from 'date-fns';
import { CloudOff, IdCardLanyard } from 'lucide-react';
import { useEffect, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignageView } from '../../../../common/src/ipc/kioskViews';
import { useAppState } from '../../app/sessionStore';
import { Brand } from '../../app/theme/Brand';
import { Button } from '../../ui/Button';
import { useNow } from '../../ui/clock';
import { showLockPanel } from '../session/lockFlow';
import { SignageItemView } from './itemKinds';
import { openAfterTap, postOf } from './openAfterTap';
import { followSignage, useSignage } from './signageStore';
import { useRotation } from './useRotation';

/**
 * The kiosk's face while nobody is tapped in: the organisation's name, logo and colours, one item at a
 * time with a bar that shows how long it stays, the clock, and how to tap in. It plays from the
 * cache, so it carries on without the network; then a small mark says so.
 */
export function SignageScreen() {
  useEffect(() => followSignage(), []);
  const view = useSignage((s) => s.view);
  return <SignageFrame view={view} />;
}

/** The signage itself, also used by the editors' live preview. */
export function SignageFrame({ view, preview = false }: { view: SignageView | null; preview?: boolean }) {
  const { t } = useTranslation();
  const theme = useAppState((s) => s.theme);
  const offline = useAppState((s) => s.sync?.state === 'offline');
  const now = new Date(useNow((s) => s.now));
  const { item, turn } = useRotation(view?.items ?? []);
  const [wanted, setWanted] = useState<string | null>(null);
  const tapped = preview || !item ? null : postOf(item);
  const want = () => {
    if (!tapped) return;
    openAfterTap(tapped, () => useAppState.getState().session?.state === 'loggedIn');
    setWanted(tapped);
  };
  return (
    <div className={`signage${preview ? ' signage-preview' : ''}`}>
      <header className="signage-top">
        <Brand theme={theme} inverse />
        {view?.locationName && <span className="signage-place">{view.locationName}</span>}
        {offline && !preview && (
          <span className="signage-offline" role="status">
            <CloudOff aria-hidden="true" />
            <span>{t('kiosk.offline')}</span>
          </span>
        )}
        <span className="signage-clock" aria-hidden="true">
          {format(now, 'HH:mm')}
        </span>
      </header>
      <main className="signage-stage" aria-label={t('kiosk.stage')}>
        {item ? (
          <div key={turn} className={`signage-slot${tapped ? ' signage-tappable' : ''}`} data-kind={item.kind} onClick={want}>
            <SignageItemView item={item} />
          </div>
        ) : (
          <p className="signage-empty">{view ? t('kiosk.empty') : ''}</p>
        )}
      </main>
      <div className="signage-progress" aria-hidden="true">
        {item && <span key={turn} style={{ '--signage-seconds': `${item.seconds}s` } as CSSProperties} />}
      </div>
      {!preview && (
        <footer className="signage-foot">
          <span className={`signage-tap${wanted !== null && wanted === tapped ? ' signage-tap-wanted' : ''}`} role="status">
            <IdCardLanyard aria-hidden="true" />
            <span>{wanted !== null && wanted === tapped ? t('kiosk.tapToOpen') : t('kiosk.tapHint')}</span>
          </span>
          <Button className="lock-alt signage-alt" onClick={() => showLockPanel('employee')}>
            {t('kiosk.useEmployeeNumber')}
          </Button>
        </footer>
      )}
    </div>
  );
}
