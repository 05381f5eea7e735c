/**
 * Enterprise documents go to `POST /api/documents` as multipart (tRPC carries JSON, not files): the `kind` field
 * first, then the file. The custom header is the server's CSRF check for multipart posts (src/http/security.ts).
 */
export type UploadedDocument = {
  id: number;
  kind: string;
  mime: string;
  size: number;
  originalName: string;
  createdAt: string;
};

export const ACCEPTED_DOCUMENTS = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';

export async function uploadDocument(kind: string, file: File): Promise<UploadedDocument> {
  const body = new FormData();
  body.append('kind', kind);
  body.append('file', file, file.name);
  let res: Response;
  try {
    res = await fetch('/api/documents', {
      method: 'POST',
      body,
      headers: { 'x-fund-request': '1' },
      credentials: 'same-origin',
    });
  } catch {
    throw new Error('无法连接服务器，请检查网络后重试。');
  }
  const json = (await res.json().catch(() => null)) as
    (UploadedDocument & { error?: undefined }) | { error?: { message?: string } } | null;
  if (!res.ok || json === null || json.error) {
    const message = json?.error?.message;
    throw new Error(message && /[\u3400-\u9fff]/.test(message) ? message : '上传失败，请稍后重试。');
  }
  return json as UploadedDocument;
}

/** Where a stored document is downloaded (own enterprise or staff only; the server answers 404 otherwise). */
export function documentHref(id: number): string {
  return `/api/documents/${id}`;
}

export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
