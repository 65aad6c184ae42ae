// The framing view's geometry. The frame on screen must be exactly the part
// Rust will crop, so this is billet-core's `crop_box` (media/frame.rs) in
// TypeScript: the largest rectangle of the cover's aspect, shrunk by the
// zoom, centred on the focal point as far as the picture's edges allow.
// Both are tested against the same cases.

import type { Focus } from "./ipc";

export interface Size {
  width: number;
  height: number;
}

/** A rectangle of the picture, in its own pixels. */
export interface Crop {
  left: number;
  top: number;
  width: number;
  height: number;
}

const fraction = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0.5);
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function cropBox(picture: Size, target: Size, focus: Focus, zoom: number): Crop {
  const { width: w, height: h } = picture;
  const aspect = target.width / target.height;
  const z = Number.isFinite(zoom) ? Math.max(1, zoom) : 1;
  const [fullW, fullH] = w / h > aspect ? [h * aspect, h] : [w, w / aspect];
  const cw = Math.max(1, fullW / z);
  const ch = Math.max(1, fullH / z);
  return {
    left: clamp(fraction(focus.x) * w - cw / 2, 0, w - cw),
    top: clamp(fraction(focus.y) * h - ch / 2, 0, h - ch),
    width: cw,
    height: ch,
  };
}

/**
 * The furthest the author may zoom: until the part chosen has just the
 * cover's pixels, so that zooming never makes a blurry cover. At least 1.
 */
export function maxZoom(picture: Size, target: Size): number {
  const full = cropBox(picture, target, { x: 0.5, y: 0.5 }, 1);
  return Math.max(1, Math.min(8, full.width / target.width));
}

/** The focal point that puts the frame's centre at `crop`'s, moved by (dx, dy) picture pixels. */
export function movedFocus(picture: Size, crop: Crop, dx: number, dy: number): Focus {
  return {
    x: fraction((crop.left + crop.width / 2 + dx) / picture.width),
    y: fraction((crop.top + crop.height / 2 + dy) / picture.height),
  };
}

/** The focal point at a place of the picture shown `shown` pixels wide and high. */
export function focusAt(shown: Size, x: number, y: number): Focus {
  return { x: fraction(x / shown.width), y: fraction(y / shown.height) };
}

/** Where the frame's centre really is: the focal point once the edges have had their say. */
export function centreOf(picture: Size, crop: Crop): Focus {
  return {
    x: (crop.left + crop.width / 2) / picture.width,
    y: (crop.top + crop.height / 2) / picture.height,
  };
}
