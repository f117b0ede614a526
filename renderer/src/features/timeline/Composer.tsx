import { BarChart3, CalendarClock, Clapperboard, ImagePlus } from 'lucide-react';
import { useEffect, useId, useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../app/samen';
import { useAppState } from '../../app/sessionStore';
import { Avatar } from '../../ui/Avatar';
import { Button } from '../../ui/Button';
import { Card } from '../../ui/Card';
import { errorText } from '../../ui/i18n/i18n';
import { TextArea } from '../../ui/TextArea';
import { showToast } from '../../ui/toast/toastStore';
import { CategoryPicker } from '../categories/CategoryPicker';
import { useIsEditor } from '../mailings/roles';
import { usePhotoConsent } from '../photoConsent/PhotoConsent';
import { StarterPrompt } from '../starters/StarterPrompt';
import { PollComposer } from '../polls/PollComposer';
import { emptySchedule, ScheduleFields, type ScheduleDraft } from '../scheduling/ScheduleFields';
import { fromLocalInput, scheduleProblem } from '../scheduling/scheduleTime';
import { formatWhen } from '../scheduling/scheduleFormat';
import { AttachmentPreviews } from './AttachmentPreviews';
import { ACCEPT } from './attachments';
import { applySuggestion, findTrigger } from './suggestionTrigger';
import { optionId, SuggestionList } from './SuggestionList';
import { addOwnPost, loadPost } from './timelineStore';
import { ReadRequiredOption } from '../readConfirmations/ReadRequiredOption';
import { audienceOf, emptyAudience, type AudienceDraft } from '../readConfirmations/readAudience';
import { useAttachments } from './useAttachments';
import { AskCoachButton } from '../reviews/AskCoachButton';
import { useApprovalRequired } from '../reviews/useApprovalRequired';
import { useSuggestions, type Suggestion } from './useSuggestions';
import { useVideoAttachment } from '../videos/useVideoAttachment';
import { VIDEO_ACCEPT } from '../videos/videoAttachment';
import { VideoPreview } from '../videos/VideoPreview';

/** Writes a post: into the timeline, or (with `group`) into that group. */
export function Composer({ group }: { group?: { id: string; name: string } } = {}) {
  const { t } = useTranslation();
  const me = useAppState((s) => (s.session?.state === 'loggedIn' ? s.session.person : null));
  const offline = useAppState((s) => s.sync?.state === 'offline');
  const [body, setBody] = useState('');
  const [caret, setCaret] = useState(0);
  const { attachments, full, addFiles, remove, clear } = useAttachments();
  const [busy, setBusy] = useState(false);
  const { video, reading, addVideo, clear: clearVideo } = useVideoAttachment();
  const consent = usePhotoConsent(attachments.length + (video ? 1 : 0), video !== null);
  const editor = useIsEditor();
  const [asking, setAsking] = useState(false);
  /** Null: post now; otherwise "Later plaatsen" is open with these choices. */
  const [schedule, setSchedule] = useState<ScheduleDraft | null>(null);
  const [showProblem, setShowProblem] = useState(false);
  const [required, setRequired] = useState(false);
  const [audience, setAudience] = useState<AudienceDraft>(emptyAudience);
  const approval = useApprovalRequired(group?.id ?? null);
  const [active, setActive] = useState(0);
  /** Where the suggestions were closed (Esc, or leaving the field): they stay closed for that word. */
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const videoRef = useRef<HTMLInputElement>(null);
  const pendingCaret = useRef<number | null>(null);
  const listId = useId();
  const hintId = useId();

  const found = findTrigger(body, caret);
  const trigger = found && found.start !== dismissedAt ? found : null;
  const suggestions = useSuggestions(trigger);
  // Nothing to offer when the one suggestion is what is already typed.
  const complete = suggestions.length === 1 && suggestions[0]?.value === trigger?.query;
  const open = trigger !== null && suggestions.length > 0 && !complete;

  useEffect(() => setActive(0), [trigger?.kind, trigger?.query]);

  useLayoutEffect(() => {
    if (pendingCaret.current === null || !textRef.current) return;
    textRef.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  });

  const pick = (item: Suggestion) => {
    if (!trigger) return;
    const next = applySuggestion(body, trigger, item.value);
    setBody(next.text);
    setCaret(next.caret);
    pendingCaret.current = next.caret;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      void submit(event);
      return;
    }
    if (!open) return;
    const choice = suggestions[active];
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + suggestions.length) % suggestions.length);
    } else if ((event.key === 'Enter' || event.key === 'Tab') && choice) {
      event.preventDefault();
      pick(choice);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setDismissedAt(trigger.start);
    }
  };

  const publishAt = schedule ? fromLocalInput(schedule.publishAt) : null;
  const endsAt = schedule ? fromLocalInput(schedule.endsAt) : null;
  // An editor may open the panel only to give a post now an end date.
  const postsNow = schedule !== null && publishAt === null && editor && endsAt !== null;
  const problem = schedule && !postsNow ? scheduleProblem(publishAt, endsAt, new Date()) : postsNow && endsAt!.getTime() <= Date.now() ? 'endBeforeStart' : null;
  const plansLater = publishAt !== null && !postsNow;
  // Editors, in the home timeline only: a group's post already has its audience. A planned post is not on
  // the server until its time, so "Lezen verplicht" is asked of posts placed now.
  const mayRequire = editor && !group && !plansLater;

  /** `look`: "Vraag een coach om mee te kijken" instead of posting; where approval is required it is offered for it. */
  const submit = async (event: FormEvent | KeyboardEvent | null, asked?: 'look') => {
    event?.preventDefault();
    const review = asked ?? (approval ? 'approval' : undefined);
    if (!body.trim() || busy) return;
    if (problem) {
      setShowProblem(true);
      return;
    }
    if (consent.blocks()) return;
    const readAudience = mayRequire && required ? audienceOf(audience) : null;
    if (mayRequire && required && !readAudience) {
      showToast(t('readConfirmations.audienceMissing'), 'error');
      return;
    }
    setBusy(true);
    const timing = { ...(publishAt && plansLater ? { publishAt: publishAt.toISOString() } : {}), ...(endsAt ? { endsAt: endsAt.toISOString() } : {}) };
    const result = await invoke('post.create', { body, ...(group ? { groupId: group.id } : {}), images: attachments.map((a) => a.upload), ...(video ? { video: video.upload } : {}), ...(consent.given ? { photoConsent: true } : {}), ...timing, ...(review ? { review } : {}) });
    setBusy(false);
    if (!result.ok) {
      showToast(errorText(t, result.error.code), 'error');
      return;
    }
    const planned = result.value.scheduledFor;
    // A group's page shows it from the outbox itself; the home timeline is told here. A planned post is in neither.
    if (!group && !planned && !review) addOwnPost(result.value);
    if (readAudience) {
      // Queued right behind the post, so it goes once the post is there, online or later.
      const marked = await invoke('readConfirmations.require', { id: result.value.id, audience: readAudience });
      if (!marked.ok) showToast(errorText(t, marked.error.code), 'error');
      else void loadPost(result.value.id);
      setRequired(false);
      setAudience(emptyAudience);
    }
    setBody('');
    setCaret(0);
    clear();
    clearVideo();
    setSchedule(null);
    setShowProblem(false);
    if (review) showToast(review === 'look' ? t('reviews.asked') : t('reviews.offered'));
    else if (planned) showToast(t('scheduling.planned', { when: formatWhen(planned) }));
    else showToast(offline ? t('errors.offline') : t('composer.posted'));
  };

  if (asking) {
    return (
      <Card as="section" className="composer" aria-label={t('pollComposer.title')}>
        <PollComposer group={group} onDone={() => setAsking(false)} />
      </Card>
    );
  }

  return (
    <Card as="section" className="composer" aria-label={group ? t('groups.composer', { name: group.name }) : t('composer.region')}>
      <form onSubmit={(e) => void submit(e)}>
        <div className="composer-row">
          {me && <Avatar name={me.name} url={me.avatarUrl} />}
          <div className="composer-field">
            <TextArea
              ref={textRef}
              label={group ? t('groups.composer', { name: group.name }) : t('composer.label')}
              hideLabel
              placeholder={group ? t('groups.composer', { name: group.name }) : t('composer.label')}
              rows={body ? 4 : 2}
              value={body}
              onChange={(e) => {
                setBody(e.target.value);
                setCaret(e.target.selectionStart);
              }}
              onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
              onKeyDown={onKeyDown}
              onBlur={() => setDismissedAt(trigger?.start ?? null)}
              onFocus={() => setDismissedAt(null)}
              aria-describedby={hintId}
              aria-autocomplete="list"
              aria-controls={open ? listId : undefined}
              aria-activedescendant={open ? optionId(listId, active) : undefined}
            />
            {open && <SuggestionList id={listId} items={suggestions} active={active} onPick={pick} />}
          </div>
        </div>
        {!body.trim() && attachments.length === 0 && !video && <StarterPrompt groupId={group?.id} />}
        <CategoryPicker
          body={body}
          onAdd={(tag) => {
            const next = `${body.trimEnd()}${body.trim() ? ' ' : ''}#${tag} `;
            setBody(next);
            setCaret(next.length);
            pendingCaret.current = next.length;
            textRef.current?.focus();
          }}
        />
        <AttachmentPreviews items={attachments} onRemove={remove} />
        <VideoPreview video={video} onRemove={clearVideo} />
        {consent.field}
        {schedule && <ScheduleFields value={schedule} onChange={setSchedule} editor={editor} problem={showProblem ? problem : null} />}
        {mayRequire && body.trim() !== '' && (
          <ReadRequiredOption
            on={required}
            audience={audience}
            onChange={(on, next) => {
              setRequired(on);
              setAudience(next);
            }}
          />
        )}
        <div className="composer-footer">
          <input ref={fileRef} type="file" accept={ACCEPT} multiple hidden onChange={(e) => void addFiles(e)} />
          <Button
            icon={<ImagePlus aria-hidden="true" />}
            variant="quiet"
            onClick={() => fileRef.current?.click()}
            disabled={full}
          >
            {t('composer.addImages')}
          </Button>
          <input ref={videoRef} type="file" accept={VIDEO_ACCEPT} hidden onChange={(e) => void addVideo(e)} data-testid="composer-video-input" />
          <Button icon={<Clapperboard aria-hidden="true" />} variant="quiet" onClick={() => videoRef.current?.click()} disabled={video !== null || reading}>
            {t('videos.add')}
          </Button>
          <Button icon={<BarChart3 aria-hidden="true" />} variant="quiet" onClick={() => setAsking(true)}>
            {t('pollComposer.open')}
          </Button>
          <Button
            icon={<CalendarClock aria-hidden="true" />}
            variant="quiet"
            aria-expanded={schedule !== null}
            onClick={() => {
              setSchedule(schedule ? null : emptySchedule);
              setShowProblem(false);
            }}
          >
            {schedule ? t('scheduling.postNow') : t('scheduling.later')}
          </Button>
          {/* With "Later plaatsen" open the footer is full; the panel carries its own tip. */}
          <p id={hintId} className={`composer-hint muted${schedule ? ' sr-only' : ''}`}>
            {t('composer.hint')}
          </p>
          <AskCoachButton disabled={!body.trim() || busy || plansLater} onAsk={() => void submit(null, 'look')} />
          <Button type="submit" variant="primary" disabled={!body.trim() || busy}>
            {plansLater ? t('scheduling.submit') : approval ? t('reviews.offer') : t('composer.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
