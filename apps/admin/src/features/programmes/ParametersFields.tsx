import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { LoanMode, Scheme } from '@fund/domain';
import { MILESTONE_LABELS } from '@fund/domain';
import { Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { MoneyInput } from '../../shared/MoneyInput';
import { fieldsFor, MILESTONE_OBJECTS, type ParamField } from './parameters-form';

const P = 'parameters';

/** Form.Item injects `value`/`onChange` into its child: they are passed on to the control. */
function FieldInput({
  f,
  ...control
}: {
  f: ParamField;
  value?: unknown;
  onChange?: (v: unknown) => void;
  id?: string;
}) {
  switch (f.kind) {
    case 'money':
      return (
        <MoneyInput {...(control as object)} placeholder={f.nullable ? '留空表示不设上限' : '如 100万'} />
      );
    case 'int':
      return (
        <InputNumber
          {...(control as object)}
          precision={0}
          min={0}
          style={{ width: '100%' }}
          suffix={f.suffix}
          placeholder={f.nullable ? '留空表示不设' : undefined}
        />
      );
    case 'pct':
      return <Input {...(control as object)} suffix={f.suffix ?? '%'} inputMode="decimal" />;
    case 'multi':
      return (
        <Select
          {...(control as object)}
          mode="multiple"
          options={f.options}
          allowClear
          placeholder="请选择"
        />
      );
    case 'dayBasis':
      return (
        <Select
          {...(control as object)}
          options={[
            { value: 360, label: '360 天（人民银行计息规则）' },
            { value: 365, label: '365 天' },
          ]}
        />
      );
    case 'districts':
      return (
        <Select
          {...(control as object)}
          mode="tags"
          tokenSeparators={[',', '，', ' ']}
          placeholder="如 430602"
        />
      );
    default:
      return f.kind satisfies never;
  }
}

/** The parameter inputs of one scheme (and loan mode), named `parameters.*` like the domain schema. */
export function ParametersFields({ scheme, mode }: { scheme: Scheme; mode: LoanMode }) {
  const fields = fieldsFor(scheme, mode);
  return (
    <>
      <Row gutter={16}>
        {fields.map((f) => (
          <Col key={f.name} xs={24} md={f.kind === 'multi' || f.kind === 'districts' ? 24 : 12}>
            <Form.Item label={f.label} name={[P, f.name]} extra={f.help}>
              <FieldInput f={f} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      {scheme === 'award-in-lieu-of-investment' && (
        <>
          <Typography.Title level={5}>股权融资奖励档位</Typography.Title>
          <Form.List name={[P, 'financingTiers']}>
            {(rows, { add, remove }) => (
              <>
                {rows.map((row, i) => (
                  <Flex key={row.key} gap={8} align="flex-start" wrap>
                    <Form.Item
                      label={i === 0 ? '融资额不低于' : undefined}
                      name={[row.name, 'fromFen']}
                      style={{ flex: 1 }}
                    >
                      <MoneyInput aria-label={`第${i + 1}档下限`} />
                    </Form.Item>
                    <Form.Item
                      label={i === 0 ? '融资额低于（末档可留空）' : undefined}
                      name={[row.name, 'toFenExclusive']}
                      style={{ flex: 1 }}
                    >
                      <MoneyInput aria-label={`第${i + 1}档上限`} placeholder="留空表示不设上限" />
                    </Form.Item>
                    <Form.Item
                      label={i === 0 ? '奖励金额' : undefined}
                      name={[row.name, 'awardFen']}
                      style={{ flex: 1 }}
                    >
                      <MoneyInput aria-label={`第${i + 1}档奖励`} />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={`删除第${i + 1}档`}
                      onClick={() => remove(row.name)}
                      style={{ marginTop: i === 0 ? 30 : 0 }}
                    />
                  </Flex>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ fromFen: '', toFenExclusive: '', awardFen: '' })}
                  style={{ marginBottom: 16 }}
                >
                  添加档位
                </Button>
              </>
            )}
          </Form.List>
          <Typography.Title level={5}>其他里程碑（选择对应类型时必填）</Typography.Title>
          <Row gutter={16}>
            {MILESTONE_OBJECTS.map((m) => (
              <Col key={m.name} xs={24} md={8}>
                <Card size="small" title={MILESTONE_LABELS[m.kind]} style={{ marginBottom: 16 }}>
                  <Form.Item label={m.countLabel} name={[P, m.name, m.count]}>
                    {m.countKind === 'money' ? (
                      <MoneyInput />
                    ) : (
                      <InputNumber precision={0} min={1} style={{ width: '100%' }} />
                    )}
                  </Form.Item>
                  <Form.Item label="奖励金额" name={[P, m.name, 'awardFen']}>
                    <MoneyInput />
                  </Form.Item>
                </Card>
              </Col>
            ))}
          </Row>
        </>
      )}
      <Typography.Title level={5}>申报材料清单</Typography.Title>
      <Form.List name={[P, 'requiredDocuments']}>
        {(rows, { add, remove }) => (
          <>
            {rows.map((row, i) => (
              <Flex key={row.key} gap={8} align="flex-start" wrap>
                <Form.Item
                  label={i === 0 ? '材料名称' : undefined}
                  name={[row.name, 'label']}
                  style={{ flex: 3, minWidth: 240 }}
                >
                  <Input aria-label={`第${i + 1}项材料名称`} maxLength={60} />
                </Form.Item>
                <Form.Item
                  label={i === 0 ? '材料代码' : undefined}
                  name={[row.name, 'key']}
                  style={{ flex: 2, minWidth: 160 }}
                >
                  <Input aria-label={`第${i + 1}项材料代码`} placeholder="如 loan-contract" maxLength={40} />
                </Form.Item>
                <Form.Item
                  label={i === 0 ? '是否必交' : undefined}
                  name={[row.name, 'required']}
                  valuePropName="checked"
                >
                  <Checkbox>必交</Checkbox>
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={`删除第${i + 1}项材料`}
                  onClick={() => remove(row.name)}
                  style={{ marginTop: i === 0 ? 30 : 0 }}
                />
              </Flex>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ key: '', label: '', required: true })}>
              添加材料
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}
