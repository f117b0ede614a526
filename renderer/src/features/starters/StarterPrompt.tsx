import { MessageCircleQuestionMark } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { postHref } from '../../app/route';
import { invoke, on } from '../../app/samen';
import './starters.css';

type Starter = { id: string; question: string };

/**
 * Shown in an empty composer: the current conversation starter where she writes, with one tap to its
 * comments (answers are comments on the question's post). Read from the device, so offline too.
 */
export function StarterPrompt({ groupId }: { groupId?: string | undefined }) {
  const { t } = useTranslation();
  const [starter, setStarter] = useState<Starter | null>(null);

  useEffect(() => {
    let live = true;
    const load = () => void invoke('starters.current', { groupId: groupId ?? null }).then((r) => live && r.ok && setStarter(r.value.starter));
    load();
    const off = on('timeline.changed', load);
    return () => {
      live = false;
      off();
    };
  }, [groupId]);

  if (!starter) return null;
  return (
    <div className="starter-prompt">
      <MessageCircleQuestionMark aria-hidden="true" />
      <p>
        <span className="starter-prompt-label">{t('starters.promptLabel')}</span> {starter.question}
      </p>
      <a className="btn btn-secondary starter-prompt-answer" href={postHref(starter.id)} aria-label={t('starters.answerLabel', { question: starter.question })}>
        {t('starters.answer')}
      </a>
    </div>
  );
}
