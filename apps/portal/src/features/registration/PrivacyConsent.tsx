import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, Form, Skeleton, Typography } from 'antd';
import { readApiError } from '../../shared/errors';
import { useTRPC } from '../../shared/trpc';

export function usePrivacyNotice() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.registration.privacyNotice.queryOptions(), staleTime: Infinity });
}

const box = {
  maxHeight: 220,
  overflowY: 'auto',
  border: '1px solid #d9d9d9',
  borderRadius: 4,
  padding: '12px 16px',
  background: '#fafafa',
  whiteSpace: 'pre-wrap',
  lineHeight: 1.8,
  fontSize: 13,
} as const;

/**
 * The privacy notice in a scrollable box and the consent checkbox (PIPL Art. 17: inform before collecting). Ticking
 * the box records the version that was shown, which is what the schema's `privacyConsentVersion` expects.
 */
export function PrivacyConsent() {
  const notice = usePrivacyNotice();
  if (notice.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (notice.isError) return <Alert type="error" showIcon title={readApiError(notice.error).message} />;
  return (
    <>
      <Typography.Title level={5} id="privacy-title" style={{ marginTop: 0 }}>
        {notice.data.title}
      </Typography.Title>
      <div style={box} tabIndex={0} role="region" aria-labelledby="privacy-title">
        {notice.data.text}
      </div>
      <Form.Item
        name="privacyConsentVersion"
        valuePropName="checked"
        getValueProps={(v: unknown) => ({ checked: v === notice.data.version })}
        normalize={(checked: boolean) => (checked ? notice.data.version : undefined)}
        style={{ marginTop: 12 }}
      >
        <Checkbox>我已阅读并同意《{notice.data.title}》</Checkbox>
      </Form.Item>
    </>
  );
}
