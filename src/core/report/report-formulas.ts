/** How each figure of the report is computed, as the report's `formulas` states it. */
export const FORMULAS: Record<string, string> = {
  win_rate: 'won / (won + lost) deals; open deals left out',
  win_rate_ci: 'Wilson score interval, 95%',
  median_cycle_days:
    "median of (close date - create or engage date, or the customer's created date when the deals have none) in days over won deals; negative cycles left out",
  avg_won_value: 'total_won_value / won',
  total_won_value: 'sum of the amounts of won deals',
  clv: 'total_won_value / accounts',
  win_rate_p_value: "Fisher's exact test, two-sided, of won and lost deals of ICP vs non-ICP accounts",
  cycle_days_p_value: "Mann-Whitney U test, two-sided, of won deals' cycle days, ICP vs non-ICP",
  auc: 'area under the ROC curve of the account score against won (vs lost) over closed deals',
};
export const LEAD_FORMULAS = { conversion_rate: 'converted / leads', conversion_rate_ci: 'Wilson score interval, 95%' };
export const SPEND_FORMULAS = { cac: 'spend / won_accounts (accounts with at least one won deal)', clv_cac_ratio: 'clv / cac' };
