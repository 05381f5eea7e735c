/**
 * The funding module's routers, spread into the app router (src/router.ts) as top-level keys so that paths read
 * `module.thing.verb`-style in the domain's language: `cases.submit`, `finance.approve`, `notices.publicList` ….
 */
import { casesRouter, notificationsRouter } from './cases.router';
import { clawbacksRouter, financeRouter } from './finance.router';
import { noticesRouter, objectionsRouter } from './notices.router';
import { budgetRouter, programmesRouter } from './programmes.router';
import { reviewRouter } from './review.router';
import { verificationRouter } from './verification.router';

export const fundingRouters = {
  programmes: programmesRouter,
  budget: budgetRouter,
  verification: verificationRouter,
  cases: casesRouter,
  notifications: notificationsRouter,
  review: reviewRouter,
  notices: noticesRouter,
  objections: objectionsRouter,
  finance: financeRouter,
  clawbacks: clawbacksRouter,
};
