import { Typography } from 'antd';
import { useNavigate } from 'react-router';
import { documentAddress, type DocumentType } from '../document/documentTypes';

/** A document's number that opens the document in its own tab. */
export function DocumentLink({ type, id, number }: { type: DocumentType; id: number; number: string }) {
  const navigate = useNavigate();
  return (
    <Typography.Link
      onClick={(event) => {
        // The row under the link keeps its own click (a double click confirms, for instance).
        event.stopPropagation();
        void navigate(documentAddress(type, { id }));
      }}
      data-testid={`document-link-${number}`}
    >
      {number}
    </Typography.Link>
  );
}
