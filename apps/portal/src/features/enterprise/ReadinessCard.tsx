import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Alert, Card } from 'antd';

const item = {
  display: 'flex',
  gap: 10,
  alignItems: 'flex-start',
  padding: '10px 0',
  borderBottom: '1px solid #f0f0f0',
} as const;

/** The server's `missing` list: what the enterprise still has to do before it may apply, in working order. */
export function ReadinessCard({ missing }: { missing: readonly string[] }) {
  if (missing.length === 0) {
    return (
      <Alert
        type="success"
        showIcon
        icon={<CheckCircleFilled />}
        title="资料已齐全"
        description="申报批次开放后即可在线申报。"
        style={{ marginBottom: 16 }}
      />
    );
  }
  return (
    <Card
      title={`申报前还需完成（${missing.length} 项）`}
      style={{ marginBottom: 16, borderColor: '#ffd591' }}
      styles={{ header: { background: '#fff7e6' } }}
    >
      <ol aria-label="待办事项" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {missing.map((m, i) => (
          <li key={m} style={i === missing.length - 1 ? { ...item, borderBottom: 'none' } : item}>
            <ExclamationCircleFilled style={{ color: '#fa8c16', marginTop: 4 }} aria-hidden />
            <span>
              {i + 1}. {m}
            </span>
          </li>
        ))}
      </ol>
    </Card>
  );
}
