/** The contract pages' tables, as compact as the document lists'. */
export const denseTable = { components: { Table: { cellPaddingBlockSM: 5, headerBg: '#f7f8fa' } } };
