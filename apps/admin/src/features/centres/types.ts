import type { RouterInputs, RouterOutputs } from '../../shared/api-types';

type Centres = RouterOutputs['centres'];
export type CentreSummary = Centres['list'][number];
export type CentreDetail = Centres['get'];
export type RecognisedTarget = Centres['targets'];
export type WorkstationItem = Centres['workstations']['list']['items'][number];
export type AllocationItem = Centres['allocations']['list']['items'][number];
export type OccupancyGrid = Centres['occupancy']['grid'];
export type GridRow = OccupancyGrid['rows'][number];
export type ImportResult = Centres['imports']['run'];
export type ImportKind = RouterInputs['centres']['imports']['run']['kind'];
export type EventItem = Centres['events']['list']['items'][number];
export type TrainingProgress = Centres['events']['trainingProgress'];
export type MonthlyKpis = Centres['kpis']['monthly']['months'][number];
export type ClaimPreview = Centres['claims']['preview'];
export type ClaimItem = Centres['claims']['list']['items'][number];
export type OpenProgramme = Centres['claims']['programmes'][number];
