import { needsSecondFactor, ROLE_LABELS, STAFF_ROLES } from '@fund/domain';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { StaffUser } from '../../shared/api-types';
import { useAuth } from '../../shared/auth';
import { readApiError } from '../../shared/errors';
import { Page } from '../../shared/Page';
import { useTRPC } from '../../shared/trpc';
import { optional, useListParams } from '../../shared/use-list-params';
import { CreateUserModal } from './CreateUserModal';
import { SetRolesModal } from './SetRolesModal';
import { UserActionModal, type PendingAction } from './UserActionModal';

const FILTERS = ['q'] as const;
const time = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—');
const isStaff = (u: StaffUser) => u.roles.some((r) => STAFF_ROLES.includes(r));
const isLocked = (u: StaffUser) => u.lockedUntil !== null && dayjs(u.lockedUntil).isAfter(dayjs());

function StatusTag({ user }: { user: StaffUser }) {
  if (user.disabled) return <Tag color="error">已停用</Tag>;
  if (isLocked(user)) return <Tag color="warning">锁定至 {dayjs(user.lockedUntil).format('HH:mm')}</Tag>;
  return <Tag color="success">正常</Tag>;
}

/** Applicant and founder accounts cannot have one; staff whose roles require it and lack it are flagged. */
function SecondFactorTag({ user }: { user: StaffUser }) {
  if (user.secondFactorEnrolled) return <Tag color="success">已启用</Tag>;
  if (!isStaff(user)) return <Typography.Text type="secondary">—</Typography.Text>;
  return needsSecondFactor(user.roles) ? <Tag color="warning">未启用</Tag> : <Tag>未启用</Tag>;
}

export function UserListPage() {
  const trpc = useTRPC();
  const { me } = useAuth();
  const { page, pageSize, filters, setFilters, setPage, pageSizeOptions } = useListParams(FILTERS);
  const [creating, setCreating] = useState(false);
  const [editingRoles, setEditingRoles] = useState<StaffUser | null>(null);
  const [action, setAction] = useState<PendingAction | null>(null);
  const list = useQuery({
    ...trpc.users.list.queryOptions({ q: optional(filters.q), page, pageSize }),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<StaffUser> = [
    { title: '用户名', dataIndex: 'username', width: 130 },
    { title: '姓名', dataIndex: 'displayName', width: 190 },
    {
      title: '角色',
      dataIndex: 'roles',
      render: (roles: StaffUser['roles']) => (
        <Space size={[0, 4]} wrap>
          {roles.map((r) => (
            <Tag key={r}>{ROLE_LABELS[r]}</Tag>
          ))}
        </Space>
      ),
    },
    { title: '状态', key: 'status', width: 120, render: (_, u) => <StatusTag user={u} /> },
    { title: '动态验证码', key: 'secondFactor', width: 110, render: (_, u) => <SecondFactorTag user={u} /> },
    { title: '最近登录', dataIndex: 'lastSignInAt', width: 150, render: time },
    {
      title: '操作',
      key: 'actions',
      width: 230,
      render: (_, u) => (
        <Space size={0} wrap>
          {/* Only staff accounts get their roles set here; applicant and founder roles come from registration. */}
          {isStaff(u) && (
            <Button type="link" size="small" onClick={() => setEditingRoles(u)}>
              设置角色
            </Button>
          )}
          {u.disabled ? (
            <Button type="link" size="small" onClick={() => setAction({ kind: 'enable', user: u })}>
              启用
            </Button>
          ) : (
            <Button type="link" size="small" danger onClick={() => setAction({ kind: 'disable', user: u })}>
              停用
            </Button>
          )}
          <Button type="link" size="small" onClick={() => setAction({ kind: 'resetPassword', user: u })}>
            重置密码
          </Button>
          {isLocked(u) && (
            <Button type="link" size="small" onClick={() => setAction({ kind: 'unlock', user: u })}>
              解锁
            </Button>
          )}
          {/* The server refuses one's own reset: another administrator must confirm it is really lost. */}
          {u.secondFactorEnrolled && u.id !== me?.id && (
            <Button
              type="link"
              size="small"
              onClick={() => setAction({ kind: 'resetSecondFactor', user: u })}
            >
              重置动态验证码
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Page
      title="用户管理"
      subtitle="管理平台账号的角色、状态、密码和动态验证码，所有操作都记入审计日志。"
      extra={
        <Button type="primary" onClick={() => setCreating(true)}>
          新建账号
        </Button>
      }
    >
      <Card>
        <Input.Search
          key={filters.q}
          defaultValue={filters.q}
          placeholder="用户名或姓名"
          aria-label="搜索用户"
          allowClear
          enterButton="查询"
          onSearch={(q) => setFilters({ q })}
          style={{ maxWidth: 420, marginBottom: 16 }}
        />
        {list.isError && (
          <Alert
            type="error"
            showIcon
            title={readApiError(list.error).message}
            style={{ marginBottom: 16 }}
          />
        )}
        <Table<StaffUser>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          locale={{ emptyText: filters.q ? '没有符合条件的用户' : '暂无用户' }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions,
            showTotal: (total) => `共 ${total} 个账号`,
            onChange: setPage,
          }}
        />
      </Card>
      <CreateUserModal open={creating} onClose={() => setCreating(false)} />
      <SetRolesModal user={editingRoles} onClose={() => setEditingRoles(null)} />
      <UserActionModal action={action} onClose={() => setAction(null)} />
    </Page>
  );
}
