import { InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Radio, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { readApiError } from '../../../shared/errors';
import { useTRPC } from '../../../shared/trpc';
import { fileToBase64, saveBase64File } from '../download';
import type { ImportKind, ImportResult } from '../types';

const KIND_OPTIONS: { value: ImportKind; label: string; hint: string }[] = [
  {
    value: 'occupancy',
    label: '出勤（在驻天数）',
    hint: '每行一个工位一个月：工位编号、月份、在驻天数或整月在驻确认',
  },
  {
    value: 'allocations',
    label: '工位分配',
    hint: '每行一个工位：入驻企业填统一社会信用代码，个人创业者填身份证号，创业团队填团队、学校和联系人信息',
  },
];

type Report = { fileName: string; result: ImportResult };

/**
 * Imports a spreadsheet in the documented template. All or nothing: one bad row and nothing is written, and the
 * report lists every bad row (row, column, reason, as the server found them); the same file again changes nothing.
 */
export function ImportTab({ centreId, operable }: { centreId: number; operable: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [kind, setKind] = useState<ImportKind>('occupancy');
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState<'xlsx' | 'csv' | null>(null);

  const run = useMutation(
    trpc.centres.imports.run.mutationOptions({
      onSuccess: async (result, input) => {
        setReport({ fileName: input.fileName, result });
        setError(null);
        if (result.ok && !result.unchanged)
          await queryClient.invalidateQueries({ queryKey: trpc.centres.pathKey() });
      },
      onError: (e) => setError(readApiError(e).message),
    }),
  );

  const download = async (format: 'xlsx' | 'csv') => {
    setDownloading(format);
    try {
      saveBase64File(
        await queryClient.fetchQuery(trpc.centres.imports.template.queryOptions({ centreId, kind, format })),
      );
    } catch (e) {
      void message.error(readApiError(e).message);
    } finally {
      setDownloading(null);
    }
  };

  const upload = async (file: File) => {
    setReport(null);
    setError(null);
    run.mutate({ centreId, kind, fileName: file.name, contentBase64: await fileToBase64(file) });
  };

  const hint = KIND_OPTIONS.find((o) => o.value === kind)!.hint;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title="1. 选择导入内容并下载模板">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Radio.Group
            aria-label="导入内容"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as ImportKind);
              setReport(null);
            }}
            options={KIND_OPTIONS.map((o) => ({ value: o.value, label: o.label }))}
          />
          <Typography.Text type="secondary">{hint}。模板的“说明”工作表逐列写明了填写要求。</Typography.Text>
          <Space>
            <Button loading={downloading === 'xlsx'} onClick={() => void download('xlsx')}>
              下载 Excel 模板
            </Button>
            <Button loading={downloading === 'csv'} onClick={() => void download('csv')}>
              下载 CSV 模板
            </Button>
          </Space>
        </Space>
      </Card>
      {operable && (
        <Card size="small" title="2. 上传填好的文件">
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            disabled={run.isPending}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined aria-hidden />
            </p>
            <p className="ant-upload-text">{run.isPending ? '正在检查并导入…' : '选择文件导入'}</p>
            <p className="ant-upload-hint">
              点击选择，或把 .xlsx / .csv 文件拖到这里（不超过
              700KB）。有任何一行不合格时，整份文件都不会导入。
            </p>
          </Upload.Dragger>
        </Card>
      )}
      {error && <Alert type="error" showIcon role="alert" title={error} />}
      {report && <ImportReport report={report} />}
    </Space>
  );
}

function ImportReport({ report }: { report: Report }) {
  const r = report.result;
  if (r.ok) {
    return (
      <Alert
        role="status"
        type={r.unchanged ? 'info' : 'success'}
        showIcon
        title={r.message}
        description={`文件：${report.fileName}`}
      />
    );
  }
  return (
    <Card size="small" title="导入未完成：文件中有需要修改的行">
      <Alert
        type="error"
        showIcon
        role="alert"
        title={r.message}
        description={`文件：${report.fileName}。改正后重新上传整份文件。`}
        style={{ marginBottom: 12 }}
      />
      <Table
        aria-label="导入错误报告"
        size="small"
        rowKey={(e) => `${e.row}-${e.column}-${e.reason}`}
        dataSource={r.errors}
        pagination={r.errors.length > 20 ? { pageSize: 20 } : false}
        columns={[
          { title: '行号', dataIndex: 'row', width: 80, render: (v: number) => `第 ${v} 行` },
          { title: '列', dataIndex: 'column', width: 160, render: (v: string) => v || '整个文件' },
          { title: '原因', dataIndex: 'reason' },
        ]}
      />
    </Card>
  );
}
