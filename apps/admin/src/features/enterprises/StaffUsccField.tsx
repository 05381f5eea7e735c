import { districtLabel, normalizeUscc, validateUscc } from '@fund/domain';
import { useQuery } from '@tanstack/react-query';
import { Form, Input, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { readApiError } from '../../shared/errors';
import { useTRPC } from '../../shared/trpc';
import { useDebouncedValue } from '../../shared/use-debounced-value';

const NAME = 'uscc';

/** What staff see while typing: a check-character failure is not an error here, it asks for an override reason. */
function liveState(value: string) {
  const r = validateUscc(value);
  if (value.trim() === '' || r.ok) return { error: null, checkCharOnly: false, result: r };
  if (r.reason === 'check-char') return { error: null, checkCharOnly: true, result: r };
  if (r.reason === 'length' && value.replace(/[\s-]/g, '').length < 18)
    return { error: null, checkCharOnly: false, result: r };
  return { error: r.message, checkCharOnly: false, result: r };
}

function Registered({ code }: { code: string }) {
  const trpc = useTRPC();
  const check = useQuery({
    ...trpc.registration.checkUscc.queryOptions({ uscc: code }),
    enabled: code !== '',
  });
  if (code === '' || check.isPending) return null;
  if (check.isError)
    return (
      <Typography.Text type="secondary">
        暂时无法核对是否已注册：{readApiError(check.error).message}
      </Typography.Text>
    );
  const c = check.data;
  if (c.taken)
    return <Typography.Text type="danger">该统一社会信用代码已注册，不能重复登记。</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      {/* A code that fails only its check character is explained above; here it only matters that it is free. */}
      <Typography.Text type={c.ok ? 'success' : 'secondary'}>
        {c.ok ? '代码校验通过，尚未注册' : '该代码尚未注册'}
        {c.regionCode ? `；登记机关所在地：${districtLabel(c.regionCode)}` : ''}
      </Typography.Text>
      {c.warnings.map((w) => (
        <Typography.Text key={w} type="warning">
          {w}
        </Typography.Text>
      ))}
    </Space>
  );
}

/** Reports whether the typed code fails only its check character, which is when 例外说明 is asked for. */
export function StaffUsccField({ onCheckCharOnly }: { onCheckCharOnly: (only: boolean) => void }) {
  const form = Form.useFormInstance();
  const value = (Form.useWatch(NAME, form) as string | undefined) ?? '';
  const { error, checkCharOnly, result } = liveState(value);
  const normalized = normalizeUscc(value);
  const code = useDebouncedValue(result.ok || checkCharOnly ? normalized : '', 400);

  useEffect(() => onCheckCharOnly(checkCharOnly), [checkCharOnly, onCheckCharOnly]);
  useEffect(() => {
    if (value.trim() === '') return;
    form.setFields([{ name: NAME, errors: error ? [error] : [] }]);
  }, [form, value, error]);

  return (
    <Form.Item
      label="统一社会信用代码"
      name={NAME}
      required
      extra={
        checkCharOnly ? (
          <Space orientation="vertical" size={0}>
            <Typography.Text type="warning">
              第18位校验码不正确。如属早期试点地区发放的代码，请核对营业执照原件后填写例外说明。
            </Typography.Text>
            <Registered code={code} />
          </Space>
        ) : result.ok ? (
          <Registered code={code} />
        ) : (
          '18位，见营业执照'
        )
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
