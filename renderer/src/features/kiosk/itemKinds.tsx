import type { ComponentType } from 'react';
import type { SignageItem, SignageKind } from '../../../../common/src/ipc/kioskViews';
import { SignageCelebrations } from '../celebrations/SignageCelebrations';
import { SignagePoll } from './SignagePoll';
import { SignagePost, SignageReadRequired } from './SignagePost';
import { SignageSlide } from './SignageSlide';

type ItemComponent<K extends SignageKind> = ComponentType<{ item: Extract<SignageItem, { kind: K }> }>;

/**
 * How each kind of signage item looks: one component per kind. A capability with its own card (the
 * poll client, read confirmations) plugs its component in here; the loop never changes.
 */
export const itemKinds: { [K in SignageKind]: ItemComponent<K> } = {
  post: SignagePost,
  readRequired: SignageReadRequired,
  poll: SignagePoll,
  slide: SignageSlide,
  celebrations: SignageCelebrations,
};

export function SignageItemView({ item }: { item: SignageItem }) {
  const View = itemKinds[item.kind] as ItemComponent<typeof item.kind>;
  return <View item={item} />;
}
