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
            { path: '*', element: <NotFound /> },
          ],
        },
      ],
    },
  ],
  { basename: '/admin' },
);
