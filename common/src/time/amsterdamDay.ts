const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in Amsterdam (`YYYY-MM-DD`), whatever the machine's own time zone or DST. */
export const amsterdamDay = (at: Date): string => dayFormat.format(at);
