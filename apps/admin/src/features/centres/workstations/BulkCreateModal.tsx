import {
  BulkWorkstationInput,
  parseBulkCodes,
  WORKSTATION_DESIGNATION_LABELS,
  WORKSTATION_KIND_LABELS,
  type WorkstationDesignation,
  type WorkstationKind,
} from '@fund/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { FormAlert } from '../../../shared/FormAlert';
import { moneyField } from '../../../shared/money';
import { MoneyInput } from '../../../shared/MoneyInput';
import { useTRPC } from '../../../shared/trpc';
import { useSchemaForm, type ToInput } from '../../../shared/use-schema-form';

type Values = {
  codes?: string;
  zone?: string;
  kind?: WorkstationKind;
  designation?: WorkstationDesignation;
  monthlyRentFen?: string;
};

const toInput: ToInput<Values> = (v) => {
  const rent =
    v.designation === 'free' && !v.monthlyRentFen
      ? { fen: 0, error: null }
      : moneyField(v.monthlyRentFen, ['monthlyRentFen']);
  return {
    input: {
      codes: v.codes ?? '',
      zone: v.zone,
      kind: v.kind,
      designation: v.designation,
      monthlyRentFen: rent.fen,
    },
    errors: rent.error ? [rent.error] : [],
  };
};

function codeCount(text: string | undefined): string | null {
  if (!text?.trim()) return null;
  try {
    const codes = parseBulkCodes(text);
    return `将新增 ${codes.length} 个：${codes[0]}${codes.length > 1 ? ` … ${codes[codes.length - 1]}` : ''}`;
  } catch (e) {
    return e instanceof Error ? e.message : null;
  }
}

export function BulkCreateModal({
  centreId,
  open,
  onClose,
}: {
  centreId: number;
  open: boolean;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { form, general, validate, onValuesChange, showServerError } = useSchemaForm<
    Values,
    BulkWorkstationInput
  >(BulkWorkstationInput, toInput);
  const codes = Form.useWatch('codes', form);
  const create = useMutation(
    trpc.centres.workstations.bulkCreate.mutationOptions({
      onSuccess: async (r) => {
        void message.success(`已新增 ${r.created} 个工位`);
        await queryClient.invalidateQueries({ queryKey: trpc.centres.pathKey() });
        onClose();
      },
      onError: showServerError,
    }),
  );
  return (
    <Modal
      open={open}
      title="批量新增工位"
      okText="新增"
      cancelText="取消"
      onOk={() => {
        const bulk = validate();
        if (bulk) create.mutate({ centreId, bulk });
      }}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        name="bulkWorkstations"
        form={form}
        layout="vertical"
        onValuesChange={onValuesChange}
        preserve={false}
        initialValues={{ kind: 'open-desk', designation: 'free' }}
      >
        <Form.Item
          label="工位编号"
          name="codes"
          required
          extra={codeCount(codes) ?? '范围或列表，如 A-001…A-120、A-001~A-010、B-001, B-005'}
        >
          <Input.TextArea rows={2} placeholder="A-001…A-120" />
        </Form.Item>
        <Form.Item label="所在区域" name="zone" required>
          <Input maxLength={50} placeholder="如 三楼开放办公区" />
        </Form.Item>
        <Form.Item label="工位类型" name="kind" required>
          <Select
            options={Object.entries(WORKSTATION_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item label="工位性质" name="designation" required>
          <Radio.Group
            options={Object.entries(WORKSTATION_DESIGNATION_LABELS).map(([value, label]) => ({
              value,
              label,
            }))}
          />
        </Form.Item>
        <Form.Item
          label="月租金"
          name="monthlyRentFen"
          extra="免费工位可留空（按 0 元）；优惠工位填写优惠后的月租金"
          htmlFor="bulk-rent"
        >
          <MoneyInput id="bulk-rent" />
        </Form.Item>
        <FormAlert messages={general} />
      </Form>
    </Modal>
  );
}
