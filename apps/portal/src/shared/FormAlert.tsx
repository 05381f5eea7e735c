import { Alert } from 'antd';

/** Messages that belong to the whole form (or to no visible field), shown above the submit button. */
export function FormAlert({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  const title = messages.length === 1 ? messages[0] : '请修改以下内容后重新提交：';
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title}
      description={
        messages.length > 1 ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {messages.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
