import type { RouterOutputs } from '../../shared/api-types';

export type CalendarOverview = RouterOutputs['policy']['calendar']['list'];
export type CalendarYearItem = CalendarOverview['years'][number];
export type DateCheck = RouterOutputs['policy']['calendar']['check'];
export type LprOverview = RouterOutputs['policy']['lpr']['list'];
export type LprItem = LprOverview['entries'][number];
