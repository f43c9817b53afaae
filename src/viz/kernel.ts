/**
 * The kernel's display channel, found without importing tslab.
 *
 * tslab's public `display` sends one MIME type per message; a figure needs one
 * display_data with several (vnd.plotly JSON, text/html, text/plain). tslab's
 * `dist/jupyter` module holds `lastWriteDisplayData`, set on every execute
 * request. It is looked up in require.cache rather than required, so that
 * (a) outside a kernel nothing is loaded and we know we are not in one, and
 * (b) a notebook of one clone run by a kernel registered from another clone
 * still reaches the kernel's own copy.
 */
import { randomBytes } from "crypto";
import { syncKernelPublisher } from "./kernel-output";

// inside a kernel: let long synchronous cells print (see kernel-output.ts)
syncKernelPublisher();

export type MimeBundle = Record<string, unknown>;

interface DisplayMessage {
  data: MimeBundle;
  metadata: Record<string, unknown>;
  transient: { display_id?: string };
}
type WriteDisplayData = (message: DisplayMessage, update: boolean) => void;

const JUPYTER_MODULE = /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/;

/** The current writer, or null outside a tslab kernel. Looked up per call: tslab replaces it per execute request. */
export function displayWriter(): WriteDisplayData | null {
  for (const key of Object.keys(require.cache)) {
    if (!JUPYTER_MODULE.test(key)) continue;
    const w = (require.cache[key]?.exports as { lastWriteDisplayData?: unknown } | undefined)?.lastWriteDisplayData;
    if (typeof w === "function") return w as WriteDisplayData;
  }
  return null;
}

/** True inside a running tslab kernel (Jupyter, nbconvert, VS Code). */
export function inKernel(): boolean {
  return displayWriter() !== null;
}

export function newDisplayId(): string {
  return randomBytes(8).toString("hex");
}

export interface DisplayOptions {
  /** Give an id to update this output later (update_display_data). */
  displayId?: string;
  /** Replace the output created earlier with the same displayId. */
  update?: boolean;
}

/** Send one display_data (or update_display_data) with every MIME type in `data`. False outside a kernel. */
export function displayBundle(data: MimeBundle, options: DisplayOptions = {}): boolean {
  const write = displayWriter();
  if (!write) return false;
  const transient = options.displayId ? { display_id: options.displayId } : {};
  write({ data, metadata: {}, transient }, options.update === true);
  return true;
}
