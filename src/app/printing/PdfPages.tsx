import { Alert, Flex, Spin } from 'antd';
import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { useEffect, useRef, useState } from 'react';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';

// The parser runs in its own worker, a file of the app's own (the CSP lets only those run).
GlobalWorkerOptions.workerSrc = workerUrl;

/** The pages at 96 CSS pixels to the inch, as on paper; drawn at the screen's density. */
const cssPixelsPerPoint = 96 / 72;

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/**
 * A PDF's pages drawn by PDF.js, each at its paper's size (or a share of it): the preview is the very file the printer gets,
 * not a page laid out again. Glyphs are drawn as paths from the embedded font (no font is installed into
 * the page), so what shows is what the PDF holds.
 */
export function PdfPages({
  contentBase64,
  fitWidth = false,
}: {
  contentBase64: string;
  /**
   * Drawn as on paper (false), or as wide as the space it is given and never wider than on paper: the
   * designer's live preview sits beside its form.
   */
  fitWidth?: boolean;
}) {
  const holder = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    const task = getDocument({ data: bytesOf(contentBase64), disableFontFace: true });
    let cancelled = false;
    void task.promise
      .then(async (pdf) => {
        const target = holder.current;
        if (!target) return;
        target.replaceChildren();
        for (let number = 1; number <= pdf.numPages && !cancelled; number += 1) {
          const page = await pdf.getPage(number);
          const viewport = page.getViewport({ scale: cssPixelsPerPoint * window.devicePixelRatio });
          const canvas = document.createElement('canvas');
          canvas.width = Math.round(viewport.width);
          canvas.height = Math.round(viewport.height);
          canvas.style.width = `${viewport.width / window.devicePixelRatio}px`;
          canvas.style.height = `${viewport.height / window.devicePixelRatio}px`;
          if (fitWidth) {
            // Never wider than the room it has, its proportions kept, as the room changes too.
            canvas.style.maxWidth = '100%';
            canvas.style.height = 'auto';
          }
          canvas.style.boxShadow = '0 1px 4px rgba(0, 0, 0, 0.25)';
          canvas.style.background = '#fff';
          canvas.dataset.testid = 'print-preview-page';
          target.append(canvas);
          await page.render({ canvas, viewport }).promise;
        }
        if (!cancelled) setPages(pdf.numPages);
      })
      .catch((error: unknown) => {
        if (!cancelled) setFailure(error instanceof Error ? error.message : String(error));
      });
    return () => {
      cancelled = true;
      void task.destroy();
    };
  }, [contentBase64, fitWidth]);

  if (failure) return <Alert type="error" showIcon title={failure} data-testid="print-preview-failure" />;
  return (
    <Spin spinning={pages === null}>
      <Flex
        ref={holder}
        vertical
        align="center"
        gap={16}
        style={{ background: '#e8e8e8', padding: 16, minHeight: 200 }}
        data-testid="print-preview-pages"
        data-pages={pages ?? undefined}
      />
    </Spin>
  );
}
