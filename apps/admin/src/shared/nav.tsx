import {
  AuditOutlined,
  DashboardOutlined,
  FormOutlined,
  ShopOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { can, type Action, type Role } from '@fund/domain';
import type { ReactNode } from 'react';

export type NavEntry = {
  path: string;
  label: string;
  icon: ReactNode;
  /** Shown only to roles allowed to do this (the server enforces it again). */
  action?: Action;
  description: string;
};

export const NAV: readonly NavEntry[] = [
  { path: '/', label: '工作台', icon: <DashboardOutlined />, description: '待办和常用功能' },
  {
    path: '/enterprises',
    label: '企业管理',
    icon: <ShopOutlined />,
    action: 'enterprise.list',
    description: '查询已注册企业、核验状态和规模数据',
  },
  {
    path: '/enterprises/new',
    label: '登记企业',
    icon: <FormOutlined />,
    action: 'enterprise.registerByStaff',
    description: '根据营业执照代企业登记',
  },
  {
    path: '/founders',
    label: '个人创业者',
    icon: <UserOutlined />,
    action: 'founder.list',
    description: '查询实名注册的个人创业者',
  },
  {
    path: '/users',
    label: '用户管理',
    icon: <TeamOutlined />,
    action: 'user.manage',
    description: '工作人员账号、角色和密码',
  },
  {
    path: '/audit',
    label: '审计日志',
    icon: <AuditOutlined />,
    action: 'audit.view',
    description: '查询操作记录并校验审计链',
  },
];

export function navFor(roles: readonly Role[]): NavEntry[] {
  return NAV.filter((n) => !n.action || can(roles, n.action));
}

/** The menu entry a path belongs to: the longest matching prefix ('/enterprises/12' → 企业管理). */
export function activeNav(pathname: string, entries: readonly NavEntry[]): NavEntry | undefined {
  return [...entries]
    .filter((n) =>
      n.path === '/' ? pathname === '/' : pathname === n.path || pathname.startsWith(`${n.path}/`),
    )
    .sort((a, b) => b.path.length - a.path.length)[0];
}
