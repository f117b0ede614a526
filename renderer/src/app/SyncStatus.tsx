import { format } from 'date-fns';
import { CloudOff, RefreshCw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useAppState } from './sessionStore';

/** Quiet on purpose: a word and a dot, louder only when offline. */
export function SyncStatus() {
  const { t } = useTranslation();
  const sync = useAppState((s) => s.sync);
  if (!sync) return null;
  const label =
    sync.state === 'online'
      ? t('sync.online')
      : sync.state === 'syncing'
        ? t('sync.syncing')
        : sync.offlineSince
          ? t('sync.offlineSince', { time: format(new Date(sync.offlineSince), 'HH:mm') })
          : t('sync.offline');
  const Icon = sync.state === 'offline' ? CloudOff : sync.state === 'syncing' ? RefreshCw : null;
  return (
    <p className={`sync sync-${sync.state}`} role="status">
      {Icon ? <Icon aria-hidden="true" /> : <span className="sync-dot" aria-hidden="true" />}
      <span>{label}</span>
      {sync.pendingWrites > 0 && <span className="sync-pending">{t('sync.pending', { count: sync.pendingWrites })}</span>}
    </p>
  );
}
