import { MentorProfileInput } from '@fund/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Space, Tag, Typography } from 'antd';
import { FormAlert } from '../../shared/FormAlert';
import { readApiError } from '../../shared/errors';
import { Page } from '../../shared/Page';
import { PageLoading } from '../../shared/PageLoading';
import { useTRPC } from '../../shared/trpc';
import { useSchemaForm, type ToInput } from '../../shared/use-schema-form';
import { LoadBar } from './MentoringTags';
import { MentorProfileFields } from './MentorProfileFields';
import type { MentorView } from './types';

type Values = Partial<Omit<MentorProfileInput, 'availability'>>;

function ProfileForm({ mentor }: { mentor: MentorView }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  // Availability is changed with 暂停 / 恢复 (setAvailability); the profile form keeps the current one.
  const toInput: ToInput<Values> = (v) => ({ input: { ...v, availability: mentor.availability } });
  const { form, general, validate, onValuesChange, showServerError } = useSchemaForm<
    Values,
    MentorProfileInput
  >(MentorProfileInput, toInput);
  const save = useMutation(
    trpc.mentoring.mentors.updateMine.mutationOptions({
      onSuccess: async () => {
        void message.success('导师资料已保存');
        await queryClient.invalidateQueries({ queryKey: trpc.mentoring.pathKey() });
      },
      onError: showServerError,
    }),
  );
  return (
    <Form
      name="mentorProfile"
      form={form}
      layout="vertical"
      onValuesChange={onValuesChange}
      onFinish={() => {
        const input = validate();
        if (input) save.mutate(input);
      }}
      initialValues={{
        name: mentor.name,
        kind: mentor.kind,
        organisation: mentor.organisation,
        title: mentor.title,
        industries: mentor.industries,
        topics: mentor.topics,
        capacity: mentor.capacity,
        bio: mentor.bio,
      }}
    >
      <MentorProfileFields />
      <FormAlert messages={general} />
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        保存
      </Button>
    </Form>
  );
}

/** 我的导师资料 (mentor): own profile and capacity, and pausing / resuming new pairings. */
export function MyMentorProfilePage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const q = useQuery(trpc.mentoring.mentors.mine.queryOptions());
  const setAvailability = useMutation(
    trpc.mentoring.mentors.setAvailability.mutationOptions({
      onSuccess: async (m) => {
        void message.success(m.availability === 'paused' ? '已暂停接受新的结对' : '已恢复接受结对');
        await queryClient.invalidateQueries({ queryKey: trpc.mentoring.pathKey() });
      },
      onError: (e) => void message.error(readApiError(e).message),
    }),
  );
  if (q.isPending) return <PageLoading />;
  if (q.isError) {
    return (
      <Page title="我的导师资料">
        <Alert type="error" showIcon title={readApiError(q.error).message} />
      </Page>
    );
  }
  const m = q.data;
  const paused = m.availability === 'paused';
  return (
    <Page title="我的导师资料" width={1000}>
      <Card title="接受结对" style={{ marginBottom: 16 }}>
        <Space size={24} wrap align="center">
          <Space direction="vertical" size={4}>
            <Typography.Text type="secondary">名额占用</Typography.Text>
            <LoadBar load={m.load} width={240} />
          </Space>
          <Space direction="vertical" size={4}>
            <Typography.Text type="secondary">当前状态</Typography.Text>
            <Tag color={paused ? 'default' : 'success'}>{m.availabilityLabel}</Tag>
          </Space>
          <Button
            loading={setAvailability.isPending}
            onClick={() => setAvailability.mutate({ availability: paused ? 'accepting' : 'paused' })}
          >
            {paused ? '恢复接受结对' : '暂停接受结对'}
          </Button>
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
          暂停后工作人员不会再向您推荐新的学员，正在辅导的结对不受影响。可带教人数不能低于当前已占用的名额。
        </Typography.Paragraph>
      </Card>
      <Card title="导师资料">
        <ProfileForm mentor={m} />
      </Card>
    </Page>
  );
}
