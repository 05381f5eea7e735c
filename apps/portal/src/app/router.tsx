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
        children: [{ path: 'account/password', element: <ChangePasswordPage /> }],
      },
      {
        element: <RequireSignedIn action="enterprise.viewOwn" />,
        children: [{ path: 'enterprise', element: <MyEnterprisePage /> }],
      },
      {
        element: <RequireSignedIn action="founder.viewOwn" />,
        children: [{ path: 'profile', element: <MyProfilePage /> }],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
