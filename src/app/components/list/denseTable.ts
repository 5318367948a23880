/** The lists' and reports' tables: rows as compact as 管家婆's grids, a header a shade darker. */
export const denseTable = { components: { Table: { cellPaddingBlockSM: 5, headerBg: '#f7f8fa' } } };
