import { describe, expect, it } from 'vitest';
import { eventInBlock, jsonOf, readEvents, type StreamEvent } from '../../shared/event-stream';

/** A body that arrives in the given pieces, as a socket may cut it. */
function bodyOf(...pieces: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(encoder.encode(piece));
      controller.close();
    },
  });
}

describe('event-stream', () => {
  it('reads events cut anywhere, with CRLF line ends, skipping comments and keep-alives', async () => {
    const events: StreamEvent[] = [];
    await readEvents(bodyOf(': hello\n\nevent: printer.status\r\nda', 'ta: {"state":"ready"}\r\n\r\n', 'data: 1\ndata: 2\n\n: ping\n\n'), (e) => events.push(e));
    expect(events).toEqual([
      { event: 'printer.status', data: '{"state":"ready"}' },
      { event: 'message', data: '1\n2' },
    ]);
  });

  it('drops a block without data and data that is not JSON', () => {
    expect(eventInBlock('event: display.state')).toBeNull();
    expect(jsonOf('{broken')).toBeUndefined();
    expect(jsonOf('{"a":1}')).toEqual({ a: 1 });
  });
});
