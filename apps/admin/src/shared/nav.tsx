import {
  AccountBookOutlined,
  AuditOutlined,
  FileSearchOutlined,
  NotificationOutlined,
  ProjectOutlined,
  RollbackOutlined,
  SafetyCertificateOutlined,
  CalendarOutlined,
  BankOutlined,
  DashboardOutlined,
  FormOutlined,
  IdcardOutlined,
  ScheduleOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
  UsergroupAddOutlined,
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
  {
    path: '/policy',
    label: '政策参数',
    icon: <CalendarOutlined />,
    action: 'policy.view',
    description: '法定节假日安排和 LPR 报价',
  },
  {
    path: '/mentoring/mentors',
    label: '导师库',
    icon: <SolutionOutlined />,
    action: 'mentor.manage',
    description: '导师资料、辅导主题和名额占用',
  },
  {
    path: '/mentoring/pairings',
    label: '结对管理',
    icon: <UsergroupAddOutlined />,
    action: 'mentor.manage',
    description: '为辅导需求匹配导师，跟进逾期和不匹配反馈',
  },
  {
    path: '/mentoring/targets',
    label: '年度目标',
    icon: <TrophyOutlined />,
    action: 'report.view',
    description: '导师制年度任务完成情况和导师贡献导出',
  },
  {
    path: '/mentoring/mine',
    label: '我的结对',
    icon: <ScheduleOutlined />,
    action: 'pairing.respond',
    description: '回复结对邀请，登记辅导记录',
  },
  {
    path: '/mentoring/profile',
    label: '我的导师资料',
    icon: <IdcardOutlined />,
    action: 'pairing.respond',
    description: '个人资料、可带教人数和暂停接受结对',
  },
  {
    path: '/centres',
    label: '创业创新中心',
    icon: <BankOutlined />,
    action: 'centre.view',
    description: '工位、入驻、出勤、活动台账和服务补助申报',
  },
  {
    path: '/programmes',
    label: '项目管理',
    icon: <ProjectOutlined />,
    action: 'programme.manage',
    description: '申报项目、政策参数版本和预算下达',
  },
  {
    path: '/verification',
    label: '企业核验',
    icon: <SafetyCertificateOutlined />,
    action: 'enterprise.verify',
    description: '核验营业执照和收款账户，标记失信企业',
  },
  {
    path: '/review',
    label: '审核',
    icon: <FileSearchOutlined />,
    action: 'application.review',
    description: '审核企业申报：退回修改、不通过或推荐',
  },
  {
    path: '/notices',
    label: '公示管理',
    icon: <NotificationOutlined />,
    action: 'notice.publish',
    description: '发布拟支持名单公示，处理公示期异议',
  },
  {
    path: '/finance',
    label: '财政审批',
    icon: <AccountBookOutlined />,
    action: 'application.approve',
    description: '公示期满后审批拨付、生成银行文件、登记付款',
  },
  {
    path: '/clawbacks',
    label: '追回',
    icon: <RollbackOutlined />,
    action: 'programme.view',
    description: '以奖代投奖励的追回登记和到账',
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
