import { CircleAlert, Info, X } from 'lucide-react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { IconButton } from '../IconButton';
import { dismissToast, useToasts, type Toast } from './toastStore';

/**
 * Two live regions: errors interrupt a screen reader, other news waits its turn. They sit outside
 * the app root so they stay usable while a dialog makes the app inert.
 */
export function ToastHost() {
  const toasts = useToasts((s) => s.toasts);
  return createPortal(
    <div className="toasts">
      <div role="alert">{toasts.filter((x) => x.tone === 'error').map((x) => <ToastItem key={x.id} {...x} />)}</div>
      <div role="status">{toasts.filter((x) => x.tone === 'info').map((x) => <ToastItem key={x.id} {...x} />)}</div>
    </div>,
    document.body,
  );
}

function ToastItem({ id, text, tone, action }: Toast) {
  const { t } = useTranslation();
  const Icon = tone === 'error' ? CircleAlert : Info;
  return (
    <div className={`toast toast-${tone}`}>
      <Icon aria-hidden="true" className="toast-icon" />
      <p>{text}</p>
      {action && (
        <a className="toast-action" href={action.href} onClick={() => dismissToast(id)}>
          {action.label}
        </a>
      )}
      <IconButton label={t('toast.close')} icon={<X aria-hidden="true" />} onClick={() => dismissToast(id)} />
    </div>
  );
}
