import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';

type Props = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'primary' | 'secondary' | 'quiet';
  icon?: ReactNode;
  ref?: Ref<HTMLButtonElement>;
};

/** At least 44 px high: people tap these with a hurried finger on a shared screen. */
export function Button({ variant = 'secondary', icon, className, children, type = 'button', ...rest }: Props) {
  return (
    <button type={type} className={`btn btn-${variant}${className ? ` ${className}` : ''}`} {...rest}>
      {icon}
      {children !== undefined && <span>{children}</span>}
    </button>
  );
}
