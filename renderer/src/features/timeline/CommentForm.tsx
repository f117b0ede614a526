import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { errorText } from '../../ui/i18n/i18n';
import { TextArea } from '../../ui/TextArea';
import { showToast } from '../../ui/toast/toastStore';
import { addComment } from './commentsStore';

export function CommentForm({ postId, autoFocus = false }: { postId: string; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim() || busy) return;
    setBusy(true);
    const error = await addComment(postId, body);
    setBusy(false);
    if (error) showToast(errorText(t, error), 'error');
    else setBody('');
  };

  return (
    <form className="comment-form" onSubmit={(e) => void submit(e)}>
      <TextArea
        label={t('comments.field')}
        hideLabel
        placeholder={t('comments.placeholder')}
        rows={1}
        value={body}
        autoFocus={autoFocus}
        onChange={(e) => setBody(e.target.value)}
      />
      <Button type="submit" variant="primary" disabled={!body.trim() || busy}>
        {t('comments.send')}
      </Button>
    </form>
  );
}
