import { CalendarDays, FileText, HeartPulse, Link2, Phone, Plane, Receipt, Sun, Thermometer, Wallet, type LucideIcon } from 'lucide-react';

/** The pictograms an editor can give a quick link; the server stores the name. Only these are bundled. */
export const QUICK_LINK_ICONS: Readonly<Record<string, LucideIcon>> = {
  wallet: Wallet,
  calendar: CalendarDays,
  'calendar-days': CalendarDays,
  sun: Sun,
  plane: Plane,
  thermometer: Thermometer,
  'heart-pulse': HeartPulse,
  receipt: Receipt,
  'file-text': FileText,
  phone: Phone,
  link: Link2,
};

export const quickLinkIcon = (name: string): LucideIcon => QUICK_LINK_ICONS[name] ?? Link2;
