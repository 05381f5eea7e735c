import { can } from '@fund/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  Modal,
  Progress,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useAuth } from '../../shared/auth';
import { readApiError } from '../../shared/errors';
import { FormAlert } from '../../shared/FormAlert';
import { Page } from '../../shared/Page';
import { PageLoading } from '../../shared/PageLoading';
import { useTRPC } from '../../shared/trpc';
import { useSchemaForm } from '../../shared/use-schema-form';
import type { SafeParser } from '../../shared/zod-form';
import type { YearlyTargets } from './types';

/** A figure with its name as an accessible region, so a reader (and a test) finds it by its title. */
function Figure({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Col xs={24} sm={12} lg={6}>
      <section aria-label={title} style={{ height: '100%' }}>
        <Card style={{ height: '100%' }}>{children}</Card>
      </section>
    </Col>
  );
}

function TargetProgress({
  title,
  progress,
  unit,
}: {
  title: string;
  progress: { count: number; target: number; met: boolean };
  unit: string;
}) {
  return (
    <Col xs={24} md={12}>
      <section aria-label={title}>
        <Card>
          <Space align="center" size={24}>
            <Progress
              type="circle"
              size={96}
              percent={Math.min(100, Math.round((progress.count / Math.max(1, progress.target)) * 100))}
              status={progress.met ? 'success' : 'normal'}
              format={() => `${progress.count}/${progress.target}`}
            />
            <div>
              <Typography.Text type="secondary">{title}</Typography.Text>
              <Typography.Title level={3} style={{ margin: '4px 0' }}>
                {progress.count} {unit}
              </Typography.Title>
              {progress.met ? (
                <Tag color="success">已完成年度目标（≥{progress.target}）</Tag>
              ) : (
                <Tag color="warning">
                  年度目标 ≥{progress.target}，尚差 {progress.target - progress.count} {unit}
                </Tag>
              )}
            </div>
          </Space>
        </Card>
      </section>
    </Col>
  );
}

type DesignateValues = { requestId?: number; reason?: string };
const passThrough: SafeParser<DesignateValues> = {
  safeParse: (value) => ({ success: true, data: value as DesignateValues }),
};

/** Staff designate an outstanding entrepreneur for the year, with a reason, from a mentee with a started pairing. */
function DesignateModal({ open, year, onClose }: { open: boolean; year: number; onClose: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const { form, general, validate, onValuesChange, showServerError } = useSchemaForm<
    DesignateValues,
    DesignateValues
  >(passThrough);
  const pairings = useQuery({
    ...trpc.mentoring.pairings.list.queryOptions({ page: 1, pageSize: 100 }),
    enabled: open,
  });
  const seen = new Set<number>();
  const options = (pairings.data?.items ?? [])
    .filter((p) => p.acceptedOn !== null && !seen.has(p.requestId) && seen.add(p.requestId))
    .map((p) => ({
      value: p.requestId,
      label: `${p.menteeName}（${p.menteeKindLabel}，导师 ${p.mentorName}，${p.statusLabel}）`,
    }));
  const designate = useMutation(
    trpc.mentoring.targets.designateOutstanding.mutationOptions({
      onSuccess: async () => {
        void message.success('已认定');
        await queryClient.invalidateQueries({ queryKey: trpc.mentoring.targets.pathKey() });
        onClose();
      },
      onError: showServerError,
    }),
  );
  const onOk = () => {
    const v = validate();
    if (v) designate.mutate({ year, requestId: v.requestId ?? 0, reason: v.reason ?? '' });
  };
  return (
    <Modal
      open={open}
      title={`认定 ${year} 年度培育的优秀创业者`}
      okText="认定"
      cancelText="取消"
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={designate.isPending}
      destroyOnHidden
    >
      <Form name="designate" form={form} layout="vertical" onValuesChange={onValuesChange} preserve={false}>
        <Form.Item label="学员" name="requestId" required extra="只能认定已开始结对辅导的学员">
          <Select
            options={options}
            loading={pairings.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="请选择学员"
          />
        </Form.Item>
        <Form.Item label="认定理由" name="reason" required extra="将记入审计日志并列入年度报告">
          <Input.TextArea rows={4} maxLength={500} showCount />
        </Form.Item>
        <FormAlert messages={general} />
      </Form>
    </Modal>
  );
}

function download(file: { filename: string; contentType: string; base64: string }) {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function Figures({ t }: { t: YearlyTargets }) {
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Figure title="年内结对数">
        <Statistic title="年内结对数" value={t.activePairings} suffix="个" />
        <Typography.Text type="secondary">年内办结 {t.completedPairings} 个</Typography.Text>
      </Figure>
      <Figure title="辅导次数">
        <Statistic title="辅导次数" value={t.sessions} suffix="次" />
        <Typography.Text type="secondary">平均每个结对 {t.sessionsPerPairing ?? '—'} 次</Typography.Text>
      </Figure>
      <Figure title="平均评分">
        <Statistic
          title="平均评分"
          value={t.averageRating ?? '—'}
          suffix={t.averageRating ? '分' : undefined}
        />
        <Space direction="vertical" size={0}>
          <Typography.Text type="secondary">共 {t.ratings} 次评分</Typography.Text>
          <Typography.Text type="secondary">
            学员评 {t.averageRatingBySide.mentee ?? '—'} · 导师评 {t.averageRatingBySide.mentor ?? '—'}
          </Typography.Text>
        </Space>
      </Figure>
      <Figure title="满额导师">
        <Statistic title="满额导师" value={t.mentorsAtCapacity.count} suffix="位" />
        <Typography.Text type="secondary" ellipsis={{ tooltip: t.mentorsAtCapacityNames.join('、') }}>
          截至 {t.mentorsAtCapacity.asOf}
          {t.mentorsAtCapacityNames.length > 0 ? `：${t.mentorsAtCapacityNames.join('、')}` : ''}
        </Typography.Text>
      </Figure>
    </Row>
  );
}

/** 年度目标 (§7): the yearly figures from the domain's `yearlyMentoringTargets`, and the contribution workbook. */
export function TargetsPage() {
  const trpc = useTRPC();
  const { me } = useAuth();
  const { message } = App.useApp();
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const [designating, setDesignating] = useState(false);
  const [exporting, setExporting] = useState(false);
  const queryClient = useQueryClient();
  const q = useQuery(trpc.mentoring.targets.yearly.queryOptions({ year }));
  const canDesignate = !!me && can(me.roles, 'mentor.manage');

  const onExport = async () => {
    setExporting(true);
    try {
      download(
        await queryClient.fetchQuery({
          ...trpc.mentoring.targets.export.queryOptions({ year }),
          staleTime: 0,
        }),
      );
    } catch (e) {
      void message.error(readApiError(e).message);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Page
      title="年度目标"
      subtitle="导师制“传帮带”年度任务完成情况；当年数据截至今日，往年截至 12 月 31 日。"
      extra={
        <Space wrap>
          <Select
            aria-label="年度"
            value={year}
            onChange={setYear}
            options={[0, 1, 2, 3].map((i) => ({ value: thisYear - i, label: `${thisYear - i} 年` }))}
            style={{ width: 120 }}
          />
          <Button onClick={() => void onExport()} loading={exporting}>
            导出导师贡献（Excel）
          </Button>
        </Space>
      }
    >
      {q.isPending && <PageLoading />}
      {q.isError && <Alert type="error" showIcon title={readApiError(q.error).message} />}
      {q.data && (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <TargetProgress title="培育优秀创业者" progress={q.data.outstandingEntrepreneurs} unit="名" />
            <TargetProgress
              title="辅导成长型企业经营管理者"
              progress={q.data.growthFirmManagersMentored}
              unit="人"
            />
          </Row>
          <Figures t={q.data} />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={14}>
              <Card
                title="认定的优秀创业者"
                extra={
                  canDesignate && (
                    <Button type="primary" onClick={() => setDesignating(true)}>
                      认定优秀创业者
                    </Button>
                  )
                }
              >
                <Table
                  rowKey="menteeKey"
                  size="small"
                  pagination={false}
                  dataSource={q.data.outstanding}
                  locale={{ emptyText: '本年度尚未认定' }}
                  columns={[
                    { title: '学员', dataIndex: 'menteeName', width: 200 },
                    { title: '认定理由', dataIndex: 'reason' },
                    {
                      title: '认定时间',
                      dataIndex: 'designatedAt',
                      width: 110,
                      render: (v: string) => dayjs(v).format('YYYY-MM-DD'),
                    },
                  ]}
                />
              </Card>
            </Col>
            <Col xs={24} lg={10}>
              <Card title="已辅导的成长型企业经营管理者">
                <Table
                  rowKey="menteeKey"
                  size="small"
                  pagination={{ pageSize: 10, hideOnSinglePage: true }}
                  dataSource={q.data.managers}
                  locale={{ emptyText: '本年度暂无（须有结对且年内至少辅导一次）' }}
                  columns={[{ title: '经营管理者（企业）', dataIndex: 'menteeName' }]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
      <DesignateModal open={designating} year={year} onClose={() => setDesignating(false)} />
    </Page>
  );
}
