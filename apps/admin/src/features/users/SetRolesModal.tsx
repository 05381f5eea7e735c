import { SetRoles, type Role } from '@fund/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Modal, Select } from 'antd';
import type { StaffUser } from '../../shared/api-types';
import { FormAlert } from '../../shared/FormAlert';
import { useTRPC } from '../../shared/trpc';
import { useSchemaForm, type ToInput } from '../../shared/use-schema-form';
import { STAFF_ROLE_OPTIONS } from './role-options';

type Values = { roles?: Role[] };

export function SetRolesModal({ user, onClose }: { user: StaffUser | null; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const toInput: ToInput<Values> = (v) => ({ input: { userId: user?.id, roles: v.roles } });
  const { form, general, validate, onValuesChange, showServerError } = useSchemaForm<Values, SetRoles>(
    SetRoles,
    toInput,
  );
  const setRoles = useMutation(
    trpc.users.setRoles.mutationOptions({
      onSuccess: async () => {
        void message.success('角色已更新');
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
        onClose();
      },
      onError: showServerError,
    }),
  );
  const onOk = () => {
    const input = validate();
    if (input) setRoles.mutate(input);
  };
  return (
    <Modal
      open={user !== null}
      title={user ? `设置角色：${user.displayName}（${user.username}）` : '设置角色'}
      okText="保存"
      cancelText="取消"
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={setRoles.isPending}
      destroyOnHidden
    >
      <Form
        name="setRoles"
        form={form}
        layout="vertical"
        onValuesChange={onValuesChange}
        preserve={false}
        initialValues={{ roles: user?.roles }}
      >
        <Form.Item label="角色" name="roles" required>
          <Select mode="multiple" options={STAFF_ROLE_OPTIONS} optionFilterProp="label" />
        </Form.Item>
        <FormAlert messages={general} />
      </Form>
    </Modal>
  );
}
