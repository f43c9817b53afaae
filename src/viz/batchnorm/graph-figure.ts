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
    text: `<b>${n.label}</b><br>${mode === "forward" ? n.forward : `∂L/∂ = ${n.backward}`}`,
    font: { size: 12, color: "#222" },
    bgcolor: mode === "forward" ? "#eef4fb" : "#fdeeee", bordercolor: mode === "forward" ? FORWARD : BACKWARD,
    borderwidth: 1.5, borderpad: 5,
    hovertext: `${n.label}<br>順伝播の値: ${n.forward}<br>逆伝播 ∂L/∂: ${n.backward}<br>規則: ${n.rule}`,
  }));
}

/** Half the size of a node's box in axis units (≈ 100 px per unit; 7 px per character, 2 lines). */
function halfSize(n: GraphNode, mode: "forward" | "backward"): [number, number] {
  const text = mode === "forward" ? n.forward : `∂L/∂ = ${n.backward}`;
  const chars = Math.max(n.label.length, text.length);
  return [0.04 * chars + 0.1, 0.25];
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
    const t0 = inside(from), t1 = 1 - inside(to);
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
      xaxis: { visible: false, range: [-0.9, 9.4] },
      yaxis: { visible: false, range: [-0.6, 1.8] },
      annotations: forward,
      updatemenus: [{
        type: "buttons", direction: "right", x: 0, y: 1.13, xanchor: "left", yanchor: "bottom", showactive: true,
        buttons: [
          { label: "順伝播（値）", method: "relayout", args: [{ annotations: forward }] },
          { label: "逆伝播（勾配 ∂L/∂）", method: "relayout", args: [{ annotations: backward }] },
        ],
      }],
    },
  };
}
