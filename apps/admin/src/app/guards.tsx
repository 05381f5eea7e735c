import type { Action } from '@fund/domain';
import { can } from '@fund/domain';
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import { SECOND_FACTOR_SETUP_PATH } from '../features/security/paths';
import { isStaff, useAuth } from '../shared/auth';
import { PageLoading } from '../shared/PageLoading';
import { safeNext } from '../shared/safe-next';

export const CHANGE_PASSWORD_PATH = '/account/password';

function Unavailable({ retry }: { retry: () => void }) {
  return (
    <Result
      status="warning"
      title="暂时无法连接服务器"
      subTitle="请检查网络连接后重试。"
      extra={
        <Button type="primary" onClick={retry}>
          重试
        </Button>
      }
    />
  );
}

function NotStaff() {
  const { signOut, signingOut } = useAuth();
  return (
    <Result
      status="403"
      title="此账号不是工作人员账号"
      subTitle="企业和个人创业者请使用申报门户办理业务。"
      extra={[
        <Button key="portal" type="primary" href="/">
          前往申报门户
        </Button>,
        <Button key="out" loading={signingOut} onClick={() => void signOut()}>
          退出登录
        </Button>,
      ]}
    />
  );
}

function withNext(path: string, next: string | null): string {
  return next && next !== '/' ? `${path}?next=${encodeURIComponent(next)}` : path;
}

/**
 * Signed-in routes. Unauthenticated → 登录 (coming back afterwards); a user who must change the password is kept on
 * 修改密码, then one who must set up the second factor on 设置动态验证码 (coming back afterwards, the same way as
 * after 登录); a missing permission shows 无权访问. The server enforces all of this again on every call.
 */
export function RequireSignedIn({ action }: { action?: Action }) {
  const { me, unavailable, retry } = useAuth();
  const location = useLocation();
  if (unavailable) return <Unavailable retry={retry} />;
  if (me === undefined) return <PageLoading />;
  if (me === null) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (!isStaff(me)) return <NotStaff />;
  // Both forced pages send the user on to where they were heading (`next`), passed along from one to the other.
  const heading = location.pathname + location.search;
  if (me.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={withNext(CHANGE_PASSWORD_PATH, heading)} replace />;
  }
  // The password comes first: the server refuses the set-up calls too until it is changed.
  if (!me.mustChangePassword && me.mustEnrolSecondFactor && location.pathname !== SECOND_FACTOR_SETUP_PATH) {
    const next =
      location.pathname === CHANGE_PASSWORD_PATH
        ? safeNext(new URLSearchParams(location.search).get('next'))
        : heading;
    return <Navigate to={withNext(SECOND_FACTOR_SETUP_PATH, next)} replace />;
  }
  if (action && !can(me.roles, action)) {
    return <Result status="403" title="无权访问" subTitle="您的账号没有访问此页面的权限。" />;
  }
  return <Outlet />;
}

/** 登录 makes no sense once signed in: go to where the user was heading, or the dashboard. */
export function GuestOnly({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  const [params] = useSearchParams();
  if (me === undefined) return <PageLoading />;
  if (me) return <Navigate to={safeNext(params.get('next')) ?? '/'} replace />;
  return children;
}
