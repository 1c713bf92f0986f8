/** `41%`, `4.2%`, `0.4%`: one decimal below 10%, none above, so sentences and tables read the same. */
export function percentText(share: number): string {
  const pct = share * 100;
  return pct !== 0 && Math.abs(pct) < 10 ? `${pct.toFixed(1)}%` : `${Math.round(pct)}%`;
}
