/**
 * `mentoring.*` procedures: permission + input + one service call. Procedures that several roles share (a mentor
 * and a mentee of the same pairing, or staff) are `authedProcedure`; their services decide per row and answer
 * NOT_FOUND for someone else's (deny by default).
 */
import { IdInput, MenteeRequestInput, MentorProfileInput } from '@fund/domain';
import { authedProcedure, router, withPermission } from '../../trpc';
import * as matching from './matching.service';
import {
  CreateMentor,
  DesignateOutstanding,
  FlagPoorFit,
  LogSession,
  MentorListQuery,
  PairingListQuery,
  PairingRef,
  PairingWithReason,
  ProposePairing,
  RateSession,
  RequestRef,
  ResolveFlag,
  SetAvailability,
  YearInput,
} from './mentoring.schemas';
import * as mentors from './mentors.service';
import * as pairings from './pairings.service';
import * as requests from './requests.service';
import * as sessions from './sessions.service';
import * as targets from './targets.service';

const staff = withPermission('mentor.manage');
const mentor = withPermission('pairing.respond');
const mentee = withPermission('mentoring.request');
const reports = withPermission('report.view');

export const mentoringRouter = router({
  mentors: router({
    list: staff.input(MentorListQuery).query(({ ctx, input }) => mentors.list(ctx, input)),
    get: staff.input(IdInput).query(({ ctx, input }) => mentors.get(ctx, input.id)),
    create: staff.input(CreateMentor).mutation(({ ctx, input }) => mentors.create(ctx, input)),
    mine: mentor.query(({ ctx }) => mentors.mine(ctx)),
    updateMine: mentor.input(MentorProfileInput).mutation(({ ctx, input }) => mentors.updateMine(ctx, input)),
    setAvailability: authedProcedure
      .input(SetAvailability)
      .mutation(({ ctx, input }) => mentors.setAvailability(ctx, input)),
  }),
  requests: router({
    create: mentee.input(MenteeRequestInput).mutation(({ ctx, input }) => requests.create(ctx, input)),
    mine: mentee.query(({ ctx }) => requests.mine(ctx)),
    get: authedProcedure.input(RequestRef).query(({ ctx, input }) => requests.get(ctx, input.requestId)),
    queue: staff.query(({ ctx }) => requests.queue(ctx)),
    suggestions: staff
      .input(RequestRef)
      .query(({ ctx, input }) => matching.suggestions(ctx, input.requestId)),
  }),
  pairings: router({
    propose: staff.input(ProposePairing).mutation(({ ctx, input }) => pairings.propose(ctx, input)),
    accept: mentor.input(PairingRef).mutation(({ ctx, input }) => pairings.accept(ctx, input.pairingId)),
    decline: mentor.input(PairingWithReason).mutation(({ ctx, input }) => pairings.decline(ctx, input)),
    withdraw: staff.input(PairingWithReason).mutation(({ ctx, input }) => pairings.withdraw(ctx, input)),
    complete: authedProcedure
      .input(PairingRef)
      .mutation(({ ctx, input }) => pairings.complete(ctx, input.pairingId)),
    endEarly: authedProcedure
      .input(PairingWithReason)
      .mutation(({ ctx, input }) => pairings.endEarly(ctx, input)),
    mine: authedProcedure.query(({ ctx }) => pairings.mine(ctx)),
    list: staff.input(PairingListQuery).query(({ ctx, input }) => pairings.list(ctx, input)),
    get: authedProcedure.input(PairingRef).query(({ ctx, input }) => pairings.get(ctx, input.pairingId)),
  }),
  sessions: router({
    log: authedProcedure.input(LogSession).mutation(({ ctx, input }) => sessions.log(ctx, input)),
    rate: authedProcedure.input(RateSession).mutation(({ ctx, input }) => sessions.rate(ctx, input)),
    flagPoorFit: authedProcedure
      .input(FlagPoorFit)
      .mutation(({ ctx, input }) => sessions.flagPoorFit(ctx, input)),
    openFlags: staff.query(({ ctx }) => sessions.openFlags(ctx)),
    resolveFlag: staff.input(ResolveFlag).mutation(({ ctx, input }) => sessions.resolveFlag(ctx, input)),
  }),
  targets: router({
    yearly: reports.input(YearInput).query(({ ctx, input }) => targets.yearly(ctx, input.year)),
    designateOutstanding: staff
      .input(DesignateOutstanding)
      .mutation(({ ctx, input }) => targets.designateOutstanding(ctx, input)),
    export: reports.input(YearInput).query(({ ctx, input }) => targets.exportContribution(ctx, input.year)),
  }),
});
