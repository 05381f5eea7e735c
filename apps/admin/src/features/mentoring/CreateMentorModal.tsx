import { can, MentorProfileInput, PASSWORD_MIN_LENGTH } from '@fund/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, Divider, Form, Input, Modal, Radio, Row, Select } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../shared/auth';
import { FormAlert } from '../../shared/FormAlert';
import { useTRPC } from '../../shared/trpc';
import { useSchemaForm, type ToInput } from '../../shared/use-schema-form';
import type { SafeParser } from '../../shared/zod-form';
import { MentorProfileFields } from './MentorProfileFields';

type Values = {
  profile?: Record<string, unknown>;
  accountMode?: 'new' | 'existing';
  userId?: number;
  account?: { username?: string; displayName?: string; password?: string };
};

type CreateInput = { profile: unknown; userId?: number; account?: unknown };

/**
 * The profile is checked with the domain's MentorProfileInput here; the account part (CreateMentor) is declared with
 * the procedure, so the server checks it and its field errors land on these fields.
 */
const createParser: SafeParser<CreateInput> = {
  safeParse(value) {
    const v = value as CreateInput;
    const r = MentorProfileInput.safeParse(v.profile);
    if (r.success) return { success: true, data: { ...v, profile: r.data } };
    return {
      success: false,
      error: { issues: r.error.issues.map((i) => ({ path: ['profile', ...i.path], message: i.message })) },
    };
  },
};

const toInput: ToInput<Values> = ({ profile, accountMode, userId, account }) => ({
  input: {
    profile: { availability: 'accepting', ...profile },
    ...(accountMode === 'new' ? { account } : { userId }),
  },
});

/** 新建导师: a profile for an existing mentor account, or (administrators) together with a new account. */
export function CreateMentorModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const { me } = useAuth();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const isAdmin = !!me && can(me.roles, 'user.manage');
  const [mode, setMode] = useState<'new' | 'existing'>(isAdmin ? 'new' : 'existing');
  const { form, general, validate, onValuesChange, showServerError } = useSchemaForm<Values, CreateInput>(
    createParser,
    toInput,
  );
  // Only administrators may list accounts; others enter the account number an administrator gives them.
  const accounts = useQuery({
    ...trpc.users.list.queryOptions({ page: 1, pageSize: 100 }),
    enabled: open && isAdmin,
  });
  const mentorAccounts = (accounts.data?.items ?? [])
    .filter((u) => u.roles.includes('mentor') && !u.disabled)
    .map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }));
  const create = useMutation(
    trpc.mentoring.mentors.create.mutationOptions({
      onSuccess: async () => {
        void message.success(mode === 'new' ? '导师已创建，首次登录须修改初始密码' : '导师档案已建立');
        await queryClient.invalidateQueries({ queryKey: trpc.mentoring.pathKey() });
        onClose();
      },
      onError: showServerError,
    }),
  );
  const onOk = () => {
    const input = validate();
    if (input) create.mutate(input as Parameters<typeof create.mutate>[0]);
  };
  return (
    <Modal
      open={open}
      title="新建导师"
      okText="创建"
      cancelText="取消"
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={create.isPending}
      width={760}
      destroyOnHidden
    >
      <Form
        name="createMentor"
        form={form}
        layout="vertical"
        preserve={false}
        onValuesChange={(changed: Values) => {
          if (changed.accountMode) setMode(changed.accountMode);
          onValuesChange();
        }}
        initialValues={{ accountMode: mode, profile: { kind: 'entrepreneur', capacity: 3 } }}
      >
        <MentorProfileFields prefix={['profile']} />
        <Divider titlePlacement="start">登录账号</Divider>
        <Form.Item name="accountMode" label="导师账号">
          <Radio.Group
            options={[
              { value: 'new', label: '新建导师账号', disabled: !isAdmin },
              { value: 'existing', label: '使用已有的导师账号' },
            ]}
          />
        </Form.Item>
        {!isAdmin && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="新建登录账号需要管理员权限；请先由管理员建立具有“创业导师”角色的账号，再在此填写其账号编号。"
          />
        )}
        {mode === 'new' ? (
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label="用户名" name={['account', 'username']} required>
                <Input autoComplete="off" maxLength={32} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="账号姓名" name={['account', 'displayName']} required>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                label="初始密码"
                name={['account', 'password']}
                required
                extra={`至少${PASSWORD_MIN_LENGTH}位；首次登录须修改`}
              >
                <Input.Password autoComplete="new-password" maxLength={64} />
              </Form.Item>
            </Col>
          </Row>
        ) : isAdmin ? (
          <Form.Item label="导师账号" name="userId" required>
            <Select
              options={mentorAccounts}
              loading={accounts.isPending}
              placeholder="请选择具有“创业导师”角色的账号"
              notFoundContent="没有可选的导师账号"
            />
          </Form.Item>
        ) : (
          <Form.Item
            label="账号编号"
            name="userId"
            required
            normalize={(v: string) => (v ? Number(v) : undefined)}
          >
            <Input inputMode="numeric" style={{ width: 200 }} />
          </Form.Item>
        )}
        <FormAlert messages={general} />
      </Form>
    </Modal>
  );
}
