import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, List, Popconfirm, Select, Typography } from 'antd';
import { useState } from 'react';
import { FormAlert } from '../../shared/FormAlert';
import { readApiError } from '../../shared/errors';
import { useTRPC } from '../../shared/trpc';
import type { CentreDetail } from './types';

/** Adds and removes the centre's managers (accounts holding the 孵化载体管理员 role). Admin only. */
export function ManagersCard({ centre }: { centre: CentreDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [userId, setUserId] = useState<number | null>(null);
  const [error, setError] = useState<string[]>([]);
  // users.list pages at most 100; centre manager accounts are few, so one page is the roster.
  const users = useQuery(trpc.users.list.queryOptions({ page: 1, pageSize: 100 }));
  const assigned = new Set(centre.managers.map((m) => m.userId));
  const candidates = (users.data?.items ?? []).filter(
    (u) => u.roles.includes('centre_manager') && !u.disabled && !assigned.has(u.id),
  );
  const assign = useMutation(
    trpc.centres.assignManager.mutationOptions({
      onSuccess: async (_, input) => {
        void message.success(input.remove ? '已取消该管理员' : '已指定管理员');
        setUserId(null);
        setError([]);
        await queryClient.invalidateQueries({ queryKey: trpc.centres.pathKey() });
      },
      onError: (e) => setError([readApiError(e).message]),
    }),
  );

  return (
    <Card title="管理员" size="small" style={{ marginTop: 16 }}>
      <List
        size="small"
        dataSource={centre.managers}
        locale={{ emptyText: '尚未指定管理员' }}
        renderItem={(m) => (
          <List.Item
            actions={[
              <Popconfirm
                key="remove"
                title={`取消 ${m.displayName} 对本中心的管理权限？`}
                okText="取消管理权限"
                cancelText="保留"
                onConfirm={() => assign.mutate({ centreId: centre.id, userId: m.userId, remove: true })}
              >
                <Button type="link" danger size="small" disabled={assign.isPending}>
                  移除
                </Button>
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              title={m.displayName}
              description={`账号 ${m.username} · ${m.assignedAt.slice(0, 10)} 指定`}
            />
          </List.Item>
        )}
      />
      <Form layout="vertical" style={{ marginTop: 12 }} onFinish={() => undefined}>
        <Form.Item
          label="添加管理员"
          htmlFor="centre-manager-pick"
          extra="只列出具有“孵化载体管理员”角色的账号；没有合适的账号请先在用户管理中创建或授予角色"
          style={{ marginBottom: 8 }}
        >
          <Flex gap={8}>
            <Select<number>
              id="centre-manager-pick"
              style={{ flex: 1 }}
              value={userId ?? undefined}
              onChange={(v) => setUserId(v ?? null)}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={users.isFetching}
              placeholder="选择账号"
              notFoundContent={users.isError ? readApiError(users.error).message : '没有可添加的管理员账号'}
              options={candidates.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
            />
            <Button
              type="primary"
              disabled={userId === null}
              loading={assign.isPending}
              onClick={() => {
                if (userId !== null) assign.mutate({ centreId: centre.id, userId });
              }}
            >
              添加
            </Button>
          </Flex>
        </Form.Item>
        <FormAlert messages={error} />
        {centre.managers.length === 0 && (
          <Typography.Text type="warning">未指定管理员的中心无人能登记台账。</Typography.Text>
        )}
      </Form>
    </Card>
  );
}
