/**
 * Keeps a long synchronous cell able to print.
 *
 * tslab sends every output (stream, display_data, the final "idle" status) on
 * one zeromq Publisher socket. zeromq.js 6 sends at most 512 messages in a row
 * without giving the event loop a turn; it defers the 513th to the next turn,
 * and any send before that turn throws "Socket is busy writing". A cell that
 * computes for minutes without returning to the event loop (the FULL MNIST
 * comparison of 6-1 with its progress line) crosses that count: the progress
 * update throws, the cell fails, and the error text itself cannot be sent, so
 * the notebook shows no message and nbconvert reports "Timeout waiting for
 * IOPub output".
 *
 * With `sendTimeout = 0` zeromq.js sends every message at once. That is safe for
 * a Publisher: a PUB socket never blocks (a subscriber past its high-water mark
 * drops messages instead). The socket is the kernel's own; it is found in
 * require.cache like tslab's display writer (kernel.ts), so nothing is loaded
 * outside a kernel.
 */

const ZEROMQ_MODULE = /[\\/]zeromq[\\/]lib[\\/]index\.js$/;
const PATCHED = Symbol.for("zerokara.syncPublisherSend");

interface SocketLike {
  sendTimeout: number;
}
type Send = (this: SocketLike, ...args: unknown[]) => unknown;
interface PublisherClass {
  prototype: { send?: Send; [PATCHED]?: true };
}

/** Make every zeromq Publisher already loaded in this process send synchronously. Returns how many classes it patched. */
export function syncKernelPublisher(cache: NodeJS.Require["cache"] = require.cache): number {
  let patched = 0;
  for (const key of Object.keys(cache)) {
    if (!ZEROMQ_MODULE.test(key)) continue;
    const Publisher = (cache[key]?.exports as { Publisher?: PublisherClass } | undefined)?.Publisher;
    const proto = Publisher?.prototype;
    if (!proto || proto[PATCHED]) continue;
    const send = proto.send;
    if (typeof send !== "function") continue;
    const ready = new WeakSet<SocketLike>();
    Object.defineProperty(proto, "send", {
      configurable: true,
      writable: true,
      value: function (this: SocketLike, ...args: unknown[]): unknown {
        if (!ready.has(this)) {
          ready.add(this);
          if (this.sendTimeout !== 0) this.sendTimeout = 0;
        }
        return send.apply(this, args);
      },
    });
    Object.defineProperty(proto, PATCHED, { value: true });
    patched++;
  }
  return patched;
}
