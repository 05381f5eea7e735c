import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import type { RouterOutputs } from '../../shared/api-types';
import { readApiError } from '../../shared/errors';
import { useTRPC } from '../../shared/trpc';

type Verification = RouterOutputs['audit']['verify'];
type State = { kind: 'idle' } | { kind: 'done'; result: Verification } | { kind: 'failed'; message: string };

/** Recomputes the hash chain on the server (reliability-security.md §2) and shows what it found. */
export function useVerifyChain() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [running, setRunning] = useState(false);
  const run = () => {
    setRunning(true);
    queryClient
      .query({ ...trpc.audit.verify.queryOptions(), staleTime: 0 })
      .then((result) => setState({ kind: 'done', result }))
      .catch((e: unknown) => setState({ kind: 'failed', message: readApiError(e).message }))
      .finally(() => setRunning(false));
  };
  const button = (
    <Button icon={<SafetyCertificateOutlined />} loading={running} onClick={run}>
      校验审计链
    </Button>
  );
  return { button, result: <VerifyResult state={state} onClose={() => setState({ kind: 'idle' })} /> };
}

function VerifyResult({ state, onClose }: { state: State; onClose: () => void }) {
  if (state.kind === 'idle') return null;
  const closable = { onClose };
  if (state.kind === 'failed') {
    return (
      <Alert
        type="error"
        showIcon
        closable={closable}
        title="校验未能完成"
        description={state.message}
        style={{ marginBottom: 16 }}
      />
    );
  }
  const r = state.result;
  return (
    <Alert
      type={r.ok ? 'success' : 'error'}
      showIcon
      closable={closable}
      style={{ marginBottom: 16 }}
      title={
        r.ok
          ? `审计链完整，已校验 ${r.checked} 条记录`
          : `审计链校验失败${r.firstBrokenSeq === null ? '' : `：第 ${r.firstBrokenSeq} 条记录起不一致`}`
      }
      description={r.message}
    />
  );
}
