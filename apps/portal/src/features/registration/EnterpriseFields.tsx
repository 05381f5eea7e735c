import { DISTRICT_LABELS, INDUSTRY_KEYS, INDUSTRY_LABELS } from '@fund/domain';
import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { UsccField } from './UsccField';

const industryOptions = INDUSTRY_KEYS.map((k) => ({ value: k, label: INDUSTRY_LABELS[k] }));
const districtOptions = Object.entries(DISTRICT_LABELS).map(([code, label]) => ({
  value: code,
  label: `${label}（${code}）`,
}));

export function EnterpriseFields({ onDispute }: { onDispute: (uscc: string) => void }) {
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <UsccField onDispute={onDispute} />
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="企业名称" name="name" required extra="与营业执照上的名称一致">
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="法定代表人" name="legalRepresentative" required>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="所属行业" name="industry" required>
          <Select
            options={industryOptions}
            placeholder="请选择所属行业"
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="成立日期" name="establishedOn" required>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          label="登记地"
          name="registeredDistrictCode"
          required
          extra="营业执照登记机关所在的县（市、区）"
        >
          <Select options={districtOptions} />
        </Form.Item>
      </Col>
    </Row>
  );
}
