import { Clock3 } from 'lucide-react';
import { useEffect, useLayoutEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { on } from '../../app/samen';
import { useAppState } from '../../app/sessionStore';
import { Button } from '../../ui/Button';
import { errorText } from '../../ui/i18n/i18n';
import { showToast } from '../../ui/toast/toastStore';
import { PostCard } from '../timeline/PostCard';
import { useTimeline } from '../timeline/timelineStore';
import { answerRead } from './readActions';
import { checkFirstReads, nextFirstRead, recheckFirstReads, useFirstReads } from './firstReadsStore';

/**
 * On a shared PC, right after a tap-in: her unconfirmed "lezen verplicht" posts come first, one at
 * a time, with "Gelezen" and "Later"; then the timeline. Elsewhere, or with nothing to read, it
 * shows the page straight away.
 */
export function FirstReadsGate({ children }: { children: ReactNode }) {
  const session = useAppState((s) => s.session);
  const personId = session?.state === 'loggedIn' && session.mode === 'shared' ? session.person.id : null;
  const status = useFirstReads((s) => s.status);
  const mine = useFirstReads((s) => s.personId === personId);

  useEffect(() => {
    if (personId) void checkFirstReads(personId);
  }, [personId]);
  // The PC decided alone; her own data, arriving a moment later, may know better (read on another PC).
  useEffect(() => {
    if (!personId || status !== 'reading') return;
    const off = on('timeline.changed', () => void recheckFirstReads());
    // Her data may have landed between the first answer and this listener.
    void recheckFirstReads();
    return off;
  }, [personId, status]);

  if (!personId || (mine && status === 'done')) return <>{children}</>;
  // Main answers from the device in a few milliseconds: nothing is painted meanwhile, so the timeline does not flash.
  if (!mine || status === 'checking') return <div aria-busy="true" />;
  return <FirstReadsScreen />;
}

function FirstReadsScreen() {
  const { t } = useTranslation();
  const { ids, index } = useFirstReads();
  const post = useTimeline((s) => s.byId[ids[index] ?? '']);
  const [busy, setBusy] = useState(false);

  useLayoutEffect(() => {
    window.scrollTo(0, 0);
  }, [index]);

  if (!post) return null;
  const my = post.myRead;
  const laterLeft = my ? Math.max(0, my.laterLimit - my.laterCount) : 0;
  const answer = async (kind: 'confirm' | 'later') => {
    setBusy(true);
    const { error } = await answerRead(post, kind);
    setBusy(false);
    if (error) {
      showToast(errorText(t, error), 'error');
      return;
    }
    nextFirstRead();
  };

  return (
    <section className="first-reads" aria-labelledby="first-reads-title">
      <header className="first-reads-header">
        <h1 id="first-reads-title">{t('readConfirmations.firstTitle', { count: ids.length - index })}</h1>
        <p className="muted">{t('readConfirmations.firstIntro')}</p>
        {ids.length > 1 && <p className="first-reads-step">{t('readConfirmations.firstStep', { n: index + 1, total: ids.length })}</p>}
      </header>
      <PostCard key={post.id} post={post} showReadBand={false} />
      <div className="first-reads-actions">
        <Button variant="primary" className="first-reads-confirm" disabled={busy} onClick={() => void answer('confirm')}>
          {t('readConfirmations.confirm')}
        </Button>
        <Button variant="secondary" icon={<Clock3 aria-hidden="true" />} disabled={busy || laterLeft === 0} onClick={() => void answer('later')}>
          {t('readConfirmations.later')}
        </Button>
        <p className="muted first-reads-later" role="note">
          {laterLeft > 0 ? t('readConfirmations.laterLeft', { count: laterLeft }) : t('readConfirmations.laterNone')}
        </p>
      </div>
    </section>
  );
}
