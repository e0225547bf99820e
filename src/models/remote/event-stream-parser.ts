/**
 * An incremental Server-Sent Events parser for model backends: feed it text as it arrives (any
 * split, LF, CRLF or CR line ends) and it calls back once per dispatched event. Comments are
 * skipped; `id` and `retry` are ignored (a model stream is never resumed).
 *
 * Written here rather than taken from eventsource-parser because the streaming path runs it once
 * per token for every open stream: plain string scanning, no per-line objects, no web streams
 * (docs/decisions/0010-streaming-performance.md).
 */
export interface EventStreamParser {
  /** Parses the next piece of the body. */
  push(text: string): void;
  /** The body ended: an event still missing its blank line is dispatched (lenient, like browsers' last line). */
  end(): void;
}

/** Creates a parser that calls `onEvent(data, event)`; `event` is 'message' when the frame names none. */
export function createEventStreamParser(onEvent: (data: string, event: string) => void): EventStreamParser {
  let buffer = '';
  // A chunk that ended in CR may be half of a CRLF: the next chunk's leading LF is not a new line.
  let skipLeadingLineFeed = false;
  let data: string | null = null;
  let event = '';

  function dispatch(): void {
    if (data !== null) onEvent(data, event === '' ? 'message' : event);
    data = null;
    event = '';
  }

  function line(text: string): void {
    if (text === '') return dispatch();
    if (text.charCodeAt(0) === 58 /* ':' */) return; // comment, e.g. a keep-alive
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = '';
    if (colon !== -1)
      value = text.charCodeAt(colon + 1) === 32 ? text.slice(colon + 2) : text.slice(colon + 1);
    if (field === 'data') data = data === null ? value : `${data}\n${value}`;
    else if (field === 'event') event = value;
  }

  return {
    push(text) {
      if (text === '') return;
      const input = buffer + text;
      let position = 0;
      if (skipLeadingLineFeed) {
        skipLeadingLineFeed = false;
        if (buffer === '' && input.charCodeAt(0) === 10) position = 1;
      }
      buffer = '';
      let carriageReturn = input.indexOf('\r', position);
      for (;;) {
        const lineFeed = input.indexOf('\n', position);
        if (carriageReturn !== -1 && carriageReturn < position)
          carriageReturn = input.indexOf('\r', position);
        let end: number;
        let next: number;
        if (carriageReturn !== -1 && (lineFeed === -1 || carriageReturn < lineFeed)) {
          end = carriageReturn;
          next = carriageReturn + 1;
          if (next === input.length) skipLeadingLineFeed = true;
          else if (input.charCodeAt(next) === 10) next += 1;
        } else if (lineFeed !== -1) {
          end = lineFeed;
          next = lineFeed + 1;
        } else break;
        line(input.slice(position, end));
        position = next;
      }
      if (position < input.length) buffer = input.slice(position);
    },
    end() {
      if (buffer !== '') line(buffer);
      buffer = '';
      dispatch();
    },
  };
}
