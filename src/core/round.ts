/** `x` to `digits` decimal places, as the ICP file writes shares (4) and lifts (3). */
export const round = (x: number, digits: number): number => Number(x.toFixed(digits));

/** `x` to three significant digits, as the ICP file writes p and q values. */
export const significant = (x: number): number => (x === 0 ? 0 : Number(x.toPrecision(3)));
