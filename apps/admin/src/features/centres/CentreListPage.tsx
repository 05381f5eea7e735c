import { can } from '@fund/domain';
import { useQuery } from '@tanstack/react-query';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Progress, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../shared/auth';
import { readApiError } from '../../shared/errors';
import { Page } from '../../shared/Page';
import { useTRPC } from '../../shared/trpc';
import { CentreFormModal } from './CentreFormModal';
import type { CentreSummary, RecognisedTarget } from './types';

const columns: TableColumnsType<CentreSummary> = [
  {
    title: '中心名称',
    dataIndex: 'name',
    render: (v: string, r) => (
      <Link to={`/centres/${r.id}`} onClick={(e) => e.stopPropagation()}>
        {v}
      </Link>
    ),
  },
  { title: '载体类型', dataIndex: 'kindLabel', width: 130 },
  {
    title: '认定情况',
    width: 170,
    render: (_, r) =>
      r.recognised ? (
        <Tag color="success">
          {r.recognitionLevelLabel}认定 · {r.recognisedOn}
        </Tag>
      ) : (
        <Tag>未认定</Tag>
      ),
  },
  { title: '运营单位', dataIndex: 'operator', ellipsis: true },
  { title: '工位', dataIndex: 'workstations', width: 70, align: 'right' },
  { title: '免费工位', dataIndex: 'freeWorkstations', width: 90, align: 'right' },
  { title: '已分配', dataIndex: 'allocatedWorkstations', width: 80, align: 'right' },
  {
    title: '管理员',
    width: 150,
    render: (_, r) =>
      r.managers.length === 0 ? (
        <Typography.Text type="secondary">未指定</Typography.Text>
      ) : (
        r.managers.map((m) => m.displayName).join('、')
      ),
  },
];

function TargetCard({ target }: { target: RecognisedTarget }) {
  const percent = Math.min(100, Math.round((target.recognised / target.min) * 100));
  return (
    <Card style={{ marginBottom: 16 }}>
      <Row gutter={24} align="middle">
        <Col flex="220px">
          <Statistic
            title="已认定的创业创新中心"
            value={target.recognised}
            suffix={`/ ${target.min}–${target.max} 个`}
          />
        </Col>
        <Col flex="auto">
          <Typography.Text type="secondary">
            全区目标：认定 {target.min}–{target.max} 个创业创新中心
          </Typography.Text>
          <Progress
            percent={percent}
            status={target.met ? 'success' : 'active'}
            format={() => (target.met ? '已达标' : `还差 ${target.remaining} 个`)}
            aria-label="认定目标进度"
          />
        </Col>
      </Row>
    </Card>
  );
}

export function CentreListPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const { me } = useAuth();
  // The 5–10 target is the district's: shown to district staff, not to a manager of one centre.
  const district = !!me && (can(me.roles, 'centre.manage') || can(me.roles, 'report.view'));
  const manageable = !!me && can(me.roles, 'centre.manage');
  const [creating, setCreating] = useState(false);
  const list = useQuery(trpc.centres.list.queryOptions());
  const target = useQuery({ ...trpc.centres.targets.queryOptions(), enabled: district });
  return (
    <Page
      title="创业创新中心"
      subtitle="创业创新中心、小企业产业园、创业基地和电商快递物流园的工位、入驻、活动与服务补助申报"
    >
      {district && target.data && <TargetCard target={target.data} />}
      <Card>
        {list.isError && (
          <Alert
            type="error"
            showIcon
            title={readApiError(list.error).message}
            style={{ marginBottom: 16 }}
          />
        )}
        <Flex justify="space-between" style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">共 {list.data?.length ?? 0} 个载体，点击进入台账</Typography.Text>
          {manageable && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建中心
            </Button>
          )}
        </Flex>
        <Table<CentreSummary>
          rowKey="id"
          columns={columns}
          dataSource={list.data ?? []}
          loading={list.isFetching}
          pagination={false}
          locale={{ emptyText: '暂无可查看的中心' }}
          onRow={(r) => ({ onClick: () => void navigate(`/centres/${r.id}`), style: { cursor: 'pointer' } })}
        />
      </Card>
      {manageable && <CentreFormModal open={creating} onClose={() => setCreating(false)} />}
    </Page>
  );
}
