import { useEffect, useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { installBadgeCapture } from '../features/badge/keyCapture';
import { DeviceUnlinkedScreen } from '../features/devices/DeviceUnlinkedScreen';
import { installCursorHider } from '../features/kiosk/cursorHider';
import { KioskFace } from '../features/kiosk/KioskFace';
import { KiosksPage } from '../features/kiosk/KiosksPage';
import { NoticeSettingsPage } from '../features/notices/NoticeSettingsPage';
import { badgeGarbled, tapBadge } from '../features/session/badgeLogin';
import { LockScreen } from '../features/session/LockScreen';
import { LoginScreen } from '../features/session/LoginScreen';
import { GroupPage } from '../features/groups/GroupPage';
import { GroupsPage } from '../features/groups/GroupsPage';
import { MailingComposePage } from '../features/mailings/MailingComposePage';
import { ScheduledPage } from '../features/scheduling/ScheduledPage';
import { ReviewPage } from '../features/reviews/ReviewPage';
import { ReviewsPage } from '../features/reviews/ReviewsPage';
import { CategoriesPage } from '../features/categories/CategoriesPage';
import { StartersPage } from '../features/starters/StartersPage';
import { AmbassadorsPage } from '../features/ambassadors/AmbassadorsPage';
import { HrImportPage } from '../features/hrImport/HrImportPage';
import { FirstTour } from '../features/ambassadors/FirstTour';
import { ModerationPage } from '../features/moderation/ModerationPage';
import { MailingReportPage } from '../features/mailings/MailingReportPage';
import { MailingsPage } from '../features/mailings/MailingsPage';
import { MailPreferencePage } from '../features/mailings/MailPreferencePage';
import { MailSettingsPage } from '../features/mailings/MailSettingsPage';
import { PersonCardDialog } from '../features/people/PersonCardDialog';
import { startActivityReporter } from '../features/session/activity';
import { IdleSheet } from '../features/session/IdleSheet';
import { KbEditorPage } from '../features/kb/KbEditorPage';
import { KbHomePage } from '../features/kb/KbHomePage';
import { KbPageView } from '../features/kb/KbPageView';
import { KbReviewPage } from '../features/kb/KbReviewPage';
import { SearchOverlay } from '../features/search/SearchOverlay';
import { installSearchShortcut } from '../features/search/searchShortcut';
import { SearchStatsPage } from '../features/search/SearchStatsPage';
import { StatisticsPage } from '../features/stats/StatisticsPage';
import { PostView } from '../features/timeline/PostView';
import { FirstReadsGate } from '../features/readConfirmations/FirstReadsGate';
import { ReadReportPage } from '../features/readConfirmations/ReadReportPage';
import { ReadRequirementsPage } from '../features/readConfirmations/ReadRequirementsPage';
import { TimelinePage } from '../features/timeline/TimelinePage';
import { Button } from '../ui/Button';
import { startClock } from '../ui/clock';
import { errorText } from '../ui/i18n/i18n';
import { Skeleton } from '../ui/Skeleton';
import { ToastHost } from '../ui/toast/ToastHost';
import { connectToMain } from './connect';
import { useRoute } from './route';
import { hasSamen } from './samen';
import { isSharedDevice, loadSession, useAppState } from './sessionStore';
import { Shell } from './Shell';
import { applyTheme } from './theme/applyTheme';

export function App() {
  const session = useAppState((s) => s.session);
  const theme = useAppState((s) => s.theme);
  const cleared = useAppState((s) => s.cleared);
  const bridge = hasSamen();
  const shared = isSharedDevice(session);
  // Compared field by field: a new session state with the same reader keeps the capture (and a burst in progress).
  const badgeReader = useAppState(useShallow((s) => s.session?.badgeReader ?? null));
  const loggedIn = session?.state === 'loggedIn' && !cleared;
  const kiosk = session?.mode === 'kiosk';

  useEffect(() => applyTheme(theme), [theme]);

  useEffect(() => {
    if (!bridge) return;
    const stopClock = startClock();
    const disconnect = connectToMain();
    return () => {
      disconnect();
      stopClock();
    };
  }, [bridge]);

  // On a shared PC or kiosk the badge reader is heard on every screen, before any text field. A layout
  // effect: the listener is in place before the lock screen is painted, so a tap the moment it appears counts.
  useLayoutEffect(
    () => (bridge && badgeReader ? installBadgeCapture({ onBadge: (codes) => void tapBadge(codes), onGarbled: badgeGarbled }, badgeReader) : undefined),
    [bridge, badgeReader],
  );

  useEffect(() => (loggedIn ? startActivityReporter() : undefined), [loggedIn]);
  useEffect(() => (bridge && kiosk ? installCursorHider() : undefined), [bridge, kiosk]);
  useEffect(() => (loggedIn ? installSearchShortcut() : undefined), [loggedIn]);

  return (
    <>
      {!bridge ? (
        <StartProblem />
      ) : session === null ? (
        <Starting />
      ) : session.state === 'deviceUnlinked' ? (
        <DeviceUnlinkedScreen reason={session.reason} />
      ) : session.state === 'loggedOut' || cleared ? (
        kiosk ? <KioskFace /> : shared ? <LockScreen /> : <LoginScreen />
      ) : (
        <Shell>
          <FirstReadsGate>
            <Page />
          </FirstReadsGate>
        </Shell>
      )}
      {loggedIn && <SearchOverlay />}
      {loggedIn && !kiosk && <FirstTour key={session.state === 'loggedIn' ? session.person.id : ''} />}
      <PersonCardDialog />
      <IdleSheet />
      <ToastHost />
    </>
  );
}

function Page() {
  const route = useRoute();
  switch (route.name) {
    case 'post':
      return <PostView id={route.id} />;
    case 'groups':
      return <GroupsPage />;
    case 'group':
      return <GroupPage id={route.id} />;
    case 'kb':
      return <KbHomePage />;
    case 'kbPage':
      return <KbPageView id={route.id} />;
    case 'kbEdit':
      return <KbEditorPage key={route.id} id={route.id} />;
    case 'kbNew':
      return <KbEditorPage key="new" id={null} sectionId={route.sectionId} />;
    case 'kbReview':
      return <KbReviewPage />;
    case 'searchStats':
      return <SearchStatsPage />;
    case 'mailings':
      return <MailingsPage />;
    case 'mailingNew':
      return <MailingComposePage />;
    case 'mailing':
      return <MailingReportPage key={route.id} id={route.id} />;
    case 'mailSettings':
      return <MailSettingsPage />;
    case 'myMail':
      return <MailPreferencePage />;
    case 'noticeSettings':
      return <NoticeSettingsPage />;
    case 'kiosks':
      return <KiosksPage />;
    case 'scheduled':
      return <ScheduledPage />;
    case 'categories':
      return <CategoriesPage />;
    case 'starters':
      return <StartersPage />;
    case 'ambassadors':
      return <AmbassadorsPage />;
    case 'hrImport':
      return <HrImportPage />;
    case 'statistics':
      return <StatisticsPage />;
    case 'readRequirements':
      return <ReadRequirementsPage />;
    case 'readReport':
      return <ReadReportPage key={route.id} id={route.id} />;
    case 'reviews':
      return <ReviewsPage />;
    case 'review':
      return <ReviewPage key={route.id} id={route.id} />;
    case 'moderation':
      return <ModerationPage />;
    case 'timeline':
      return <TimelinePage hashtag={route.hashtag} />;
  }
}

function Starting() {
  const { t } = useTranslation();
  const startError = useAppState((s) => s.startError);
  if (startError) {
    return (
      <main className="start-screen">
        <p role="alert">{errorText(t, startError)}</p>
        <Button variant="primary" onClick={() => void loadSession()}>
          {t('timeline.retry')}
        </Button>
      </main>
    );
  }
  return (
    <main className="start-screen" aria-busy="true">
      <p className="sr-only">{t('app.starting')}</p>
      <Skeleton width={240} height={32} />
    </main>
  );
}

function StartProblem() {
  const { t } = useTranslation();
  return (
    <main className="start-screen">
      <p role="alert">{t('app.noBridge')}</p>
    </main>
  );
}
