/** The persona chosen for each chat session, remembered in localStorage ('' means the default). */
const keyFor = (sessionId: string) => `starling.persona.${sessionId}`;

/** The persona id remembered for `sessionId`, or '' (the default persona). */
export function savedPersona(sessionId: string): string {
  try {
    return localStorage.getItem(keyFor(sessionId)) ?? '';
  } catch {
    // Storage can be disabled (private mode); the default persona is used then.
    return '';
  }
}

/** Remembers (or, with '', forgets) the persona chosen for `sessionId`. */
export function savePersona(sessionId: string, personaId: string): void {
  try {
    if (personaId) localStorage.setItem(keyFor(sessionId), personaId);
    else localStorage.removeItem(keyFor(sessionId));
  } catch {
    // Without storage the choice lasts until the page is reloaded.
  }
}
