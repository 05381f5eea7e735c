import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Flex, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useAuth } from '../../shared/auth';
import { CONSOLE_NAME, SITE_NAME } from '../../shared/Page';
import { downloadBlob } from '../../shared/funding/download';
import { recoveryCodesFile } from './recovery-codes-file';

const MONOSPACE = "'SFMono-Regular', Consolas, 'Liberation Mono', Menlo, monospace";

type Props = {
  codes: readonly string[];
  /** Called by 完成, which is enabled only once the user has ticked that the codes are kept safe. */
  onDone: () => void;
  doneLoading?: boolean;
};

/**
 * Freshly issued recovery codes, shown once (after setting up the second factor and after generating new ones): the
 * codes, copy and download, and a tick that they are kept before the user may leave.
 */
export function RecoveryCodes({ codes, onDone, doneLoading }: Props) {
  const { me } = useAuth();
  const { message } = App.useApp();
  const [kept, setKept] = useState(false);

  const copyAll = () => {
    // `navigator.clipboard` is missing outside a secure context: the rejection covers that too.
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(codes.join('\n')))
      .then(
        () => void message.success('已复制全部恢复码'),
        () => void message.error('无法访问剪贴板，请下载为文本文件或手动抄写'),
      );
  };
  const download = () => {
    const file = recoveryCodesFile(codes, {
      site: `${SITE_NAME} ${CONSOLE_NAME}`,
      account: { username: me?.username ?? '', displayName: me?.displayName ?? '' },
      date: dayjs().format('YYYY-MM-DD'),
    });
    downloadBlob(new Blob([file.text], { type: 'text/plain;charset=utf-8' }), file.fileName);
  };

  return (
    <div>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title="恢复码只显示这一次，请立即保存"
        description="手机丢失或无法使用身份验证器时，可在登录时用恢复码代替动态验证码，每个恢复码只能使用一次。请下载或抄写后妥善保管，不要与密码放在一起。"
      />
      <ul
        aria-label="恢复码"
        style={{
          display: 'grid',
          // Two columns of five: ten codes leave no row half empty.
          gridTemplateColumns: 'repeat(2, max-content)',
          justifyContent: 'center',
          gap: '10px 56px',
          listStyle: 'none',
          margin: '0 0 16px',
          padding: '16px 24px',
          background: '#fafafa',
          border: '1px solid #e8e8e8',
          borderRadius: 4,
          fontFamily: MONOSPACE,
          fontSize: 17,
          letterSpacing: 1,
        }}
      >
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <Space wrap style={{ marginBottom: 20 }}>
        <Button icon={<CopyOutlined />} onClick={copyAll}>
          复制全部
        </Button>
        <Button icon={<DownloadOutlined />} onClick={download}>
          下载为文本文件
        </Button>
      </Space>
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Checkbox checked={kept} onChange={(e) => setKept(e.target.checked)}>
          我已将恢复码保存在安全的地方
        </Checkbox>
        <Button type="primary" disabled={!kept} loading={doneLoading} onClick={onDone}>
          完成
        </Button>
      </Flex>
    </div>
  );
}
