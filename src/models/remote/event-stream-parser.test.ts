import { describe, expect, it } from 'vitest';
import { createEventStreamParser } from './event-stream-parser.js';

function parse(pieces: string[]): { data: string; event: string }[] {
  const events: { data: string; event: string }[] = [];
  const parser = createEventStreamParser((data, event) => events.push({ data, event }));
  for (const piece of pieces) parser.push(piece);
  parser.end();
  return events;
}

const body = 'data: {"a":1}\n\nevent: custom\ndata: one\ndata: two\n\n: keep-alive\n\ndata: [DONE]\n\n';

describe('createEventStreamParser', () => {
  it('parses events, multi-line data, named events and comments', () => {
    expect(parse([body])).toEqual([
      { data: '{"a":1}', event: 'message' },
      { data: 'one\ntwo', event: 'custom' },
      { data: '[DONE]', event: 'message' },
    ]);
  });

  it('gives the same events for every split of the body, one character at a time included', () => {
    const expected = parse([body]);
    for (let cut = 1; cut < body.length; cut++) {
      expect(parse([body.slice(0, cut), body.slice(cut)])).toEqual(expected);
    }
    expect(parse([...body])).toEqual(expected);
  });

  it('handles CRLF and CR line ends, also with CRLF split across pieces', () => {
    const crlf = body.replaceAll('\n', '\r\n');
    const expected = parse([body]);
    expect(parse([crlf])).toEqual(expected);
    expect(parse([...crlf])).toEqual(expected);
    expect(parse([body.replaceAll('\n', '\r')])).toEqual(expected);
    expect(parse(['data: x\r', '\n\r', '\ndata: y\r\n\r\n'])).toEqual([
      { data: 'x', event: 'message' },
      { data: 'y', event: 'message' },
    ]);
  });

  it('keeps a value without the optional space and treats a bare field as empty', () => {
    expect(parse(['data:x\n\ndata\n\n'])).toEqual([
      { data: 'x', event: 'message' },
      { data: '', event: 'message' },
    ]);
  });

  it('ignores events without data and dispatches a last event missing its blank line', () => {
    expect(parse(['event: ping\n\nid: 3\nretry: 10\n\ndata: last'])).toEqual([
      { data: 'last', event: 'message' },
    ]);
  });

  it('keeps multi-byte text intact (decoding happens before the parser)', () => {
    expect(parse(['data: {"c":"世', '界"}\n\n'])).toEqual([{ data: '{"c":"世界"}', event: 'message' }]);
  });
});
