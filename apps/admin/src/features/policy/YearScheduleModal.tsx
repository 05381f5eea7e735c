import { YearSchedule } from '@fund/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { FormAlert } from '../../shared/FormAlert';
import { readApiError } from '../../shared/errors';
import { useTRPC } from '../../shared/trpc';
import { parseDateLines } from './date-lines';

export type YearEditing = { year: number; mode: 'new' | 'replace' | 'view' };

type Field = 'year' | 'holidays' | 'workdays' | 'source' | 'reason';
type Errors = Partial<Record<Field, string[]>>;

/** '2027-02-14' → '周日'; a Monday–Friday 调休 is flagged, as the server will refuse it. */
const weekday = (d: string) => dayjs(d).format('ddd');
const workdayLabel = (d: string) => {
  const day = dayjs(d).day();
  return day === 0 || day === 6 ? `${d}（${weekday(d)}）` : `${d}（${weekday(d)}，不是周末！）`;
};

/** Enter a year's arrangement from the State Council notice, replace one (with a reason), or just read it. */
export function YearScheduleModal({
  editing,
  onClose,
}: {
  editing: YearEditing | null;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [year, setYear] = useState<number | null>(null);
  const [holidaysText, setHolidaysText] = useState('');
  const [workdaysText, setWorkdaysText] = useState('');
  const [source, setSource] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string[]>([]);

  const existingYear = editing && editing.mode !== 'new' ? editing.year : null;
  const existing = useQuery({
    ...trpc.policy.calendar.get.queryOptions({ year: existingYear ?? 0 }),
    enabled: existingYear !== null,
  });

  useEffect(() => {
    if (!editing) return;
    setErrors({});
    setGeneral([]);
    setReason('');
    setYear(editing.year);
    if (editing.mode === 'new') {
      setHolidaysText('');
      setWorkdaysText('');
      setSource('');
    }
  }, [editing]);
  useEffect(() => {
    if (!existing.data || !editing || editing.mode === 'new') return;
    setHolidaysText(existing.data.holidays.join('\n'));
    setWorkdaysText(existing.data.workdays.join('\n'));
    setSource(editing.mode === 'replace' && existing.data.origin === 'bundled' ? '' : existing.data.source);
  }, [existing.data, editing]);

  const save = useMutation(
    trpc.policy.calendar.setYear.mutationOptions({
      onSuccess: async (saved) => {
        void message.success(`${saved.year} 年放假安排已保存，公示期和导师响应期限将按新安排计算`);
        await queryClient.invalidateQueries({ queryKey: trpc.policy.calendar.pathKey() });
        onClose();
      },
      onError: (error) => {
        const e = readApiError(error);
        const fieldErrors: Errors = {};
        for (const [path, msg] of Object.entries(e.fieldErrors)) {
          const field = path.split('.')[0] as Field;
          (fieldErrors[field] ??= []).push(msg);
        }
        setErrors(fieldErrors);
        setGeneral(Object.keys(fieldErrors).length > 0 ? [] : [e.message]);
      },
    }),
  );

  if (!editing) return null;
  const readOnly = editing.mode === 'view';
  const replacing = editing.mode === 'replace';
  const holidays = parseDateLines(holidaysText);
  const workdays = parseDateLines(workdaysText);

  const onOk = () => {
    const next: Errors = {};
    if (year === null) next.year = ['请填写年份'];
    if (holidays.errors.length > 0) next.holidays = holidays.errors;
    else if (holidays.dates.length === 0) next.holidays = ['请至少填写一个放假日期'];
    if (workdays.errors.length > 0) next.workdays = workdays.errors;
    if (source.trim().length < 2)
      next.source = ['请填写依据文件，如《国务院办公厅关于2027年部分节假日安排的通知》'];
    if (replacing && reason.trim().length < 2) next.reason = ['替换已有安排须填写原因'];
    if (year !== null && !next.holidays && !next.workdays) {
      const parsed = YearSchedule.safeParse({ year, holidays: holidays.dates, workdays: workdays.dates });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field =
            issue.path[0] === 'workdays' ? 'workdays' : issue.path[0] === 'holidays' ? 'holidays' : 'year';
          (next[field] ??= []).push(issue.message);
        }
      }
    }
    setErrors(next);
    setGeneral([]);
    if (Object.keys(next).length > 0 || year === null) return;
    save.mutate({
      year,
      holidays: holidays.dates,
      workdays: workdays.dates,
      source: source.trim(),
      ...(replacing ? { reason: reason.trim() } : {}),
    });
  };

  const status = (f: Field) => (errors[f] ? ('error' as const) : undefined);
  const help = (f: Field, fallback?: string) =>
    errors[f] ? (
      <ul style={{ margin: 0, paddingInlineStart: 18 }}>
        {errors[f].map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    ) : (
      fallback
    );

  const title = readOnly
    ? `${editing.year} 年放假安排`
    : replacing
      ? `替换 ${editing.year} 年放假安排`
      : '录入年度放假安排';
  return (
    <Modal
      open
      title={title}
      width={720}
      okText="保存"
      cancelText={readOnly ? '关闭' : '取消'}
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={{ style: readOnly ? { display: 'none' } : undefined }}
      destroyOnHidden
    >
      {!readOnly && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="请严格按国务院办公厅发布的通知原文录入，不要按往年规律推测。"
          description="放假日期：通知中所有放假的日子（假期中的周六、周日可列可不列）；调休上班日期：通知中写明“上班”的周六、周日。每行一个日期，也可直接粘贴。"
        />
      )}
      {replacing && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="替换后，之后计算的公示期和导师响应期限将按新安排执行；已发布的公示和已发出的邀请不会改变。替换前后的内容和原因记入审计日志。"
        />
      )}
      <Form layout="vertical" disabled={readOnly}>
        <Form.Item label="年份" required validateStatus={status('year')} help={help('year')}>
          <InputNumber
            value={year}
            onChange={(v) => setYear(typeof v === 'number' ? v : null)}
            min={2000}
            max={2100}
            precision={0}
            disabled={editing.mode !== 'new'}
            aria-label="年份"
            style={{ width: 140 }}
            suffix="年"
          />
        </Form.Item>
        <Form.Item
          label={`放假日期（已识别 ${holidays.dates.length} 天）`}
          required
          validateStatus={status('holidays')}
          help={help('holidays', '每行一个日期，如 2027-01-01；也可写 2027/1/1 或 2027年1月1日')}
        >
          <Input.TextArea
            value={holidaysText}
            onChange={(e) => setHolidaysText(e.target.value)}
            autoSize={{ minRows: 5, maxRows: 10 }}
            placeholder={'2027-01-01\n2027-01-02\n…'}
            aria-label="放假日期"
          />
        </Form.Item>
        <Form.Item
          label={`调休上班日期（已识别 ${workdays.dates.length} 天）`}
          validateStatus={status('workdays')}
          help={help(
            'workdays',
            workdays.dates.length > 0
              ? `识别结果：${workdays.dates.map(workdayLabel).join('、')}`
              : '只填周六、周日上班的日期；没有调休可留空',
          )}
        >
          <Input.TextArea
            value={workdaysText}
            onChange={(e) => setWorkdaysText(e.target.value)}
            autoSize={{ minRows: 2, maxRows: 6 }}
            aria-label="调休上班日期"
          />
        </Form.Item>
        <Form.Item label="依据文件" required validateStatus={status('source')} help={help('source')}>
          <Input
            value={source}
            onChange={(e) => setSource(e.target.value)}
            maxLength={200}
            placeholder="如：国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕X号）"
            aria-label="依据文件"
          />
        </Form.Item>
        {replacing && (
          <Form.Item label="替换原因" required validateStatus={status('reason')} help={help('reason')}>
            <Input.TextArea
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={500}
              autoSize={{ minRows: 2 }}
              placeholder="如：国务院办公厅发布补充通知，调整春节假期"
              aria-label="替换原因"
            />
          </Form.Item>
        )}
        {readOnly && (
          <Typography.Paragraph type="secondary">
            调休上班：{existing.data?.workdays.map(workdayLabel).join('、') || '无'}
          </Typography.Paragraph>
        )}
      </Form>
      <FormAlert messages={general} />
    </Modal>
  );
}
