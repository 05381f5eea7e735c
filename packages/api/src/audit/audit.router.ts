import { router, withPermission } from '../trpc';
import { verifyWithAnchorFile } from './audit-anchor';
import { listAuditEvents } from './audit.queries';
import { AuditListInput } from './audit.schemas';

export const auditRouter = router({
  list: withPermission('audit.view')
    .input(AuditListInput)
    .query(({ ctx, input }) => listAuditEvents(ctx.db, input)),
  verify: withPermission('audit.view').query(({ ctx }) =>
    verifyWithAnchorFile(ctx.db, ctx.env.AUDIT_ANCHOR_FILE, ctx.env.AUDIT_ANCHOR_KEY),
  ),
});
