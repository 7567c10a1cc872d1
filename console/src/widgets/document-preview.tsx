import { Alert, Modal, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { DOCUMENT_KIND_LABELS, type OnboardingDocument } from '../../../services/contracts/onboarding';
import { errorMessage } from '../api/client';
import * as api from '../api/employer';

/**
 * An uploaded onboarding document, for review. An ID card picture comes from the mock already masked (its
 * number band covered, watermarked for this company: mock/onboarding/id-card-mask.ts), so no view, download
 * or right-click ever holds the number; the HR checks the picture is clear and whole.
 */
export function DocumentPreview(props: { document: OnboardingDocument | undefined; onClose(): void }) {
  const { document } = props;
  const [file, setFile] = useState<{ url: string; type: string }>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!document?.id) return;
    let url: string | undefined;
    let live = true;
    setFile(undefined);
    setError(undefined);
    api.fetchDocumentFile(document.id).then(
      (blob) => {
        url = URL.createObjectURL(blob);
        if (live) setFile({ url, type: blob.type });
      },
      (failure: unknown) => live && setError(errorMessage(failure)),
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [document?.id]);

  return (
    <Modal
      open={!!document}
      title={document && DOCUMENT_KIND_LABELS[document.kind]}
      footer={null}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" message={error} />}
      {!error && !file && <Skeleton.Image active />}
      {file && file.type === 'application/pdf' && (
        <a href={file.url} target="_blank" rel="noreferrer">
          打开PDF
        </a>
      )}
      {file && file.type !== 'application/pdf' && (
        <div className="document-image">
          <img src={file.url} alt={document ? DOCUMENT_KIND_LABELS[document.kind] : ''} />
        </div>
      )}
    </Modal>
  );
}
