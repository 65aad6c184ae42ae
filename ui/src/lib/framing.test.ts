import { describe, expect, it } from "vitest";
import { centreOf, cropBox, focusAt, maxZoom, movedFocus } from "./framing";

const centre = { x: 0.5, y: 0.5 };

// The same cases as billet-core's media/frame.rs tests: the frame shown is the crop made.
describe("cropBox, as billet-core crops", () => {
  it("is centred by default and clamped at the edges", () => {
    const c = cropBox({ width: 4000, height: 3000 }, { width: 1080, height: 600 }, centre, 1);
    expect([c.width, c.height]).toEqual([4000, (4000 * 600) / 1080]);
    expect(c.top).toBeCloseTo((3000 - c.height) / 2, 9);
    expect(cropBox({ width: 4000, height: 3000 }, { width: 1080, height: 600 }, { x: 0.5, y: 0 }, 1).top).toBe(0);
    expect(cropBox({ width: 1000, height: 3000 }, { width: 100, height: 100 }, { x: 0.5, y: 1 }, 1)).toEqual({
      left: 0,
      top: 2000,
      width: 1000,
      height: 1000,
    });
  });

  it("shrinks around the focus when zoomed", () => {
    expect(cropBox({ width: 1000, height: 1000 }, { width: 100, height: 100 }, { x: 0.25, y: 0.75 }, 4)).toEqual({
      left: 125,
      top: 625,
      width: 250,
      height: 250,
    });
    expect(cropBox({ width: 1000, height: 1000 }, { width: 100, height: 100 }, centre, 0.2).width).toBe(1000);
    expect(cropBox({ width: 1000, height: 1000 }, { width: 100, height: 100 }, { x: NaN, y: 2 }, NaN)).toEqual({
      left: 0,
      top: 0,
      width: 1000,
      height: 1000,
    });
  });
});

describe("moving the frame", () => {
  const picture = { width: 4000, height: 3000 };
  const target = { width: 1080, height: 600 };

  it("zooms only as far as the cover's own pixels", () => {
    expect(maxZoom(picture, target)).toBeCloseTo(4000 / 1080, 9);
    expect(maxZoom({ width: 800, height: 600 }, target)).toBe(1);
  });

  it("moves the focus with the frame, from where the frame really is", () => {
    const crop = cropBox(picture, target, { x: 0.5, y: 0 }, 2);
    const moved = movedFocus(picture, crop, 400, 300);
    expect(moved.x).toBeCloseTo(0.6, 9);
    expect(moved.y).toBeCloseTo((crop.height / 2 + 300) / 3000, 9);
    // Dragged far past an edge, the focus stays on the picture.
    expect(movedFocus(picture, crop, -1e6, 1e6)).toEqual({ x: 0, y: 1 });
  });

  it("gives the focus at a point of the picture as shown", () => {
    expect(focusAt({ width: 400, height: 300 }, 100, 150)).toEqual({ x: 0.25, y: 0.5 });
    expect(focusAt({ width: 400, height: 300 }, -5, 900)).toEqual({ x: 0, y: 1 });
  });

  it("knows the frame's real centre next to an edge", () => {
    const crop = cropBox(picture, target, { x: 0, y: 0 }, 1);
    const c = centreOf(picture, crop);
    expect(c.x).toBe(0.5);
    expect(c.y).toBeCloseTo(crop.height / 2 / 3000, 9);
  });
});
