import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignageView } from '../../../../common/src/ipc/kioskViews';
import { invoke } from '../../app/samen';
import { errorText } from '../../ui/i18n/i18n';
import { SignageFrame } from './SignageScreen';

/** How often the live preview asks again what the kiosk would play. */
const PREVIEW_REFRESH_MS = 30_000;

/** What a kiosk shows now, composed from the server's answer for it and this client's cache, scaled into 16:9. */
export function KioskPreview({ id, version }: { id: string; version: number }) {
  const { t } = useTranslation();
  const [view, setView] = useState<SignageView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(0.35);

  useEffect(() => {
    let live = true;
    const load = () =>
      void invoke('kiosks.preview', { id }).then((r) => {
        if (!live) return;
        if (r.ok) {
          setView(r.value);
          setError(null);
        } else setError(errorText(t, r.error.code));
      });
    load();
    const timer = setInterval(load, PREVIEW_REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [id, version, t]);

  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const fit = () => setScale(el.clientWidth / 1920);
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  return (
    <div ref={frame} className="signage-preview-frame" style={{ '--preview-scale': String(scale) } as CSSProperties}>
      {error ? <p role="alert">{error}</p> : <SignageFrame view={view} preview />}
    </div>
  );
}
