import { Send } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AudienceCount, MailingPreview } from '../../../../common/src/api/routes/mailings';
import type { ClientErrorCode, MailingChoices } from '../../../../common/src/ipc/contract';
import { hrefFor } from '../../app/route';
import { invoke } from '../../app/samen';
import { Button } from '../../ui/Button';
import { errorText } from '../../ui/i18n/i18n';
import { Skeleton } from '../../ui/Skeleton';
import { TextArea } from '../../ui/TextArea';
import { TextField } from '../../ui/TextField';
import { showToast } from '../../ui/toast/toastStore';
import { AudiencePicker } from './AudiencePicker';
import { ContentPicker } from './ContentPicker';
import { blocksPreview, draftProblem, emptyDraft, sendAt, toBody, type MailingDraft } from './mailingDraft';
import { MailPreview } from './MailPreview';
import { useIsEditor } from './roles';

/** How long typing may pause before the preview and count are asked again: one request per pause, not per key. */
const PREVIEW_PAUSE_MS = 400;

/** Compose a mailing: content, introduction, subject, audience; the count and the mail itself shown before it goes. */
export function MailingComposePage() {
  const { t } = useTranslation();
  const editor = useIsEditor();
  const [choices, setChoices] = useState<MailingChoices | null>(null);
  const [loadError, setLoadError] = useState<ClientErrorCode | null>(null);
  const [draft, setDraft] = useState<MailingDraft>(emptyDraft);
  const [preview, setPreview] = useState<MailingPreview | null>(null);
  const [previewError, setPreviewError] = useState<ClientErrorCode | null>(null);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!editor) return;
    void invoke('mailings.choices', {}).then((r) => (r.ok ? setChoices(r.value) : setLoadError(r.error.code)));
  }, [editor]);

  const problem = draftProblem(draft, new Date());
  const body = useMemo(() => toBody(draft), [draft]);
  const previewable = !blocksPreview(problem);
  useEffect(() => {
    if (!previewable || !choices) return setPreview(null);
    let current = true;
    const timer = setTimeout(() => {
      void invoke('mailings.preview', body).then((r) => {
        if (!current) return;
        if (r.ok) {
          setPreview(r.value);
          setPreviewError(null);
        } else setPreviewError(r.error.code);
      });
    }, PREVIEW_PAUSE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [body, previewable, choices]);

  if (!editor) return <p role="alert">{t('mailings.editorsOnly')}</p>;
  if (loadError) return <p role="alert">{loadError === 'offline' ? t('mailings.offline') : errorText(t, loadError)}</p>;
  if (!choices) return <Skeleton width={480} height={320} />;

  const change = (part: Partial<MailingDraft>) => setDraft((d) => ({ ...d, ...part }));
  const count = preview?.audienceCount ?? null;

  const send = async () => {
    setTried(true);
    if (problem || !count) return;
    setBusy(true);
    const created = await invoke('mailings.create', body);
    if (!created.ok) {
      setBusy(false);
      return showToast(created.error.code === 'offline' ? t('mailings.offline') : errorText(t, created.error.code), 'error');
    }
    const at = sendAt(draft);
    const sent = await invoke('mailings.send', { id: created.value.id, ...(at ? { at: at.toISOString() } : {}) });
    setBusy(false);
    // Saved but not queued: the report screen shows the draft with its own send button.
    if (!sent.ok) showToast(errorText(t, sent.error.code), 'error');
    else showToast(at ? t('mailings.compose.scheduled') : t('mailings.compose.queued'));
    window.location.hash = hrefFor({ name: 'mailing', id: created.value.id });
  };

  return (
    <div className="mailing-compose">
      <header className="mailing-header">
        <a className="link-button" href={hrefFor({ name: 'mailings' })}>
          {t('mailings.back')}
        </a>
        <h1>{t('mailings.compose.title')}</h1>
      </header>
      <form id="mailing-form" className="mailing-form" onSubmit={(e) => (e.preventDefault(), void send())} noValidate>
        <TextField label={t('mailings.compose.subject')} value={draft.subject} maxLength={150} onChange={(e) => change({ subject: e.target.value })} error={tried && problem === 'subject' ? t('mailings.problems.subject') : null} />
        <TextArea label={t('mailings.compose.intro')} value={draft.intro} rows={4} maxLength={5000} onChange={(e) => change({ intro: e.target.value })} placeholder={t('mailings.compose.introPlaceholder')} />
        <ContentPicker choices={choices} postIds={draft.postIds} pageIds={draft.pageIds} pollId={draft.pollId} onChange={change} />
        <AudiencePicker choices={choices} value={draft} onChange={change} />
        <fieldset className="mailing-block">
          <legend>{t('mailings.compose.when')}</legend>
          <div className="audience-kinds">
            <label className="pick pick-radio">
              <input type="radio" name="when" checked={draft.when === 'now'} onChange={() => change({ when: 'now' })} />
              <span>{t('mailings.compose.now')}</span>
            </label>
            <label className="pick pick-radio">
              <input type="radio" name="when" checked={draft.when === 'later'} onChange={() => change({ when: 'later' })} />
              <span>{t('mailings.compose.later')}</span>
            </label>
          </div>
          {draft.when === 'later' && <TextField label={t('mailings.compose.at')} type="datetime-local" value={draft.at} onChange={(e) => change({ at: e.target.value })} />}
        </fieldset>
      </form>
      {preview ? <MailPreview preview={preview} /> : <p className="mailing-hint">{t('mailings.preview.empty')}</p>}
      <div className="mailing-send" aria-live="polite">
        <AudienceSummary count={count} mandatory={draft.mandatory} waiting={previewable && !count && !previewError} />
        {previewError && <p role="alert">{previewError === 'offline' ? t('mailings.offline') : errorText(t, previewError)}</p>}
        {tried && problem && (
          <p className="field-error" role="alert">
            {t(`mailings.problems.${problem}`)}
          </p>
        )}
        <Button type="submit" form="mailing-form" variant="primary" icon={<Send aria-hidden="true" />} disabled={busy}>
          {draft.when === 'later' ? t('mailings.compose.schedule', { count: count?.recipients ?? 0 }) : t('mailings.compose.send', { count: count?.recipients ?? 0 })}
        </Button>
      </div>
    </div>
  );
}

/** "Gaat naar 37 collega's", and who is left out and why. */
export function AudienceSummary({ count, mandatory, waiting }: { count: AudienceCount | null; mandatory: boolean; waiting: boolean }) {
  const { t } = useTranslation();
  if (!count) return waiting ? <Skeleton width={260} height={24} /> : null;
  return (
    <div className="audience-count">
      <p className="audience-count-main">{t('mailings.count.recipients', { count: count.recipients })}</p>
      {mandatory ? <p>{t('mailings.count.mandatory')}</p> : count.optedOut > 0 && <p>{t('mailings.count.optedOut', { count: count.optedOut })}</p>}
      {count.withoutAddress > 0 && <p>{t('mailings.count.withoutAddress', { count: count.withoutAddress })}</p>}
    </div>
  );
}
