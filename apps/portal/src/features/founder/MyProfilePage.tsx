import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions } from 'antd';
import dayjs from 'dayjs';
import { readApiError } from '../../shared/errors';
import { Page } from '../../shared/Page';
import { PageLoading } from '../../shared/PageLoading';
import { useTRPC } from '../../shared/trpc';

export function MyProfilePage() {
  const trpc = useTRPC();
  const q = useQuery(trpc.founders.mine.queryOptions());
  if (q.isPending) return <PageLoading />;
  if (q.isError) {
    return (
      <Page title="我的资料">
        <Alert type="error" showIcon title={readApiError(q.error).message} />
      </Page>
    );
  }
  const f = q.data;
  return (
    <Page title="我的资料" subtitle="个人创业者">
      <Card title="个人信息">
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'name', label: '姓名', children: f.name },
            { key: 'school', label: '毕业院校', children: f.school },
            { key: 'year', label: '毕业年份', children: `${f.graduationYear} 年` },
            { key: 'id', label: '身份证号', children: f.idNumberMasked },
            { key: 'mobile', label: '手机号码', children: f.mobileMasked },
            { key: 'created', label: '注册时间', children: dayjs(f.createdAt).format('YYYY-MM-DD HH:mm') },
          ]}
        />
      </Card>
      <Alert
        type="info"
        showIcon
        style={{ marginTop: 16 }}
        title="个人信息已加密保存"
        description="身份证号和手机号码在系统中加密存储，页面上仅显示部分内容。"
      />
    </Page>
  );
}
