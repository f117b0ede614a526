import type { HttpClient } from '../net/httpClient.js';

/**
 * The name of whoever caused a notification: from the synced directory, else asked of the server
 * with the session of the person told (a colleague who joined since the last sync). Empty when
 * neither knows: the notice is still worth showing without a name.
 */
export function actorNameLookup(d: { directoryName(personId: string): string | null; http: HttpClient }) {
  return async (personId: string, token: string): Promise<string> => {
    const known = d.directoryName(personId);
    if (known !== null) return known;
    const answer = await d.http.call('getPerson', { token, params: { id: personId } });
    return answer.ok ? answer.value.name : '';
  };
}
