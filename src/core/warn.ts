/**
 * Warnings of the engine, each printed once per process (a net of 5 BN layers in
 * a grid of 16 runs must not print 80 lines). Printed with console.warn unless a
 * handler is set (tests and notebooks that show a trap on purpose catch them).
 */
export type WarningHandler = (message: string, key: string) => void;

const shown = new Set<string>();
let handler: WarningHandler = (message) => console.warn(message);

/** Print `message` the first time `key` is seen in this process; later calls do nothing. */
export function warnOnce(key: string, message: string): void {
  if (shown.has(key)) return;
  shown.add(key);
  handler(message, key);
}

/** Replace the handler (returns the previous one); `resetWarnings` forgets what was shown. */
export function setWarningHandler(h: WarningHandler): WarningHandler {
  const previous = handler;
  handler = h;
  return previous;
}

export function resetWarnings(): void {
  shown.clear();
}
