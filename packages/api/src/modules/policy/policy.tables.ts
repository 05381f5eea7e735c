/** Tables of the policy module (migration 20261126T1300-policy; docs/decisions/009-policy-data.md). */

/** One year's official holiday arrangement, entered by the administrator (replaces the bundled one if any). */
export interface CalendarYearTable {
  year: number;
  /** JSON array of 'YYYY-MM-DD' days off, sorted. */
  holidays_json: string;
  /** JSON array of 'YYYY-MM-DD' weekend working days (调休上班), sorted. */
  workdays_json: string;
  source: string;
  reason: string | null;
  entered_by: number;
  entered_at: string;
}

/** One 1-year LPR quotation entered by the administrator (a later quotation, or a correction of a bundled one). */
export interface LprRateTable {
  effective_on: string;
  rate_pct: string;
  source: string;
  reason: string | null;
  entered_by: number;
  entered_at: string;
}
