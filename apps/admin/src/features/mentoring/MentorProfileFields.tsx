import { MAX_MENTOR_CAPACITY } from '@fund/domain';
import { Checkbox, Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { industryOptions, kindOptions, topicOptions } from './options';

/** The fields of `MentorProfileInput`, under `prefix` (e.g. ['profile'] in 新建导师). */
export function MentorProfileFields({ prefix = [] }: { prefix?: string[] }) {
  const n = (name: string): string[] => [...prefix, name];
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item label="导师姓名" name={n('name')} required>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="导师类型" name={n('kind')} required>
          <Radio.Group options={kindOptions} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="工作单位" name={n('organisation')} required>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item label="职务或职称" name={n('title')}>
          <Input maxLength={50} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item label="擅长行业" name={n('industries')} required extra="最多 5 个">
          <Select
            mode="multiple"
            options={industryOptions}
            placeholder="请选择擅长行业"
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item label="辅导主题" name={n('topics')} required>
          <Checkbox.Group options={topicOptions} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          label="可带教人数"
          name={n('capacity')}
          required
          extra={`同时在带和待确认的学员合计不超过此数（最多 ${MAX_MENTOR_CAPACITY} 人）`}
        >
          <InputNumber
            min={1}
            max={MAX_MENTOR_CAPACITY}
            precision={0}
            style={{ width: 160 }}
            addonAfter="人"
          />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item label="个人简介" name={n('bio')}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Col>
    </Row>
  );
}
