import type { LogFields } from './log.js';

/**
 * What a log file must never hold, whatever a caller passes: a log is collected by IT and mailed to a
 * supplier. Fields whose names hint at a person or a secret are dropped; in free text (messages, error
 * texts, stacks) quoted input, e-mail addresses, digit runs (employee numbers, PINs, badge ids) and
 * the user's folder name are masked.
 */
const PERSONAL_KEY = /pin|pass|secret|token|cookie|auth|text|body|title|content|comment|name|employee|email|mail|badge|phone|address|query|search/i;
/** Ids and codes are safe as they are: uuids, and lower-case words like `invalid_input`. */
const SAFE_VALUE = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z][a-z0-9_.-]{0,40})$/i;
const MAX_TEXT = 400;

export function scrubText(text: string): string {
  return text
    .replace(/(["'“”‘’`])(?:(?!\1).){1,}?\1/g, '"…"')
    .replace(/[^\s@"'<>]+@[^\s@"'<>]+/g, '<e-mail>')
    .replace(/([\\/](?:home|Users|users)[\\/])[^\\/\s]+/g, '$1~')
    .replace(/\d{4,}/g, '#')
    .slice(0, MAX_TEXT);
}

export function scrubFields(fields: LogFields | undefined): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields ?? {})) {
    if (PERSONAL_KEY.test(key)) continue;
    out[key] = typeof value === 'string' && !SAFE_VALUE.test(value) ? scrubText(value) : value;
  }
  return out;
}

/** An error as log fields: its kind, masked message and the top of its stack. */
export function errorFields(err: unknown): LogFields {
  if (!(err instanceof Error)) return { error: typeof err };
  return { error: err.name, detail: scrubText(err.message), stack: scrubText((err.stack ?? '').split('\n').slice(1, 6).join(' | ')) };
}
