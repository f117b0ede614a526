import { HandHeart, Heart, Lightbulb, PartyPopper, ThumbsUp, type LucideIcon } from 'lucide-react';
import { REACTION_KINDS, type ReactionKind } from '../../../../common/src/api/entities';

/** Each reaction's pictogram: drawn, not emoji, so every ward PC shows the same without a colour font. */
export const REACTION_ICONS: Record<ReactionKind, LucideIcon> = {
  like: ThumbsUp,
  hart: Heart,
  applaus: PartyPopper,
  inzichtelijk: Lightbulb,
  bedankt: HandHeart,
};

export { REACTION_KINDS };
