import { districtLabel, validateUscc } from '@fund/domain';
import { useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { readApiError } from '../../shared/errors';
import { useTRPC } from '../../shared/trpc';
import { useDebouncedValue } from '../../shared/use-debounced-value';

const NAME = 'uscc';

/** Length errors wait until 18 characters are typed; any other fault (a letter that never occurs) shows at once. */
function liveError(value: string): string | null {
  if (value.trim() === '') return null;
  const r = validateUscc(value);
  if (r.ok) return null;
  if (r.reason === 'length' && value.replace(/[\s-]/g, '').length < 18) return null;
  return r.message;
}

function Status({ code, onDispute }: { code: string; onDispute: (uscc: string) => void }) {
  const trpc = useTRPC();
  const check = useQuery({
    ...trpc.registration.checkUscc.queryOptions({ uscc: code }),
    enabled: code !== '',
    staleTime: 30_000,
  });
  if (code === '') return null;
  if (check.isPending) return <Typography.Text type="secondary">正在核对是否已注册…</Typography.Text>;
  if (check.isError) {
    return (
      <Typography.Text type="secondary">
        暂时无法核对是否已注册：{readApiError(check.error).message}
      </Typography.Text>
    );
  }
  const c = check.data;
  if (c.taken) {
    return (
      <Space size={4} wrap>
        <Typography.Text type="danger">该统一社会信用代码已被注册。</Typography.Text>
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => onDispute(c.normalized ?? code)}
        >
          不是本企业注册的？提出申诉
        </Button>
      </Space>
    );
  }
  if (!c.ok) return <Typography.Text type="danger">{c.message}</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      <Typography.Text type="success">
        代码校验通过{c.regionCode ? `，登记机关所在地：${districtLabel(c.regionCode)}` : ''}
      </Typography.Text>
      {c.warnings.map((w) => (
        <Typography.Text key={w} type="warning">
          {w}
        </Typography.Text>
      ))}
    </Space>
  );
}

/**
 * 统一社会信用代码 with feedback while typing: the domain's validator at once, then (debounced) the server's
 * `registration.checkUscc` for whether the code is already registered, with a way to dispute that.
 */
export function UsccField({ onDispute }: { onDispute: (uscc: string) => void }) {
  const form = Form.useFormInstance();
  const value = (Form.useWatch(NAME, form) as string | undefined) ?? '';
  const error = liveError(value);
  const local = validateUscc(value);
  const code = useDebouncedValue(local.ok ? local.code : '', 400);

  useEffect(() => {
    if (value.trim() === '') return;
    form.setFields([{ name: NAME, errors: error ? [error] : [] }]);
  }, [form, value, error]);

  const checkCharHint =
    !local.ok && local.reason === 'check-char'
      ? '如代码由早期试点地区发放、确实无法通过校验，请携带营业执照到区政务服务中心由工作人员代为登记。'
      : null;

  return (
    <Form.Item
      label="统一社会信用代码"
      name={NAME}
      required
      extra={
        checkCharHint ??
        (local.ok ? <Status code={code} onDispute={onDispute} /> : '18位，见营业执照；字母不区分大小写')
      }
    >
      <Input
        maxLength={24}
        autoComplete="off"
        placeholder="请输入18位统一社会信用代码"
        style={{ textTransform: 'uppercase' }}
      />
    </Form.Item>
  );
}
