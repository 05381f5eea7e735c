import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { LOAN_MODE_LABELS, MILESTONE_LABELS, type LoanMode, type MilestoneKind } from '@fund/domain';
import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { MoneyInput } from '../../shared/MoneyInput';
import type { ApplicationKind } from './application-form';

const dateProps = { style: { width: '100%' }, format: 'YYYY-MM-DD', placeholder: '选择日期' } as const;

type Column = { key: string; title: string; render: (name: number, index: number) => ReactNode };

/** An editable table over a Form.List: one row per item, inputs labelled for screen readers and tests. */
function ListTable({
  name,
  columns,
  addText,
  emptyRow,
}: {
  name: string;
  columns: Column[];
  addText: string;
  emptyRow: object;
}) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          <Table
            size="small"
            bordered
            pagination={false}
            rowKey="key"
            dataSource={fields}
            locale={{ emptyText: '尚未填写，请点击下方按钮添加' }}
            columns={[
              { key: 'no', title: '序号', width: 56, render: (_, __, i) => i + 1 },
              ...columns.map((c) => ({
                key: c.key,
                title: c.title,
                render: (_: unknown, f: (typeof fields)[number], i: number) => c.render(f.name, i),
              })),
              {
                key: 'op',
                title: '操作',
                width: 72,
                render: (_: unknown, f: (typeof fields)[number], i: number) => (
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`删除第 ${i + 1} 行`}
                    onClick={() => remove(f.name)}
                  />
                ),
              },
            ]}
          />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => add(emptyRow)}
            style={{ marginTop: 8, marginBottom: 16 }}
          >
            {addText}
          </Button>
        </>
      )}
    </Form.List>
  );
}

const cell = { style: { margin: 0 } } as const;

function LoanFields({ mode }: { mode: LoanMode }) {
  return (
    <>
      <Typography.Paragraph type="secondary">
        本项目贴息方式：{LOAN_MODE_LABELS[mode]}。请按借款合同和借款借据如实填写。
      </Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="bankName" label="贷款银行" required extra="填写放款银行，如：中国建设银行岳阳分行">
            <Input maxLength={60} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="contractNo" label="贷款合同编号" required>
            <Input maxLength={64} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="contractSignedOn" label="签约日期" required extra="按签约日适用的一年期 LPR 计算">
            <DatePicker {...dateProps} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="maturityOn" label="到期日" required>
            <DatePicker {...dateProps} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="principalFen" label="贷款本金" required extra="可填元或万元，如 200000 或 20万">
            <MoneyInput />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="contractRatePct" label="合同利率" required extra="年利率，填百分数，如 3.95">
            <Input suffix="%" inputMode="decimal" autoComplete="off" placeholder="如 3.95" />
          </Form.Item>
        </Col>
      </Row>
      {mode === 'lpr-spread' ? (
        <Form.Item
          label="还款分段（未偿本金）"
          required
          extra="按未偿本金不变的期间分段填写：开始日计息，结束日不计息（算头不算尾）；有提前还款的，从还款日起另起一段。"
        >
          <ListTable
            name="segments"
            addText="添加一段"
            emptyRow={{}}
            columns={[
              {
                key: 'p',
                title: '未偿本金',
                render: (n, i) => (
                  <Form.Item name={[n, 'principalFen']} {...cell}>
                    <MoneyInput aria-label={`第 ${i + 1} 段未偿本金`} />
                  </Form.Item>
                ),
              },
              {
                key: 's',
                title: '开始日期',
                render: (n, i) => (
                  <Form.Item name={[n, 'start']} {...cell}>
                    <DatePicker {...dateProps} aria-label={`第 ${i + 1} 段开始日期`} />
                  </Form.Item>
                ),
              },
              {
                key: 'e',
                title: '结束日期（不含当日）',
                render: (n, i) => (
                  <Form.Item name={[n, 'endExclusive']} {...cell}>
                    <DatePicker {...dateProps} aria-label={`第 ${i + 1} 段结束日期`} />
                  </Form.Item>
                ),
              },
            ]}
          />
        </Form.Item>
      ) : (
        <Form.Item
          label="实付利息"
          required
          extra="按银行付息凭证逐笔填写每次付息对应的计息期间和实付利息金额。"
        >
          <ListTable
            name="interestPayments"
            addText="添加一笔付息"
            emptyRow={{}}
            columns={[
              {
                key: 's',
                title: '计息开始日期',
                render: (n, i) => (
                  <Form.Item name={[n, 'periodStart']} {...cell}>
                    <DatePicker {...dateProps} aria-label={`第 ${i + 1} 笔计息开始日期`} />
                  </Form.Item>
                ),
              },
              {
                key: 'e',
                title: '计息结束日期（不含当日）',
                render: (n, i) => (
                  <Form.Item name={[n, 'periodEndExclusive']} {...cell}>
                    <DatePicker {...dateProps} aria-label={`第 ${i + 1} 笔计息结束日期`} />
                  </Form.Item>
                ),
              },
              {
                key: 'p',
                title: '实付利息',
                render: (n, i) => (
                  <Form.Item name={[n, 'interestPaidFen']} {...cell}>
                    <MoneyInput aria-label={`第 ${i + 1} 笔实付利息`} />
                  </Form.Item>
                ),
              },
            ]}
          />
        </Form.Item>
      )}
    </>
  );
}

function MilestoneFields({ kind }: { kind: MilestoneKind | undefined }) {
  switch (kind) {
    case 'equity-financing':
      return (
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="financingFen" label="融资金额" required extra="实际到账金额，可填元或万元">
              <MoneyInput />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="financedOn" label="融资到账日期" required>
              <DatePicker {...dateProps} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="investorName" label="投资方名称" required extra="与投资协议一致">
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      );
    case 'revenue':
      return (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="revenueYear" label="营业收入所属年度" required>
              <InputNumber
                min={2000}
                max={2100}
                precision={0}
                style={{ width: '100%' }}
                placeholder="如 2025"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="revenueFen" label="营业收入" required extra="以审计报告为准，可填元或万元">
              <MoneyInput />
            </Form.Item>
          </Col>
        </Row>
      );
    case 'jobs':
      return (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="baselineOn" label="基准日期" required extra="加入项目时">
              <DatePicker {...dateProps} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="employeesBefore" label="基准日从业人员（人）" required>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="measuredOn" label="统计日期" required>
              <DatePicker {...dateProps} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="employeesAfter" label="现有从业人员（人）" required extra="以社保缴纳名单为准">
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      );
    case 'patents':
      return (
        <Form.Item name="patentNumbers" label="授权发明专利号" required extra="每行一个，如 ZL202310123456.7">
          <Input.TextArea rows={4} />
        </Form.Item>
      );
    case undefined:
      return null;
    default:
      return kind satisfies never;
  }
}

function AwardFields({ kinds }: { kinds: readonly MilestoneKind[] }) {
  const kind = Form.useWatch('kind') as MilestoneKind | undefined;
  return (
    <>
      <Form.Item name="kind" label="里程碑类型" required style={{ maxWidth: 400 }}>
        <Select placeholder="请选择" options={kinds.map((k) => ({ value: k, label: MILESTONE_LABELS[k] }))} />
      </Form.Item>
      <MilestoneFields kind={kind} />
    </>
  );
}

/** The application's own fields, by scheme (and the programme's loan mode or milestone kinds). */
export function ApplicationFields({
  kind,
  milestoneKinds = [],
}: {
  kind: ApplicationKind;
  milestoneKinds?: readonly MilestoneKind[];
}) {
  return kind.scheme === 'loan' ? <LoanFields mode={kind.mode} /> : <AwardFields kinds={milestoneKinds} />;
}
