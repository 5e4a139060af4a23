// The supervisors' live feed, GET /admin/events (Server-Sent Events). EventSource cannot send the bearer token,
// so the stream is read with fetch and a reader. The service ends every stream after a few minutes (and a slow
// reader's at once), so an ended stream is reopened with Last-Event-ID: what happened in between is sent first.

const sleep = (ms, signal) => new Promise(resolve => {
  const timer = setTimeout(resolve, ms);
  signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
});

/** Splits a text/event-stream into its events' { id, data } (comments and heartbeats are skipped). */
async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }

    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let id = null;
      const data = [];
      for (const line of block.split('\n')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'id') {
          id = text;
        } else if (field === 'data') {
          data.push(text);
        }
      }

      if (data.length > 0) {
        onEvent({ id, data: JSON.parse(data.join('\n')) });
      }
    }
  }
}

/**
 * Follows the feed until signal aborts: onEvent(feedEvent) for each event, onState('live' | 'reconnecting'),
 * onSignedOut() when the token is refused. token() is asked at each connection.
 */
export async function follow({ token, onEvent, onState, onSignedOut, signal }) {
  let lastEventId = null;
  let failures = 0;
  while (!signal.aborted) {
    try {
      const headers = { Authorization: `Bearer ${token()}`, Accept: 'text/event-stream' };
      if (lastEventId) {
        headers['Last-Event-ID'] = lastEventId;
      }

      const response = await fetch('/admin/events', { headers, signal, cache: 'no-store' });
      if (response.status === 401) {
        onSignedOut();
        return;
      }

      if (!response.ok) {
        throw new Error(`feed: ${response.status}`);
      }

      onState('live');
      failures = 0;
      await readEvents(response.body, event => {
        lastEventId = event.id ?? lastEventId;
        onEvent(event.data);
      });
    } catch (error) {
      if (signal.aborted) {
        return;
      }

      failures += 1;
      console.warn(error);
    }

    onState('reconnecting');
    // At once after a normal end; after failures, 1 s doubling to 30 s so a down service is not hammered.
    await sleep(failures === 0 ? 200 : Math.min(30000, 1000 * 2 ** (failures - 1)), signal);
  }
}
