import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { FormAlert } from '../../shared/FormAlert';
import { useTRPC } from '../../shared/trpc';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import { useSchemaForm, type ToInput } from '../../shared/use-schema-form';
import {
  CENTRE_KIND_OPTIONS,
  CentreForm,
  FACILITY_KIND_OPTIONS,
  RECOGNITION_LEVEL_OPTIONS,
  fitsCreate,
  fitsUpdate,
} from './centre-schema';
import type { CentreDetail } from './types';

type FacilityValues = { kind?: string; name?: string; description?: string; quantity?: number | null };
type Values = {
  name?: string;
  kind?: string;
  address?: string;
  operator?: string;
  operatorEnterpriseId?: number | null;
  floorAreaM2?: number | null;
  recognitionLevel?: string | null;
  recognisedOn?: Dayjs | null;
  facilities?: FacilityValues[];
};

const toInput: ToInput<Values> = (v) => ({
  input: {
    name: v.name,
    kind: v.kind,
    address: v.address,
    operator: v.operator,
    operatorEnterpriseId: v.operatorEnterpriseId ?? null,
    floorAreaM2: v.floorAreaM2 ?? undefined,
    recognitionLevel: v.recognitionLevel ?? null,
    recognisedOn: v.recognisedOn ? v.recognisedOn.format('YYYY-MM-DD') : null,
    facilities: (v.facilities ?? []).map((f) => ({
      kind: f.kind,
      name: f.name,
      description: f.description ?? '',
      quantity: f.quantity ?? undefined,
    })),
  },
});

function initialValues(c: CentreDetail | undefined): Values {
  if (!c) return { facilities: [], operatorEnterpriseId: null, recognitionLevel: null };
  return {
    name: c.name,
    kind: c.kind,
    address: c.address,
    operator: c.operator,
    operatorEnterpriseId: c.operatorEnterpriseId,
    floorAreaM2: c.floorAreaM2,
    recognitionLevel: c.recognitionLevel,
    recognisedOn: c.recognisedOn ? dayjs(c.recognisedOn) : null,
    facilities: c.facilities.map((f) => ({
      kind: f.kind,
      name: f.name,
      description: f.description,
      quantity: f.quantity,
    })),
  };
}

/** The payee picker: registered enterprises found by name or 统一社会信用代码. */
function OperatorEnterpriseSelect({
  value,
  onChange,
  id,
}: {
  value?: number | null;
  onChange?: (v: number | null) => void;
  id?: string;
}) {
  const trpc = useTRPC();
  const [q, setQ] = useState('');
  const debounced = useDebouncedValue(q.trim(), 300);
  const found = useQuery(
    trpc.enterprises.list.queryOptions({ q: debounced || undefined, page: 1, pageSize: 20 }),
  );
  const current = useQuery({
    ...trpc.enterprises.get.queryOptions({ id: value ?? 0 }),
    enabled: typeof value === 'number' && value > 0,
  });
  const options = useMemo(() => {
    const list = (found.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.uscc}）` }));
    if (current.data && !list.some((o) => o.value === current.data.id)) {
      list.unshift({ value: current.data.id, label: `${current.data.name}（${current.data.uscc}）` });
    }
    return list;
  }, [found.data, current.data]);
  return (
    <Select<number>
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      options={options}
      loading={found.isFetching}
      placeholder="输入企业名称或统一社会信用代码搜索"
      notFoundContent={found.isFetching ? '正在搜索…' : '未找到已登记的企业'}
    />
  );
}

export function CentreFormModal({
  open,
  onClose,
  centre,
}: {
  open: boolean;
  onClose: () => void;
  /** Absent: register a new centre. */
  centre?: CentreDetail;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { form, general, validate, onValuesChange, showServerError } = useSchemaForm<Values, CentreForm>(
    CentreForm,
    toInput,
  );
  const done = async (text: string) => {
    void message.success(text);
    await queryClient.invalidateQueries({ queryKey: trpc.centres.pathKey() });
    onClose();
  };
  const create = useMutation(
    trpc.centres.create.mutationOptions({
      onSuccess: async ({ id }) => {
        await done('中心已登记');
        void navigate(`/centres/${id}`);
      },
      onError: showServerError,
    }),
  );
  const update = useMutation(
    trpc.centres.update.mutationOptions({
      onSuccess: () => done('中心信息已保存'),
      onError: showServerError,
    }),
  );
  const pending = create.isPending || update.isPending;

  return (
    <Modal
      open={open}
      title={centre ? `编辑中心信息：${centre.name}` : '新建中心'}
      okText={centre ? '保存' : '登记'}
      cancelText="取消"
      width={760}
      onOk={() => {
        const v = validate();
        if (!v) return;
        if (centre) update.mutate(fitsUpdate(v, centre.id));
        else create.mutate(fitsCreate(v));
      }}
      onCancel={onClose}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Form
        name={centre ? 'editCentre' : 'createCentre'}
        form={form}
        layout="vertical"
        onValuesChange={onValuesChange}
        preserve={false}
        initialValues={initialValues(centre)}
      >
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item label="中心名称" name="name" required>
              <Input maxLength={100} placeholder="如 洞庭创业创新中心" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item label="载体类型" name="kind" required>
              <Select options={[...CENTRE_KIND_OPTIONS]} placeholder="请选择" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item label="地址" name="address" required>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item label="运营单位" name="operator" required extra="运营单位的名称，按营业执照填写">
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item label="面积（平方米）" name="floorAreaM2" required>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              label="收款单位（已登记企业）"
              name="operatorEnterpriseId"
              extra="服务补助支付给运营单位，须先在企业库登记；尚未登记可留空，申报前再补"
            >
              <OperatorEnterpriseSelect />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="认定级别" name="recognitionLevel" extra="未认定的留空">
              <Select options={[...RECOGNITION_LEVEL_OPTIONS]} allowClear placeholder="未认定" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label="认定日期" name="recognisedOn" extra="与认定级别同时填写或同时留空">
              <DatePicker style={{ width: '100%' }} placeholder="请选择日期" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          服务设施
        </Typography.Title>
        <Form.List name="facilities">
          {(fields, { add, remove }) => (
            <>
              {fields.map(({ key, name }, i) => (
                <Row gutter={8} key={key} align="top">
                  <Col span={5}>
                    <Form.Item label={`设施 ${i + 1} 类型`} name={[name, 'kind']} required>
                      <Select options={[...FACILITY_KIND_OPTIONS]} placeholder="请选择" />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item label="名称" name={[name, 'name']} required>
                      <Input maxLength={100} aria-label={`设施 ${i + 1} 名称`} />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item label="说明" name={[name, 'description']}>
                      <Input maxLength={500} placeholder="选填" aria-label={`设施 ${i + 1} 说明`} />
                    </Form.Item>
                  </Col>
                  <Col span={3}>
                    <Form.Item label="数量" name={[name, 'quantity']}>
                      <InputNumber
                        min={0}
                        precision={0}
                        style={{ width: '100%' }}
                        aria-label={`设施 ${i + 1} 数量`}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <Form.Item label=" " colon={false}>
                      <Button
                        type="text"
                        danger
                        icon={<MinusCircleOutlined />}
                        aria-label={`删除设施 ${i + 1}`}
                        title="删除此项设施"
                        onClick={() => remove(name)}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Form.Item>
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ kind: 'broadband', name: '', description: '', quantity: 1 })}
                  block
                >
                  添加设施
                </Button>
              </Form.Item>
            </>
          )}
        </Form.List>
        <FormAlert messages={general} />
      </Form>
    </Modal>
  );
}
