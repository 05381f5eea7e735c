import { can, type Role } from '@fund/domain';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { useNavigate } from 'react-router';
import { useTRPC } from '../../shared/trpc';

/**
 * The calendar warning on 工作台, for administrators only: next year's holiday arrangement is not entered and year
 * end is near (the server decides, against its own clock). Renders nothing otherwise.
 */
export function PolicyWarningCard({ roles }: { roles: readonly Role[] }) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const manage = can(roles, 'policy.manage');
  const overview = useQuery({ ...trpc.policy.calendar.list.queryOptions(), enabled: manage });
  const warning = overview.data?.warning;
  if (!manage || !warning) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title="节假日安排待录入"
      description={warning}
      action={
        <Button size="small" type="primary" onClick={() => void navigate('/policy')}>
          前往录入
        </Button>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
