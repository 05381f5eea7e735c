/** Saves a Blob built in the browser as a file (a temporary object URL and a clicked link). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves a file the server sent as base64 (e.g. the bank file of a payment batch) through a Blob download. */
export function downloadBase64(base64: string, fileName: string, mime: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  downloadBlob(new Blob([bytes], { type: mime }), fileName);
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A stored document is read through the API (the browser opens or saves it; the server checks who may). */
export function documentUrl(id: number): string {
  return `/api/documents/${id}`;
}
