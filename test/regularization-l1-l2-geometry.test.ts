import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { GEOMETRY_DEFAULT, constrainedOptimum, quadraticLoss } from "../src/experiments/regularization/l1-l2-geometry";
import { geometryFigure, geometryInfo } from "../src/viz/regularization/l1-l2-geometry-figure";

describe("L1 vs L2 geometry", () => {
  const p = GEOMETRY_DEFAULT; // w* = (2, 0.5), h = (1, 1.5), t = 1
  it("L1's constrained optimum is the corner (1, 0): −∇L = (1, 0.75) lies in the corner's normal cone |y| ≤ x", () => {
    const o = constrainedOptimum("l1", p);
    assert.deepEqual(o.w, [1, 0]);
    assert.deepEqual(o.zeros, [1]);
    assert.equal(o.loss, 0.5 * (1 * 1 + 1.5 * 0.25));
  });
  it("L2's optimum is on the circle, both coordinates non-zero, and ∇L is parallel to w there (KKT)", () => {
    const o = constrainedOptimum("l2", p);
    assert.ok(Math.abs(Math.hypot(...o.w) - 1) < 1e-12);
    assert.deepEqual(o.zeros, []);
    const g = [p.h[0] * (o.w[0] - p.wStar[0]), p.h[1] * (o.w[1] - p.wStar[1])];
    assert.ok(Math.abs(g[0] * o.w[1] - g[1] * o.w[0]) < 1e-6, "cross product ~ 0");
    // no boundary point is better
    for (let k = 0; k < 360; k++) {
      const a = (k * Math.PI) / 180;
      assert.ok(quadraticLoss(p, [Math.cos(a), Math.sin(a)]) >= o.loss - 1e-12);
    }
  });
  it("errors and the figure: the touching contour has the optimum's loss", () => {
    assert.throws(() => constrainedOptimum("l1", { ...p, wStar: [0.2, 0.1] }), /wStar/);
    const opt = [constrainedOptimum("l1", p), constrainedOptimum("l2", p)];
    const info = geometryInfo(p, opt);
    info.touching.forEach((c) => c.x.forEach((x, i) => assert.ok(Math.abs(quadraticLoss(p, [x, c.y[i]]) - c.level) < 1e-9)));
    assert.ok(geometryFigure(info, p.wStar, opt).data.length >= 9);
  });
});
