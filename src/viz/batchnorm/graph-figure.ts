/**
 * The computational graph of BN as a Plotly drawing: boxes (annotations) and
 * arrows. Two buttons: 順伝播 shows each node's value, 逆伝播 reverses the
 * arrows and shows ∂L/∂(node); hovering a box shows the local backward rule.
 */
import type { PlotlyFigure } from "../figure";
import type { GraphInfo, GraphNode } from "./graph-info";

const FORWARD = "#1f77b4", BACKWARD = "#d62728";

function boxes(info: GraphInfo, mode: "forward" | "backward"): unknown[] {
  return info.nodes.map((n: GraphNode) => ({
    x: n.x, y: n.y, xref: "x", yref: "y", showarrow: false, align: "center",
    text: `<b>${n.label}</b><br>${mode === "forward" ? n.forward : `∂L/∂${n.symbol} = ${n.backward}`}`,
    font: { size: 12, color: "#222" },
    bgcolor: mode === "forward" ? "#eef4fb" : "#fdeeee", bordercolor: mode === "forward" ? FORWARD : BACKWARD,
    borderwidth: 1.5, borderpad: 5,
    hovertext: `${n.label}<br>順伝播の値: ${n.forward}<br>逆伝播 ∂L/∂${n.symbol}: ${n.backward}<br>規則: ${n.rule}`,
  }));
}

/** Pixels per axis unit of the layout below (x: 11.3 units over ≈ 1020 px; y: 2.4 units over ≈ 250 px). */
const PX_X = 90, PX_Y = 104;

/** Approximate text width in px at font size 12: full-width (CJK) ≈ 12 px, others ≈ 6.6 px. */
function textPx(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 12 : 6.6;
  return w;
}

/** Half the size of a node's box in axis units (two lines of text, 5 px padding, border). */
function halfSize(n: GraphNode, mode: "forward" | "backward"): [number, number] {
  const text = mode === "forward" ? n.forward : `∂L/∂${n.symbol} = ${n.backward}`;
  const w = Math.max(textPx(n.label), textPx(text)) + 14;
  return [w / 2 / PX_X, 44 / 2 / PX_Y];
}

function arrows(info: GraphInfo, mode: "forward" | "backward"): unknown[] {
  const at = new Map(info.nodes.map((n) => [n.id, n]));
  return info.edges.map(([a, b]) => {
    const [from, to] = mode === "forward" ? [at.get(a)!, at.get(b)!] : [at.get(b)!, at.get(a)!];
    // start and end on the boxes' borders: the fraction of the segment inside each box
    const dx = to.x - from.x, dy = to.y - from.y;
    const inside = (n: GraphNode) => {
      const [hw, hh] = halfSize(n, mode);
      return Math.min(dx === 0 ? Infinity : hw / Math.abs(dx), dy === 0 ? Infinity : hh / Math.abs(dy));
    };
    let t0 = inside(from), t1 = 1 - inside(to);
    if (t1 - t0 < 0.06) [t0, t1] = [(t0 + t1) / 2 - 0.03, (t0 + t1) / 2 + 0.03]; // boxes nearly touch: a short arrow between them
    return {
      x: from.x + dx * t1, y: from.y + dy * t1, ax: from.x + dx * t0, ay: from.y + dy * t0,
      xref: "x", yref: "y", axref: "x", ayref: "y", text: "", showarrow: true,
      arrowhead: 3, arrowsize: 1.2, arrowwidth: 1.6, arrowcolor: mode === "forward" ? FORWARD : BACKWARD,
    };
  });
}

export function batchNormGraphFigure(info: GraphInfo): PlotlyFigure {
  const forward = [...arrows(info, "forward"), ...boxes(info, "forward")];
  const backward = [...arrows(info, "backward"), ...boxes(info, "backward")];
  return {
    // one invisible trace so the axes exist (the drawing itself is annotations)
    data: [{ type: "scatter", mode: "markers", x: info.nodes.map((n) => n.x), y: info.nodes.map((n) => n.y), marker: { opacity: 0 }, hoverinfo: "skip", showlegend: false }],
    layout: {
      height: 330,
      margin: { t: 70, l: 10, r: 10, b: 10 },
      title: { text: `Batch Normalization の計算グラフ（特徴 ${info.feature + 1}、m = 4 の例）`, font: { size: 14 } },
      xaxis: { visible: false, range: [-1.6, 9.7] },
      yaxis: { visible: false, range: [-0.6, 1.8] },
      annotations: forward,
      updatemenus: [{
        type: "buttons", direction: "right", x: 0, y: 1.13, xanchor: "left", yanchor: "bottom", showactive: true,
        buttons: [
          { label: "順伝播（値）", method: "relayout", args: [{ annotations: forward }] },
          { label: "逆伝播（勾配 ∂L/∂・）", method: "relayout", args: [{ annotations: backward }] },
        ],
      }],
    },
  };
}
