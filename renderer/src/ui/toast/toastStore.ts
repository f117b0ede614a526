import { create } from 'zustand';

/** `action`: one link the toast offers (a notification's "Bekijken"); following it closes the toast. */
export type Toast = { id: number; text: string; tone: 'info' | 'error'; action?: { label: string; href: string } };

export const useToasts = create<{ toasts: Toast[] }>(() => ({ toasts: [] }));

let nextId = 1;

/** Long enough to read twice at a glance; errors stay a little longer. */
const DURATION = { info: 5_000, error: 9_000 };

export function showToast(text: string, tone: Toast['tone'] = 'info', action?: Toast['action']): void {
  const id = nextId++;
  useToasts.setState((s) => ({ toasts: [...s.toasts.filter((x) => x.text !== text), { id, text, tone, ...(action ? { action } : {}) }] }));
  setTimeout(() => dismissToast(id), DURATION[tone]);
}

/** Messages can quote what someone wrote: they go when that person logs out. */
export function clearToasts(): void {
  useToasts.setState({ toasts: [] });
}

export function dismissToast(id: number): void {
  useToasts.setState((s) => ({ toasts: s.toasts.filter((x) => x.id !== id) }));
}
