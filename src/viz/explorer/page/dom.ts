/** Small DOM helpers shared by the explorers' page code. */
export type Attrs = Record<string, string>;

export function el(tag: string, attrs: Attrs = {}, ...children: (Node | string)[]): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export interface PlotlyLike {
  react(el: HTMLElement, data: object[], layout: object, config?: object): Promise<unknown>;
}

/** The handle tests and scripts use: root.explorer.compute(state) returns the data the explorer plots. */
export interface ExplorerHandle {
  name: string;
  compute(state: unknown): unknown;
  state(): unknown;
  set(state: never): void;
}

export interface ExplorerContext {
  root: HTMLElement;
  initial: Record<string, unknown>;
  plotly: PlotlyLike;
  handle: ExplorerHandle;
  save(state: unknown): void;
  message(text: string): void;
}

/** Tells the reader that the URL hash's setting was refused (and why) and that the defaults are shown. */
export function refuseUrlState(ctx: ExplorerContext, e: unknown): void {
  ctx.message(`URL の設定を使えません：${errorText(e)} 既定の設定で表示します。`);
}

/** The URL hash's state checked by `check`, or — when refused, with the message — the defaults. */
export function checkedInitialState<S>(ctx: ExplorerContext, check: (raw: unknown) => S): S {
  try {
    return check({ ...ctx.initial });
  } catch (e) {
    refuseUrlState(ctx, e);
    return check({});
  }
}

/** compute()'s result, or — when the engine refuses the setting — undefined, with its reason in the status line. */
export function computeOrRefuse<R>(status: HTMLElement, compute: () => R): R | undefined {
  try {
    return compute();
  } catch (e) {
    status.textContent = `設定を使えません：${errorText(e)}`;
    status.className = "zx-status zx-error";
    return undefined;
  }
}
