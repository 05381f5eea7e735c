import type { RouterOutputs } from '../api-types';

export type ProgrammeWithBudget = RouterOutputs['programmes']['list'][number];
export type CaseListItem = RouterOutputs['review']['queue']['items'][number];
export type FinanceQueueItem = RouterOutputs['finance']['queue']['items'][number];
export type CaseDetail = RouterOutputs['cases']['get'];
export type VerificationQueueItem = RouterOutputs['verification']['queue']['items'][number];
export type ObjectionItem = RouterOutputs['objections']['list'][number];
export type ClawbackItem = RouterOutputs['clawbacks']['list']['items'][number];
