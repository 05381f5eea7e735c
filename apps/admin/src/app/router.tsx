import { createBrowserRouter } from 'react-router';
import { GuestOnly, RequireSignedIn } from './guards';
import { AdminLayout } from './layout/AdminLayout';
import { BareLayout } from './layout/BareLayout';
import { lazyPage } from './lazy-page';
import { NotFound } from './NotFound';

const SignInPage = lazyPage(() => import('../features/auth/SignInPage'), 'SignInPage');
const ChangePasswordPage = lazyPage(
  () => import('../features/auth/ChangePasswordPage'),
  'ChangePasswordPage',
);
const SecondFactorSetupPage = lazyPage(
  () => import('../features/security/SecondFactorSetupPage'),
  'SecondFactorSetupPage',
);
const AccountSecurityPage = lazyPage(
  () => import('../features/security/AccountSecurityPage'),
  'AccountSecurityPage',
);
const DashboardPage = lazyPage(() => import('../features/dashboard/DashboardPage'), 'DashboardPage');
const EnterpriseListPage = lazyPage(
  () => import('../features/enterprises/EnterpriseListPage'),
  'EnterpriseListPage',
);
const EnterpriseDetailPage = lazyPage(
  () => import('../features/enterprises/EnterpriseDetailPage'),
  'EnterpriseDetailPage',
);
const RegisterByStaffPage = lazyPage(
  () => import('../features/enterprises/RegisterByStaffPage'),
  'RegisterByStaffPage',
);
const FounderListPage = lazyPage(() => import('../features/founders/FounderListPage'), 'FounderListPage');
const UserListPage = lazyPage(() => import('../features/users/UserListPage'), 'UserListPage');
const AuditLogPage = lazyPage(() => import('../features/audit/AuditLogPage'), 'AuditLogPage');
const PolicyPage = lazyPage(() => import('../features/policy/PolicyPage'), 'PolicyPage');
const MentorListPage = lazyPage(() => import('../features/mentoring/MentorListPage'), 'MentorListPage');
const PairingsPage = lazyPage(() => import('../features/mentoring/PairingsPage'), 'PairingsPage');
const MentoringRequestPage = lazyPage(() => import('../features/mentoring/RequestPage'), 'RequestPage');
const MentoringTargetsPage = lazyPage(() => import('../features/mentoring/TargetsPage'), 'TargetsPage');
const MyPairingsPage = lazyPage(() => import('../features/mentoring/MyPairingsPage'), 'MyPairingsPage');
const MyMentorProfilePage = lazyPage(
  () => import('../features/mentoring/MyMentorProfilePage'),
  'MyMentorProfilePage',
);

const CentreListPage = lazyPage(() => import('../features/centres/CentreListPage'), 'CentreListPage');
const CentreDetailPage = lazyPage(() => import('../features/centres/CentreDetailPage'), 'CentreDetailPage');

const ProgrammeListPage = lazyPage(
  () => import('../features/programmes/ProgrammeListPage'),
  'ProgrammeListPage',
);
const ProgrammeCreatePage = lazyPage(
  () => import('../features/programmes/ProgrammeCreatePage'),
  'ProgrammeCreatePage',
);
const ParametersVersionPage = lazyPage(
  () => import('../features/programmes/ParametersVersionPage'),
  'ParametersVersionPage',
);
const VerificationPage = lazyPage(
  () => import('../features/verification/VerificationPage'),
  'VerificationPage',
);
const ReviewQueuePage = lazyPage(() => import('../features/review/ReviewQueuePage'), 'ReviewQueuePage');
const CasePage = lazyPage(() => import('../features/review/CasePage'), 'CasePage');
const NoticesPage = lazyPage(() => import('../features/notices/NoticesPage'), 'NoticesPage');
const FinancePage = lazyPage(() => import('../features/finance/FinancePage'), 'FinancePage');
const ClawbacksPage = lazyPage(() => import('../features/clawbacks/ClawbacksPage'), 'ClawbacksPage');

/** The API serves this app under `/admin/`; every path below is relative to it. */
export const router = createBrowserRouter(
  [
    {
      element: <BareLayout />,
      children: [
        {
          path: 'login',
          element: (
            <GuestOnly>
              <SignInPage />
            </GuestOnly>
          ),
        },
      ],
    },
    {
      element: <RequireSignedIn />,
      children: [
        {
          element: <AdminLayout />,
          children: [
            { index: true, element: <DashboardPage /> },
            { path: 'account/password', element: <ChangePasswordPage /> },
            { path: 'account/second-factor', element: <SecondFactorSetupPage /> },
            { path: 'account/security', element: <AccountSecurityPage /> },
            {
              element: <RequireSignedIn action="enterprise.list" />,
              children: [
                { path: 'enterprises', element: <EnterpriseListPage /> },
                { path: 'enterprises/:id', element: <EnterpriseDetailPage /> },
              ],
            },
            {
              element: <RequireSignedIn action="enterprise.registerByStaff" />,
              // Declared before `enterprises/:id` would not matter: react-router ranks the static segment higher.
              children: [{ path: 'enterprises/new', element: <RegisterByStaffPage /> }],
            },
            {
              element: <RequireSignedIn action="founder.list" />,
              children: [{ path: 'founders', element: <FounderListPage /> }],
            },
            {
              element: <RequireSignedIn action="user.manage" />,
              children: [{ path: 'users', element: <UserListPage /> }],
            },
            {
              element: <RequireSignedIn action="audit.view" />,
              children: [{ path: 'audit', element: <AuditLogPage /> }],
            },
            {
              element: <RequireSignedIn action="policy.view" />,
              children: [{ path: 'policy', element: <PolicyPage /> }],
            },
            {
              element: <RequireSignedIn action="mentor.manage" />,
              children: [
                { path: 'mentoring/mentors', element: <MentorListPage /> },
                { path: 'mentoring/pairings', element: <PairingsPage /> },
                { path: 'mentoring/pairings/requests/:id', element: <MentoringRequestPage /> },
              ],
            },
            {
              element: <RequireSignedIn action="report.view" />,
              children: [{ path: 'mentoring/targets', element: <MentoringTargetsPage /> }],
            },
            {
              element: <RequireSignedIn action="pairing.respond" />,
              children: [
                { path: 'mentoring/mine', element: <MyPairingsPage /> },
                { path: 'mentoring/profile', element: <MyMentorProfilePage /> },
              ],
            },
            {
              element: <RequireSignedIn action="centre.view" />,
              children: [
                { path: 'centres', element: <CentreListPage /> },
                { path: 'centres/:id', element: <CentreDetailPage /> },
              ],
            },
            // Funding (项目、核验、审核、公示、财政审批、追回); the case page is shared by every staff role that sees cases.
            {
              element: <RequireSignedIn action="programme.manage" />,
              children: [
                { path: 'programmes', element: <ProgrammeListPage /> },
                { path: 'programmes/new', element: <ProgrammeCreatePage /> },
                { path: 'programmes/:id/parameters', element: <ParametersVersionPage /> },
              ],
            },
            {
              element: <RequireSignedIn action="enterprise.verify" />,
              children: [{ path: 'verification', element: <VerificationPage /> }],
            },
            {
              element: <RequireSignedIn action="application.review" />,
              children: [{ path: 'review', element: <ReviewQueuePage /> }],
            },
            {
              element: <RequireSignedIn action="programme.view" />,
              children: [
                { path: 'review/cases/:id', element: <CasePage /> },
                { path: 'clawbacks', element: <ClawbacksPage /> },
              ],
            },
            {
              element: <RequireSignedIn action="notice.publish" />,
              children: [{ path: 'notices', element: <NoticesPage /> }],
            },
            {
              element: <RequireSignedIn action="application.approve" />,
              children: [{ path: 'finance', element: <FinancePage /> }],
            },
            { path: '*', element: <NotFound /> },
          ],
        },
      ],
    },
  ],
  { basename: '/admin' },
);
