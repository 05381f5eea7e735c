import { CheckCircleFilled, CloseOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import type { RequiredDocument } from '@fund/domain';
import { Button, List, Space, Tag, Typography } from 'antd';
import { documentHref, formatFileSize } from '../../shared/upload';
import { UploadButton } from '../../shared/UploadButton';

export type AttachedDocument = { id: number; kind: string; originalName: string; size: number };

export const LICENCE_KIND = 'business-licence';

type Props = {
  required: readonly RequiredDocument[];
  attached: readonly AttachedDocument[];
  /** The enterprise's licence from 企业核验 counts for the checklist (the server adds it at submission). */
  licenceOnFile: boolean;
  onAdd?: (doc: AttachedDocument) => void;
  onRemove?: (id: number) => void;
};

/** The programme's 申报材料 checklist: each item with what is attached, and an upload button while editable. */
export function DocumentChecklist({ required, attached, licenceOnFile, onAdd, onRemove }: Props) {
  const editable = onAdd !== undefined;
  return (
    <List
      bordered
      dataSource={[...required]}
      renderItem={(d) => {
        const files = attached.filter((a) => a.kind === d.key);
        const onFile = d.key === LICENCE_KIND && licenceOnFile && files.length === 0;
        const done = files.length > 0 || onFile;
        return (
          <List.Item
            actions={
              editable
                ? [
                    <UploadButton
                      key="up"
                      kind={d.key}
                      label={d.label}
                      compact
                      onUploaded={(doc) => onAdd(doc)}
                    />,
                  ]
                : []
            }
          >
            <Space direction="vertical" size={4} style={{ minWidth: 0 }}>
              <Space wrap>
                {done ? (
                  <CheckCircleFilled style={{ color: '#52c41a' }} aria-label="已提供" />
                ) : (
                  <ExclamationCircleOutlined
                    style={{ color: d.required ? '#fa8c16' : '#bfbfbf' }}
                    aria-label="未提供"
                  />
                )}
                <Typography.Text>{d.label}</Typography.Text>
                {d.required ? <Tag color="red">必交</Tag> : <Tag>选交</Tag>}
              </Space>
              {onFile && <Typography.Text type="secondary">已在企业核验中上传，无需重复提交</Typography.Text>}
              {files.map((f) => (
                <Space key={f.id} size={4}>
                  <Typography.Link href={documentHref(f.id)}>
                    {f.originalName}（{formatFileSize(f.size)}）
                  </Typography.Link>
                  {onRemove && (
                    <Button
                      type="text"
                      size="small"
                      icon={<CloseOutlined />}
                      aria-label={`移除 ${f.originalName}`}
                      onClick={() => onRemove(f.id)}
                    />
                  )}
                </Space>
              ))}
            </Space>
          </List.Item>
        );
      }}
    />
  );
}
