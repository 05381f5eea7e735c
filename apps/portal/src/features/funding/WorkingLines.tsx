import { Table, Typography } from 'antd';

export type WorkingLine = { label: string; value: string };

/** The calculator's working, line by line, exactly as the domain wrote it (the last line is the result). */
export function WorkingLines({
  lines,
  caption = '计算过程',
}: {
  lines: readonly WorkingLine[];
  caption?: string;
}) {
  if (lines.length === 0) return <Typography.Text type="secondary">暂无计算过程</Typography.Text>;
  return (
    <Table
      size="small"
      bordered
      pagination={false}
      rowKey={(_, i) => String(i)}
      dataSource={lines.map((l, i) => ({ ...l, i }))}
      title={() => <Typography.Text strong>{caption}</Typography.Text>}
      columns={[
        { title: '项目', dataIndex: 'label', width: '45%' },
        {
          title: '数值 / 算式',
          dataIndex: 'value',
          render: (v: string, row) =>
            row.i === lines.length - 1 ? <Typography.Text strong>{v}</Typography.Text> : v,
        },
      ]}
    />
  );
}
