import { createBrowserRouter } from 'react-router';
import { GuestOnly, RequireSignedIn } from './guards';
import { PortalLayout } from './layout/PortalLayout';
import { lazyPage } from './lazy-page';
import { NotFound } from './NotFound';

const HomePage = lazyPage(() => import('../features/home/HomePage'), 'HomePage');
const SignInPage = lazyPage(() => import('../features/auth/SignInPage'), 'SignInPage');
const ChangePasswordPage = lazyPage(
  () => import('../features/auth/ChangePasswordPage'),
  'ChangePasswordPage',
);
const RegisterChoicePage = lazyPage(
  () => import('../features/registration/RegisterChoicePage'),
  'RegisterChoicePage',
);
const RegisterEnterprisePage = lazyPage(
  () => import('../features/registration/RegisterEnterprisePage'),
  'RegisterEnterprisePage',
);
const RegisterFounderPage = lazyPage(
  () => import('../features/registration/RegisterFounderPage'),
  'RegisterFounderPage',
);
const MyEnterprisePage = lazyPage(
  () => import('../features/enterprise/MyEnterprisePage'),
  'MyEnterprisePage',
);
const MyProfilePage = lazyPage(() => import('../features/founder/MyProfilePage'), 'MyProfilePage');
const VerificationPage = lazyPage(
  () => import('../features/verification/VerificationPage'),
  'VerificationPage',
);
const ProgrammesPage = lazyPage(() => import('../features/funding/ProgrammesPage'), 'ProgrammesPage');
const ApplyPage = lazyPage(() => import('../features/funding/ApplyPage'), 'ApplyPage');
const MyCasesPage = lazyPage(() => import('../features/funding/MyCasesPage'), 'MyCasesPage');
const CasePage = lazyPage(() => import('../features/funding/CasePage'), 'CasePage');
const NotificationsPage = lazyPage(
  () => import('../features/notifications/NotificationsPage'),
  'NotificationsPage',
);
const NoticeListPage = lazyPage(() => import('../features/notices/NoticeListPage'), 'NoticeListPage');
const NoticePage = lazyPage(() => import('../features/notices/NoticePage'), 'NoticePage');
const FindMentorPage = lazyPage(() => import('../features/mentoring/FindMentorPage'), 'FindMentorPage');
const MyMentorsPage = lazyPage(() => import('../features/mentoring/MyMentorsPage'), 'MyMentorsPage');

export const router = createBrowserRouter([
  {
    element: <PortalLayout />,
    children: [
      { index: true, element: <HomePage /> },
      {
        path: 'login',
        element: (
          <GuestOnly>
            <SignInPage />
          </GuestOnly>
        ),
      },
      {
        path: 'register',
        element: (
          <GuestOnly>
            <RegisterChoicePage />
          </GuestOnly>
        ),
      },
      {
        path: 'register/enterprise',
        element: (
          <GuestOnly>
            <RegisterEnterprisePage />
          </GuestOnly>
        ),
      },
      {
        path: 'register/founder',
        element: (
          <GuestOnly>
            <RegisterFounderPage />
          </GuestOnly>
        ),
      },
      {
        element: <RequireSignedIn />,
        children: [
          { path: 'account/password', element: <ChangePasswordPage /> },
          { path: 'messages', element: <NotificationsPage /> },
        ],
      },
      {
        element: <RequireSignedIn action="enterprise.viewOwn" />,
        children: [
          { path: 'enterprise', element: <MyEnterprisePage /> },
          { path: 'enterprise/verification', element: <VerificationPage /> },
        ],
      },
      {
        element: <RequireSignedIn action="application.apply" />,
        children: [
          { path: 'funding', element: <ProgrammesPage /> },
          { path: 'funding/apply/:programmeId', element: <ApplyPage /> },
          { path: 'funding/cases', element: <MyCasesPage /> },
          { path: 'funding/cases/:caseId', element: <CasePage /> },
          { path: 'funding/cases/:caseId/edit', element: <ApplyPage /> },
        ],
      },
      // 公示 is public (§8): no sign-in.
      { path: 'notices', element: <NoticeListPage /> },
      { path: 'notices/:noticeId', element: <NoticePage /> },
      {
        element: <RequireSignedIn action="founder.viewOwn" />,
        children: [{ path: 'profile', element: <MyProfilePage /> }],
      },
      {
        element: <RequireSignedIn action="mentoring.request" />,
        children: [
          { path: 'mentoring/find', element: <FindMentorPage /> },
          { path: 'mentoring/mine', element: <MyMentorsPage /> },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
