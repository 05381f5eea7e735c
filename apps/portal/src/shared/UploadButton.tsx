import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import { ACCEPTED_DOCUMENTS, uploadDocument, type UploadedDocument } from './upload';

type Props = {
  kind: string;
  /** The button reads 上传{label} (or 重新上传{label} once one is on file). */
  label: string;
  replacing?: boolean;
  /** In a checklist whose row already names the document: the button reads 上传文件 (its accessible name stays full). */
  compact?: boolean;
  onUploaded: (doc: UploadedDocument) => void;
};

/** One file of one kind (PDF, PNG or JPG up to 10MB; the server checks the bytes). */
export function UploadButton({ kind, label, replacing = false, compact = false, onUploaded }: Props) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Upload
      accept={ACCEPTED_DOCUMENTS}
      showUploadList={false}
      maxCount={1}
      customRequest={({ file }) => {
        setBusy(true);
        uploadDocument(kind, file as File)
          .then((doc) => {
            void message.success(`已上传：${doc.originalName}`);
            onUploaded(doc);
          })
          .catch(
            (e: unknown) => void message.error(e instanceof Error ? e.message : '上传失败，请稍后重试。'),
          )
          .finally(() => setBusy(false));
      }}
    >
      <Button
        icon={<UploadOutlined />}
        loading={busy}
        aria-label={`${replacing ? '重新上传' : '上传'}${label}`}
      >
        {replacing ? '重新上传' : '上传'}
        {compact ? '文件' : label}
      </Button>
    </Upload>
  );
}
