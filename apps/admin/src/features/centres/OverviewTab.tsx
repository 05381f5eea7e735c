import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Row, Table, Tag } from 'antd';
import { useState } from 'react';
import { CentreFormModal } from './CentreFormModal';
import { ManagersCard } from './ManagersCard';
import type { CentreDetail } from './types';

const FACILITY_KIND_LABELS: Record<CentreDetail['facilities'][number]['kind'], string> = {
  broadband: '宽带网络',
  equipment: '共享设备',
};

/** `manageable`: the user may edit the centre and assign its managers (centre.manage). */
export function OverviewTab({ centre, manageable = false }: { centre: CentreDetail; manageable?: boolean }) {
  const [editing, setEditing] = useState(false);
  return (
    <Row gutter={16}>
      <Col xs={24} lg={10}>
        <Card
          title="基本信息"
          size="small"
          extra={
            manageable && (
              <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                编辑
              </Button>
            )
          }
        >
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'kind', label: '载体类型', children: centre.kindLabel },
              { key: 'addr', label: '地址', children: centre.address },
              { key: 'op', label: '运营单位', children: centre.operator },
              {
                key: 'payee',
                label: '收款单位',
                children: centre.operatorEnterpriseId ? (
                  '运营单位（已登记企业）'
                ) : (
                  <Tag color="warning">未关联已登记企业</Tag>
                ),
              },
              {
                key: 'area',
                label: '面积',
                children: `${centre.floorAreaM2.toLocaleString('zh-CN')} 平方米`,
              },
              {
                key: 'rec',
                label: '认定',
                children: centre.recognised
                  ? `${centre.recognitionLevelLabel}（${centre.recognisedOn} 认定）`
                  : '未认定',
              },
            ]}
          />
        </Card>
        {manageable && <ManagersCard centre={centre} />}
        {manageable && <CentreFormModal open={editing} onClose={() => setEditing(false)} centre={centre} />}
      </Col>
      <Col xs={24} lg={14}>
        <Card title="服务设施" size="small">
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={centre.facilities}
            locale={{ emptyText: '尚未登记设施' }}
            columns={[
              {
                title: '类型',
                dataIndex: 'kind',
                width: 100,
                render: (k: keyof typeof FACILITY_KIND_LABELS) => FACILITY_KIND_LABELS[k],
              },
              { title: '名称', dataIndex: 'name', width: 150 },
              { title: '说明', dataIndex: 'description' },
              { title: '数量', dataIndex: 'quantity', width: 70, align: 'right' },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
