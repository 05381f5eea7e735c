import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Alert, Button, Card } from 'antd';
import { Link } from 'react-router';

const item = {
  display: 'flex',
  gap: 10,
  alignItems: 'flex-start',
  padding: '10px 0',
  borderBottom: '1px solid #f0f0f0',
} as const;

/**
 * Where each item of the list is done. The list is the domain's sentences (enterpriseReadiness); the licence and the
 * payee account are done on 企业核验, the rest (size data, district, 失信) are facts staff correct.
 */
function actionFor(item: string): { to: string; text: string } | null {
  if (item.includes('上传营业执照')) return { to: '/enterprise/verification#licence', text: '去上传' };
  if (item.includes('营业执照')) return { to: '/enterprise/verification#licence', text: '查看核验进度' };
  if (item.includes('银行账户')) return { to: '/enterprise/verification#bank-account', text: '去填写' };
  return null;
}

function Action({ item }: { item: string }) {
  const a = actionFor(item);
  if (!a) return null;
  return (
    <Link to={a.to}>
      <Button size="small" type={a.text === '查看核验进度' ? 'default' : 'primary'}>
        {a.text}
      </Button>
    </Link>
  );
}

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
        action={
          <Link to="/funding">
            <Button size="small" type="primary">
              查看可申报项目
            </Button>
          </Link>
        }
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
            <span style={{ flex: 1 }}>
              {i + 1}. {m}
            </span>
            <Action item={m} />
          </li>
        ))}
      </ol>
    </Card>
  );
}
