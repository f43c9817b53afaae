/**
 * The computational graph of Batch Normalization for ONE feature of the worked
 * example: node positions, what each node computes, its forward value, and the
 * gradient ∂L/∂(node) that arrives in the backward pass. Note the sign at μ:
 * the book's code keeps dmu = Σ dxc, which is −∂L/∂μ; the node shows ∂L/∂μ.
 */
import type { WorkedExample } from "../../experiments/batchnorm/worked-example";

export interface GraphNode {
  id: string;
  x: number;
  y: number;
  /** What the node is / computes, e.g. "x̂ = xc / std". */
  label: string;
  /** The variable's symbol, for "∂L/∂x̂". */
  symbol: string;
  forward: string;
  backward: string;
  /** The local rule used in the backward pass. */
  rule: string;
}

export interface GraphInfo {
  feature: number;
  nodes: GraphNode[];
  /** Data flow edges [from, to] (the backward pass runs them reversed). */
  edges: [string, string][];
}

/** "[−1.67, 0.333, 0.333, 1]" with 3 significant digits and a real minus sign. */
export function vec(v: number[]): string {
  return `[${v.map(num).join(", ")}]`;
}

export function num(v: number): string {
  const s = String(Number(v.toPrecision(3)));
  return s.startsWith("-") ? `−${s.slice(1)}` : s;
}

export function graphInfo(w: WorkedExample, feature = 0): GraphInfo {
  const col = (a: number[][]) => a.map((r) => r[feature]);
  const j = feature;
  const nodes: GraphNode[] = [
    { id: "x", x: 0, y: 0, label: "x（入力）", symbol: "x", forward: vec(col(w.x)), backward: vec(col(w.dx)), rule: "dx = dxc − dμ / m（μ の枝の分を全員で等しく引く）" },
    { id: "mu", x: 1.3, y: 1.25, label: "μ = mean(x)", symbol: "μ", forward: num(w.mu[j]), backward: num(-w.dmu[j]), rule: "∂L/∂μ = −Σ dxc（本書のコードの dmu はこの符号を反転した Σ dxc）" },
    { id: "xc", x: 2.6, y: 0, label: "xc = x − μ", symbol: "xc", forward: vec(col(w.xc)), backward: vec(col(w.dxc)), rule: "dxc = dx̂ / std + (2/m)·xc·dσ²（2 本の枝の和）" },
    { id: "var", x: 3.9, y: 1.25, label: "σ² = mean(xc²)", symbol: "σ²", forward: num(w.variance[j]), backward: num(w.dvar[j]), rule: "dσ² = dstd / (2·std)" },
    { id: "std", x: 5.4, y: 1.25, label: "std = √(σ² + ε)", symbol: "std", forward: num(w.std[j]), backward: num(w.dstd[j]), rule: "dstd = −Σ dx̂·xc / std²" },
    { id: "xhat", x: 6.5, y: 0, label: "x̂ = xc / std", symbol: "x̂", forward: vec(col(w.xhat)), backward: vec(col(w.dxhat)), rule: "dx̂ = γ·dy" },
    { id: "gamma", x: 7.2, y: 1.25, label: "γ", symbol: "γ", forward: num(w.gamma[j]), backward: num(w.dgamma[j]), rule: "dγ = Σ x̂·dy" },
    { id: "beta", x: 8.5, y: 1.25, label: "β", symbol: "β", forward: num(w.beta[j]), backward: num(w.dbeta[j]), rule: "dβ = Σ dy" },
    { id: "y", x: 8.5, y: 0, label: "y = γx̂ + β（出力）", symbol: "y", forward: vec(col(w.y)), backward: vec(col(w.dout)), rule: "dy = 上流から届く勾配" },
  ];
  const edges: [string, string][] = [
    ["x", "mu"], ["x", "xc"], ["mu", "xc"], ["xc", "var"], ["var", "std"], ["xc", "xhat"], ["std", "xhat"], ["xhat", "y"], ["gamma", "y"], ["beta", "y"],
  ];
  return { feature, nodes, edges };
}
