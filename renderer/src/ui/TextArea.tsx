import { useId, type Ref, type TextareaHTMLAttributes } from 'react';

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & {
  label: string;
  /** The label is still there for screen readers when a placeholder already says it on screen. */
  hideLabel?: boolean;
  ref?: Ref<HTMLTextAreaElement>;
};

export function TextArea({ label, hideLabel = false, className, ...rest }: Props) {
  const id = useId();
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : undefined}>
        {label}
      </label>
      <textarea id={id} {...rest} />
    </div>
  );
}
