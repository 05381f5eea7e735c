import { CreateStaffUser, type Role, PASSWORD_MIN_LENGTH } from '@fund/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Select } from 'antd';
import { FormAlert } from '../../shared/FormAlert';
import { useTRPC } from '../../shared/trpc';
import { useSchemaForm } from '../../shared/use-schema-form';
import { STAFF_ROLE_OPTIONS } from './role-options';

type Values = { username?: string; displayName?: string; roles?: Role[]; password?: string };

export function CreateUserModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { form, general, validate, onValuesChange, showServerError } = useSchemaForm<Values, CreateStaffUser>(
    CreateStaffUser,
  );
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async () => {
        void message.success('账号已创建，请将初始密码当面或通过安全渠道告知本人，首次登录须修改密码');
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
        onClose();
      },
      onError: showServerError,
    }),
  );
  const onOk = () => {
    const input = validate();
    if (input) create.mutate(input);
  };
  return (
    <Modal
      open={open}
      title="新建工作人员账号"
      okText="创建"
      cancelText="取消"
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form name="createUser" form={form} layout="vertical" onValuesChange={onValuesChange} preserve={false}>
        <Form.Item label="用户名" name="username" required extra="4–32位英文字母、数字、下划线或点">
          <Input autoComplete="off" maxLength={32} />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" required>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label="角色" name="roles" required>
          <Select mode="multiple" options={STAFF_ROLE_OPTIONS} optionFilterProp="label" placeholder="可选择多个角色" />
        </Form.Item>
        <Form.Item
          label="初始密码"
          name="password"
          required
          extra={`至少${PASSWORD_MIN_LENGTH}位；本人首次登录时须修改`}
        >
          <Input.Password autoComplete="new-password" maxLength={64} />
        </Form.Item>
        <FormAlert messages={general} />
      </Form>
    </Modal>
  );
}
