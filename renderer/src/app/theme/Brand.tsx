import type { Theme } from '../../../../common/src/ipc/views';

/**
 * The organisation's own name and logo, top left. The logo is decorative next to the name;
 * "Samen" appears only as the fallback name before the organisation is known.
 */
export function Brand({ theme, inverse = false }: { theme: Theme | null; inverse?: boolean }) {
  return (
    <span className={`brand${inverse ? ' brand-inverse' : ''}`}>
      {theme?.logoUrl && <img className="brand-logo" src={theme.logoUrl} alt="" />}
      <span className="brand-name">{theme?.intranetName ?? 'Samen'}</span>
    </span>
  );
}
