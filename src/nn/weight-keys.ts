/** Keys W1, W2, … of `params` in order (biases b, BN's gamma/beta excluded), like the book's weight_decay_lambda loops. */
import type { Params } from "./types";

export function weightKeys(params: Params): string[] {
  return Object.keys(params)
    .filter((k) => /^W\d+$/.test(k))
    .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
}
