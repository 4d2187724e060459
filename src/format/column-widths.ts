// Fitting table columns to the screen (PowerShell's ColumnWidthManager): columns without a width share
// the free space one cell at a time, left to right; when the table is too wide the last visible column
// shrinks, and columns that cannot keep one cell are hidden (width -1), from the right.

const SEPARATOR = 1;
const MIN_COLUMN = 1;

function tableWidth(widths: readonly number[]): number {
  const visible = widths.filter((w) => w > 0);
  return visible.reduce((a, b) => a + b, 0) + SEPARATOR * (visible.length - 1);
}

/** Returns true when everything fits without trimming. */
function assignFreeSpace(widths: number[], screen: number): boolean {
  if (widths.every((w) => w > 0)) return tableWidth(widths) <= screen;
  const fixed = widths.map((w) => w > 0);
  for (let k = 0; k < widths.length; k++) if (widths[k] <= 0) widths[k] = MIN_COLUMN;
  let available = screen - tableWidth(widths);
  if (available < 0) return false;
  while (available > 0) {
    for (let k = 0; k < widths.length && available > 0; k++) {
      if (fixed[k]) continue;
      widths[k]++;
      available--;
    }
  }
  return true;
}

function lastVisible(widths: readonly number[]): number {
  const hidden = widths.findIndex((w) => w < 0);
  return hidden < 0 ? widths.length - 1 : hidden - 1;
}

function trimToFit(widths: number[], screen: number): void {
  for (;;) {
    const excess = tableWidth(widths) - screen;
    if (excess <= 0) return;
    const last = lastVisible(widths);
    if (last < 0) return;
    const shrunk = widths[last] - excess;
    widths[last] = shrunk < MIN_COLUMN ? -1 : shrunk;
  }
}

/** Final column widths for the requested ones (0 = unassigned); -1 marks a hidden column. */
export function fitColumns(requested: readonly number[], screen: number): number[] {
  const widths = [...requested];
  if (widths.length > 0 && !assignFreeSpace(widths, screen)) trimToFit(widths, screen);
  return widths;
}

/** Format-Wide: how many items of `itemWidth` cells fit on one line. */
export function wideItemsPerRow(itemWidth: number, screen: number): number {
  if (itemWidth <= 0 || screen < 1 || itemWidth >= screen) return 1;
  let columns = 1;
  while (itemWidth * (columns + 1) + columns * SEPARATOR < screen) columns++;
  return columns;
}
