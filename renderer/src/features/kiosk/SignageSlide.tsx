import type { SignageItem } from '../../../../common/src/ipc/kioskViews';

/** An editor's slide: an image filling the screen with the title and text over it, or text alone. */
export function SignageSlide({ item }: { item: Extract<SignageItem, { kind: 'slide' }> }) {
  return (
    <article className={`signage-card signage-slide${item.imageUrl ? ' has-image' : ''}`}>
      {item.imageUrl && <img className="signage-slide-image" src={item.imageUrl} alt="" />}
      <div className="signage-slide-text">
        <h2 className="signage-slide-title">{item.title}</h2>
        {item.text && <p className="signage-text">{item.text}</p>}
      </div>
    </article>
  );
}
