import { X } from 'lucide-react';
import { useEffect, useId, useRef, type KeyboardEventHandler, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { IconButton } from './IconButton';

type Props = {
  title: string;
  /** For dialogs whose content says what they are (a photo): the title is for screen readers only. */
  hideTitle?: boolean;
  onClose: () => void;
  children: ReactNode;
  variant?: 'sheet' | 'lightbox';
  onKeyDown?: KeyboardEventHandler<HTMLDivElement>;
};

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: the app behind it is made inert, Tab stays inside, Esc closes, and focus goes
 * back to whatever opened it.
 */
export function Dialog({ title, hideTitle = false, onClose, children, variant = 'sheet', onKeyDown }: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const app = document.getElementById('root');
    app?.setAttribute('inert', '');
    // The page behind must not scroll: a virtual list would unmount the card that opened this.
    const overflow = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    panel.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        closeRef.current();
      } else if (event.key === 'Tab' && panel.current) {
        trapTab(event, panel.current);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      app?.removeAttribute('inert');
      document.body.style.overflow = overflow;
      opener?.focus();
    };
  }, []);

  return createPortal(
    <div className={`dialog-backdrop dialog-${variant}`} onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={panel} className="dialog-panel" role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1} onKeyDown={onKeyDown}>
        <header className="dialog-header">
          <h2 id={titleId} className={hideTitle ? 'sr-only' : 'dialog-title'}>
            {title}
          </h2>
          <IconButton label={t('dialog.close')} icon={<X aria-hidden="true" />} onClick={onClose} className="dialog-close" />
        </header>
        {children}
      </div>
    </div>,
    document.body,
  );
}

function trapTab(event: KeyboardEvent, container: HTMLElement) {
  const items = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && (document.activeElement === first || document.activeElement === container)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
