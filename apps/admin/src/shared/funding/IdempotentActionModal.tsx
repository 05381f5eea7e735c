import { Alert, Modal, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { readApiError, type ApiError } from '../errors';
import { forgetIdempotencyKey, isDefiniteRefusal, markAttempt, openIdempotencyKey } from './idempotency';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'refused'; message: string }
  | { kind: 'alreadyDone'; message: string }
  | { kind: 'unknown'; message: string };

type Props<T> = {
  /** Closed when null. `action` + `objectId` name the sessionStorage slot of the idempotency key. */
  target: { action: string; objectId: number } | null;
  title: string;
  okText: string;
  children?: ReactNode;
  /** Form check before sending; return false to stay in the dialog. */
  validate?: () => boolean;
  run: (idempotencyKey: string) => Promise<T>;
  /** `replayed`: the success came back for a key already sent before (the server replayed the first answer). */
  onDone: (result: T, replayed: boolean) => void;
  /** Refusals that mean "this was already done" (e.g. FUNDING.ALREADY_PAID): shown as such, not as a failure. */
  isAlreadyDone?: (e: ApiError) => boolean;
  onAlreadyDone?: () => void;
  onClose: () => void;
  danger?: boolean;
};

/**
 * Confirm dialog of a money action (approval, payment). The key is created when the dialog opens and survives a
 * reload; a network failure keeps it, so 重试 is the same request for the server and can never act twice.
 */
export function IdempotentActionModal<T>({
  target,
  title,
  okText,
  children,
  validate,
  run,
  onDone,
  isAlreadyDone,
  onAlreadyDone,
  onClose,
  danger,
}: Props<T>) {
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [requestNo, setRequestNo] = useState<string | null>(null);

  useEffect(() => {
    if (!target) return;
    setOutcome({ kind: 'idle' });
    setRequestNo(openIdempotencyKey(target.action, target.objectId).key);
  }, [target]);

  const send = async () => {
    if (!target || (validate && !validate())) return;
    const { key, attempts } = markAttempt(target.action, target.objectId);
    setPending(true);
    try {
      const result = await run(key);
      forgetIdempotencyKey(target.action, target.objectId);
      onDone(result, attempts > 1);
    } catch (error) {
      const e = readApiError(error);
      if (isDefiniteRefusal(error)) {
        forgetIdempotencyKey(target.action, target.objectId);
        if (isAlreadyDone?.(e)) {
          setOutcome({ kind: 'alreadyDone', message: e.message });
          onAlreadyDone?.();
        } else {
          setOutcome({ kind: 'refused', message: e.message });
        }
      } else {
        setOutcome({ kind: 'unknown', message: e.message });
      }
    } finally {
      setPending(false);
    }
  };

  const finished = outcome.kind === 'refused' || outcome.kind === 'alreadyDone';
  return (
    <Modal
      open={target !== null}
      title={title}
      okText={outcome.kind === 'unknown' ? '重试（同一请求）' : okText}
      okButtonProps={{ danger, disabled: finished }}
      cancelText={finished ? '关闭' : '取消'}
      confirmLoading={pending}
      onOk={() => void send()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      {children}
      {outcome.kind === 'refused' && (
        <Alert type="error" showIcon role="alert" title="未能办理" description={outcome.message} />
      )}
      {outcome.kind === 'alreadyDone' && (
        <Alert
          type="info"
          showIcon
          role="alert"
          title="此前已办理，未重复办理"
          description={outcome.message}
        />
      )}
      {outcome.kind === 'unknown' && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title="结果未知：请求可能未送达服务器"
          description={`${outcome.message} 请点击“重试（同一请求）”：系统沿用同一请求编号，服务器保证只办理一次。`}
        />
      )}
      {requestNo && (
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 12 }}>
          请求编号 {requestNo.slice(0, 8)}（在得到明确结果前保持不变，重复提交不会重复办理）
        </Typography.Paragraph>
      )}
    </Modal>
  );
}
