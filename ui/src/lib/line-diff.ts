// Which lines differ between the file on disk and the author's version, for
// the conflict dialog's side-by-side view.

export interface DiffSide {
  lines: string[];
  /** Whether each line is missing from the other side. */
  changed: boolean[];
}

/** Beyond this many line pairs the comparison is skipped: both texts are still shown, unmarked. */
const MAX_CELLS = 4_000_000;

export function diffLines(left: string, right: string): [DiffSide, DiffSide] {
  const a = left.split(/\r?\n/);
  const b = right.split(/\r?\n/);
  const changedA = a.map(() => true);
  const changedB = b.map(() => true);
  if (a.length * b.length > MAX_CELLS) {
    return [{ lines: a, changed: a.map(() => false) }, { lines: b, changed: b.map(() => false) }];
  }
  // Longest common subsequence of lines, by dynamic programming from the end.
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      changedA[i++] = false;
      changedB[j++] = false;
    } else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) i++;
    else j++;
  }
  return [{ lines: a, changed: changedA }, { lines: b, changed: changedB }];
}

/** The body of a post file: what follows its front matter. */
export function bodyOf(fileText: string): string {
  const m = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(fileText);
  return m ? fileText.slice(m[0].length) : fileText;
}
