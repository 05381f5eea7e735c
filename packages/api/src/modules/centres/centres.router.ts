/**
 * `centres.*`: thin procedures (permission + input + one service call). Sub-feature routers are nested:
 * `centres.workstations.*`, `centres.allocations.*`, `centres.occupancy.*`, `centres.imports.*`, `centres.events.*`,
 * `centres.kpis.*`, `centres.claims.*`. Row scope (a manager sees only their centres) is checked in the services.
 */
import { router, withPermission } from '../../trpc';
import { allocationsRouter } from './allocations.router';
import { AssignManager, CentreInput, CentreRef, UpdateCentre } from './centres.schemas';
import * as centres from './centres.service';
import { claimsRouter } from './claims.router';
import { eventsRouter } from './events.router';
import { importsRouter } from './imports.router';
import { kpisRouter } from './kpis.router';
import { occupancyRouter } from './occupancy.router';
import { workstationsRouter } from './workstations.router';

export const centresRouter = router({
  list: withPermission('centre.view').query(({ ctx }) => centres.list(ctx)),
  get: withPermission('centre.view').input(CentreRef).query(({ ctx, input }) => centres.get(ctx, input.centreId)),
  targets: withPermission('centre.view').query(({ ctx }) => centres.targets(ctx)),
  create: withPermission('centre.manage').input(CentreInput).mutation(({ ctx, input }) => centres.create(ctx, input)),
  update: withPermission('centre.manage').input(UpdateCentre).mutation(({ ctx, input }) => centres.update(ctx, input)),
  assignManager: withPermission('centre.manage')
    .input(AssignManager)
    .mutation(({ ctx, input }) => centres.assignManager(ctx, input)),
  workstations: workstationsRouter,
  allocations: allocationsRouter,
  occupancy: occupancyRouter,
  imports: importsRouter,
  events: eventsRouter,
  kpis: kpisRouter,
  claims: claimsRouter,
});
