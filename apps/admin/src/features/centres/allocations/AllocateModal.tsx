import {
  ALLOCATION_TERMS_LABELS,
  AllocateWorkstation,
  OCCUPANT_TYPE_LABELS,
  type AllocationTerms,
  type OccupantType,
} from '@fund/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, DatePicker, Form, Input, Modal, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { FormAlert } from '../../../shared/FormAlert';
import { useTRPC } from '../../../shared/trpc';
import { useSchemaForm, type ToInput } from '../../../shared/use-schema-form';

type Values = {
  workstationId?: number;
  occupant?: {
    type?: OccupantType;
    teamName?: string;
    contactName?: string;
    school?: string;
    idNumber?: string;
    mobile?: string;
  };
  terms?: AllocationTerms;
  startsOn?: Dayjs | null;
  endsOn?: Dayjs | null;
};

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

const toInput: ToInput<Values> = (v) => ({
  input: {
    workstationId: v.workstationId,
    occupant: v.occupant,
    terms: v.terms,
    startsOn: day(v.startsOn),
    endsOn: day(v.endsOn) ?? null,
  },
});

/**
 * Allocates a vacant workstation. Walk-in teams are registered here (ID number and mobile are stored encrypted and
 * shown masked); registered enterprises and founders are allocated by USCC or ID number through 批量导入, because a
 * centre manager does not browse the district's enterprise and founder registers.
 */
export function AllocateModal({
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
    AllocateWorkstation
  >(AllocateWorkstation, toInput);
  const type = Form.useWatch(['occupant', 'type'], form) as OccupantType | undefined;
  const vacant = useQuery({
    ...trpc.centres.workstations.list.queryOptions({ centreId, status: 'vacant', pageSize: 100 }),
    enabled: open,
  });
  const allocate = useMutation(
    trpc.centres.allocations.allocate.mutationOptions({
      onSuccess: async () => {
        void message.success('工位已分配');
        await queryClient.invalidateQueries({ queryKey: trpc.centres.pathKey() });
        onClose();
      },
      onError: showServerError,
    }),
  );
  const options = (vacant.data?.items ?? []).map((w) => ({
    value: w.id,
    label: `${w.code} · ${w.designationLabel} · ${w.zone}`,
    designation: w.designation,
  }));
  return (
    <Modal
      open={open}
      title="分配工位"
      okText="分配"
      cancelText="取消"
      width={640}
      onOk={() => {
        if (type !== 'team') return;
        const allocation = validate();
        if (allocation) allocate.mutate({ centreId, allocation });
      }}
      okButtonProps={{ disabled: type !== 'team' }}
      onCancel={onClose}
      confirmLoading={allocate.isPending}
      destroyOnHidden
    >
      <Form
        name="allocate"
        form={form}
        layout="vertical"
        onValuesChange={(changed: Values) => {
          if (changed.workstationId !== undefined) {
            const picked = options.find((o) => o.value === changed.workstationId);
            if (picked) form.setFieldValue('terms', picked.designation);
          }
          onValuesChange();
        }}
        preserve={false}
        initialValues={{ occupant: { type: 'team' }, terms: 'free', startsOn: dayjs() }}
      >
        <Form.Item label="工位" name="workstationId" required extra="只列出今日空置的工位，可输入编号搜索">
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={vacant.isFetching}
            options={options}
            placeholder="选择空置工位"
            notFoundContent="没有空置工位"
          />
        </Form.Item>
        <Form.Item label="入驻对象类型" name={['occupant', 'type']} required>
          <Radio.Group
            options={Object.entries(OCCUPANT_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        {type === 'team' ? (
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item label="团队名称" name={['occupant', 'teamName']} required>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="所在学校" name={['occupant', 'school']} required>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item label="联系人姓名" name={['occupant', 'contactName']} required>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item
                label="联系人身份证号"
                name={['occupant', 'idNumber']}
                required
                extra="加密保存，列表中只显示脱敏号码"
              >
                <Input maxLength={18} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item label="联系人手机号" name={['occupant', 'mobile']} required>
                <Input maxLength={11} inputMode="tel" autoComplete="off" />
              </Form.Item>
            </Col>
          </Row>
        ) : (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="已注册的企业和个人创业者请通过「批量导入」登记入驻"
            description="在工位分配模板中填写统一社会信用代码或身份证号，系统按注册信息核对后分配；一行一个工位，可一次导入多行。"
          />
        )}
        <Form.Item label="使用方式" name="terms" required>
          <Radio.Group
            options={Object.entries(ALLOCATION_TERMS_LABELS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label="开始日期" name="startsOn" required>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="结束日期" name="endsOn" extra="留空表示长期">
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <FormAlert messages={general} />
      </Form>
    </Modal>
  );
}
