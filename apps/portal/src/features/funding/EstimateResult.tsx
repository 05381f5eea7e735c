import { formatFen } from '@fund/domain';
import { Alert, Flex, Statistic } from 'antd';
import type { RouterOutputs } from '../../shared/api-types';
import { WorkingLines } from './WorkingLines';

export type CalculatorResult = RouterOutputs['cases']['calculator'][number];

/** Every failed condition of §3, each with its reason, or a plain "eligible". */
export function EligibilityAlert({ result }: { result: CalculatorResult }) {
  if (result.eligible) {
    return <Alert type="success" showIcon title="符合申报条件" />;
  }
  return (
    <Alert
      type="error"
      showIcon
      title={`暂不符合申报条件（${result.failures.length} 项未满足）`}
      description={
        <ol aria-label="未满足的条件" style={{ margin: 0, paddingInlineStart: 20 }}>
          {result.failures.map((f) => (
            <li key={f.code}>{f.message}</li>
          ))}
        </ol>
      }
    />
  );
}

/** The estimate the server's calculator gave for the typed data, with its working; or why it could not. */
export function EstimateResult({ result }: { result: CalculatorResult }) {
  if (result.estimateProblem) {
    return <Alert type="warning" showIcon title="无法计算金额" description={result.estimateProblem} />;
  }
  if (!result.estimate) return null;
  const { amountFen, working } = result.estimate;
  return (
    <Flex vertical gap={12}>
      <Statistic
        title={result.scheme === 'loan-interest-subsidy' ? '预计贴息金额' : '预计奖励金额'}
        value={formatFen(amountFen)}
        styles={{ content: { color: '#1a4f8b', fontWeight: 600 } }}
      />
      <WorkingLines lines={working} />
      <Alert type="info" showIcon title="以上为按本项目现行参数的测算结果；最终金额以审核认定为准。" />
    </Flex>
  );
}
