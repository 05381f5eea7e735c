import {
  INDUSTRY_LABELS,
  SIZE_METRIC_LABELS,
  sizeMetricsFor,
  type IndustryKey,
  type SizeMetric,
} from '@fund/domain';
import { Alert, Col, Form, InputNumber, Row } from 'antd';
import { MoneyInput } from '../../shared/MoneyInput';

const FIELD: Record<SizeMetric, 'employees' | 'revenueFen' | 'totalAssetsFen'> = {
  employees: 'employees',
  revenue: 'revenueFen',
  totalAssets: 'totalAssetsFen',
};

/**
 * 从业人员 / 营业收入 / 资产总额 of one reporting year. Which of them the chosen industry is classified by comes from
 * the domain (`sizeMetricsFor`), and those are marked required; the size class itself is computed by the server.
 */
export function SizeDataFields() {
  const industry = Form.useWatch('industry') as IndustryKey | undefined;
  const used = new Set<SizeMetric>(industry ? sizeMetricsFor(industry) : []);
  const need = (m: SizeMetric) => used.has(m);
  return (
    <>
      {industry ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${INDUSTRY_LABELS[industry]}按「${[...used].map((m) => SIZE_METRIC_LABELS[m]).join('」和「')}」划分企业规模，请按上一年度数据如实填写。`}
        />
      ) : (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="请先选择所属行业，系统将提示需要填写哪些划型数据。"
        />
      )}
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Form.Item label="数据年度" name="reportingYear" required>
            <InputNumber min={2000} max={2100} precision={0} suffix="年" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label={SIZE_METRIC_LABELS.employees} name={FIELD.employees} required={need('employees')}>
            <InputNumber min={0} precision={0} suffix="人" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label={SIZE_METRIC_LABELS.revenue} name={FIELD.revenue} required={need('revenue')}>
            <MoneyInput />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            label={SIZE_METRIC_LABELS.totalAssets}
            name={FIELD.totalAssets}
            required={need('totalAssets')}
          >
            <MoneyInput />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
