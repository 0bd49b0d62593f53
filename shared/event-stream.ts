/**
 * Server-Sent Events read off a fetch body, for the loopback host's two streams (the
 * counter's `/api/events` and the customer display's `/api/display/events`). EventSource
 * cannot send the bearer token in a header, hence fetch and this reader. Here in shared/
 * because the display may not import the host client; it needs no DOM: the body is read
 * through the one method it uses, and TextDecoder is in browsers and Node alike.
 */

/** What this reads of a fetch body (`Response['body']`). */
export interface ByteStream {
  getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }> };
}

/** One event of the stream: its name (`message` when the block names none) and its data, JSON as text. */
export interface StreamEvent {
  event: string;
  data: string;
}

/** The event in one block of SSE text; null for a block without data (a comment, a keep-alive). */
export function eventInBlock(block: string): StreamEvent | null {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length === 0 ? null : { event, data: data.join('\n') };
}

/** The data parsed as JSON, or undefined when it is not JSON (the caller drops the event). */
export function jsonOf(data: string): unknown {
  try {
    return JSON.parse(data) as unknown;
  } catch {
    return undefined;
  }
}

/** Reads the body block by block until the host ends the stream; each event goes to `onEvent`. */
export async function readEvents(body: ByteStream, onEvent: (event: StreamEvent) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer = (buffer + decoder.decode(value, { stream: true })).replace(/\r\n/g, '\n');
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const event = eventInBlock(buffer.slice(0, end));
      if (event) onEvent(event);
      buffer = buffer.slice(end + 2);
    }
  }
}
