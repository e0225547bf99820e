/**
 * A small Server-Sent Events reader over a fetch body: yields `{event, data}` per dispatched event,
 * ignores comments (heartbeats) and handles CRLF, CR and LF line ends. Web APIs only.
 */
export interface ServerSentEvent {
  event: string;
  data: string;
}

/** Parses an event stream; ends when the body ends. */
export async function* readServerSentEvents(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<ServerSentEvent> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let event = '';
  let data: string[] = [];
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffer += done ? decoder.decode() + '\n' : decoder.decode(value, { stream: true });
      let match: RegExpExecArray | null;
      // Lines are complete only once their end is seen; a trailing lone CR may be half of CRLF.
      while ((match = /\r\n|\n|\r(?!$)/.exec(buffer)) !== null) {
        const line = buffer.slice(0, match.index);
        buffer = buffer.slice(match.index + match[0].length);
        if (line === '') {
          if (data.length > 0) yield { event: event || 'message', data: data.join('\n') };
          event = '';
          data = [];
          continue;
        }
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      if (done) break;
    }
    finished = true;
    if (data.length > 0) yield { event: event || 'message', data: data.join('\n') };
  } finally {
    // A consumer that stops early closes the connection; the server treats that as an abort.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
