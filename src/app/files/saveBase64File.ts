/** A file the engine produced (an export, a template, an error report), as it crosses the API. */
export interface EngineFile {
  fileName: string;
  contentBase64: string;
}

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

function mimeTypeOf(fileName: string): string {
  if (/\.xlsx$/i.test(fileName)) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (/\.csv$/i.test(fileName)) return 'text/csv';
  if (/\.pdf$/i.test(fileName)) return 'application/pdf';
  return 'application/octet-stream';
}

/**
 * Hands a file to the person as a download: a Blob URL clicked through an `<a download>`. The
 * browser saves it in web mode; the desktop app's window asks where, as for any download.
 */
export function saveBase64File(file: EngineFile): void {
  const url = URL.createObjectURL(
    new Blob([bytesOf(file.contentBase64)], { type: mimeTypeOf(file.fileName) }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the URL can go once the browser has taken it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
