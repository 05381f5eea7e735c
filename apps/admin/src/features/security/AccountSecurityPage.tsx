import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { RouterOutputs } from '../../shared/api-types';
import { readApiError } from '../../shared/errors';
import { Page } from '../../shared/Page';
import { useTRPC } from '../../shared/trpc';
import { RegenerateRecoveryCodesModal } from './RegenerateRecoveryCodesModal';
import { SECURITY_PATH, SECOND_FACTOR_SETUP_PATH } from './paths';

/** At or below this many unused recovery codes the page asks for new ones. */
const FEW_RECOVERY_CODES = 3;

type Status = RouterOutputs['auth']['totp']['status'];

function SecondFactorStatus({ status, onRegenerate }: { status: Status; onRegenerate: () => void }) {
  const navigate = useNavigate();
  if (!status.enrolled) {
    return (
      <>
        <Descriptions
          column={1}
          items={[{ key: 'state', label: '状态', children: <Tag>未启用</Tag> }]}
          style={{ marginBottom: 8 }}
        />
        <Typography.Paragraph type="secondary">
          {status.required
            ? '您的角色须使用动态验证码，请立即设置。'
            : '您的角色不强制要求，但建议启用：启用后每次登录除密码外还须输入手机身份验证器显示的6位数字，密码泄露时账号也不会被他人登录。'}
        </Typography.Paragraph>
        <Button
          type="primary"
          onClick={() =>
            void navigate(`${SECOND_FACTOR_SETUP_PATH}?next=${encodeURIComponent(SECURITY_PATH)}`)
          }
        >
          启用动态验证码
        </Button>
      </>
    );
  }
  const few = status.recoveryCodesLeft <= FEW_RECOVERY_CODES;
  return (
    <>
      <Descriptions
        column={1}
        style={{ marginBottom: 8 }}
        items={[
          { key: 'state', label: '状态', children: <Tag color="success">已启用</Tag> },
          {
            key: 'at',
            label: '启用时间',
            children: status.enrolledAt ? dayjs(status.enrolledAt).format('YYYY-MM-DD HH:mm') : '—',
          },
          {
            key: 'left',
            label: '剩余恢复码',
            children: (
              <Typography.Text type={few ? 'warning' : undefined}>
                {status.recoveryCodesLeft} 个
              </Typography.Text>
            ),
          },
        ]}
      />
      {few && (
        <Alert
          type="warning"
          showIcon
          style={{ margin: '8px 0 16px' }}
          title={status.recoveryCodesLeft === 0 ? '没有可用的恢复码' : '恢复码即将用完'}
          description="请重新生成恢复码并妥善保存：手机丢失或无法使用身份验证器时，只能凭恢复码登录。"
        />
      )}
      <Typography.Paragraph type="secondary">
        每次登录时除密码外还须输入身份验证器显示的动态验证码。如更换或丢失了手机，请联系系统管理员重置动态验证码。
      </Typography.Paragraph>
      <Button onClick={onRegenerate}>重新生成恢复码</Button>
    </>
  );
}

/** 账号安全: the second factor's state and recovery codes, and the way to 修改密码. */
export function AccountSecurityPage() {
  const trpc = useTRPC();
  const [regenerating, setRegenerating] = useState(false);
  const status = useQuery(trpc.auth.totp.status.queryOptions());

  return (
    <Page title="账号安全" subtitle="管理本人账号的登录密码和动态验证码（第二重身份验证）。" width={760}>
      <Flex vertical gap={16}>
        <Card title="动态验证码">
          {status.isPending && <Skeleton active paragraph={{ rows: 3 }} />}
          {status.isError && <Alert type="error" showIcon title={readApiError(status.error).message} />}
          {status.data && (
            <SecondFactorStatus status={status.data} onRegenerate={() => setRegenerating(true)} />
          )}
        </Card>
        <Card title="登录密码">
          <Typography.Paragraph type="secondary">
            请使用只在本系统使用的密码；怀疑密码泄露时请立即修改。
          </Typography.Paragraph>
          <Link to="/account/password">修改密码</Link>
        </Card>
      </Flex>
      <RegenerateRecoveryCodesModal open={regenerating} onClose={() => setRegenerating(false)} />
    </Page>
  );
}
