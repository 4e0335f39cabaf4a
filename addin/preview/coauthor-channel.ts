/**
 * Co-authoring between preview pages (issue #18): each page is one person's session of the same
 * seed workbook, and their batches travel over a BroadcastChannel (same origin, same browser
 * profile), arriving `delayMs` later as AutoSave would merge them. `?coauthor=<name>` turns it on.
 */
import type { CoauthorTransport, RemoteBatch } from "#addin/memory-host/coauthoring.ts";

/** A transport over the channel `name`; `afterReceive` runs once a batch is merged (re-render). */
export function broadcastTransport(name: string, delayMs: number, afterReceive: () => void): CoauthorTransport {
  const channel = new BroadcastChannel(name);
  return {
    send: (batch) => channel.postMessage(batch),
    listen: (receive) => {
      channel.onmessage = (e: MessageEvent<RemoteBatch>) => {
        setTimeout(() => {
          receive(e.data);
          afterReceive();
        }, delayMs);
      };
    },
  };
}

/** Four hex digits from the person's name: the id series of their session's new objects. */
export function idSeries(author: string): string {
  let h = 0x811c;
  for (const ch of author) h = (h * 31 + ch.charCodeAt(0)) & 0x0fff;
  return (0x9000 + h).toString(16);
}
