import type { ButtonHTMLAttributes, ReactNode } from 'react';

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'aria-label' | 'children'> & {
  /** Said by screen readers and shown as a tooltip: an icon alone is never the only clue. */
  label: string;
  icon: ReactNode;
};

export function IconButton({ label, icon, className, type = 'button', ...rest }: Props) {
  return (
    <button type={type} aria-label={label} title={label} className={`icon-btn${className ? ` ${className}` : ''}`} {...rest}>
      {icon}
    </button>
  );
}
