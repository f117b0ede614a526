import { MessagesSquare } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';

/** "Vraag een coach om mee te kijken": sends the composer's draft to the coaches instead of posting it. */
export function AskCoachButton({ disabled, onAsk }: { disabled: boolean; onAsk: () => void }) {
  const { t } = useTranslation();
  return (
    <Button icon={<MessagesSquare aria-hidden="true" />} variant="quiet" disabled={disabled} onClick={onAsk}>
      {t('reviews.ask')}
    </Button>
  );
}
