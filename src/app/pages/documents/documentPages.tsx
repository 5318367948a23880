import {
  AccountBookOutlined,
  ContainerOutlined,
  FileTextOutlined,
  ShopOutlined,
  ShoppingCartOutlined,
} from '@ant-design/icons';
import type { ComponentType } from 'react';
import { DocumentListPage } from '../../components/document/DocumentListPage';
import { documentTypeUi, type DocumentType } from '../../components/document/documentTypes';
import type { NavGroup, PageDefinition } from '../../workspace/pages';
import { DocumentPage } from './DocumentPage';

/**
 * Each area's documents: the list first, then a page per type in the order clerks reach for them.
 * `independentOnly`: money kept at the branch, which a non-independent branch does not keep (§2, §7).
 */
const areas: {
  group: Extract<NavGroup, 'purchase' | 'sales' | 'warehouse' | 'accounts'>;
  list: Pick<PageDefinition, 'key' | 'path' | 'title' | 'icon'>;
  types: readonly DocumentType[];
  independentOnly?: boolean;
}[] = [
  {
    group: 'purchase',
    list: {
      key: 'purchase-documents',
      path: '/purchase/documents',
      title: 'page.purchaseDocuments',
      icon: <ShoppingCartOutlined />,
    },
    types: ['purchase_order', 'purchase_receipt', 'purchase_return'],
  },
  {
    group: 'sales',
    list: {
      key: 'sales-documents',
      path: '/sales/documents',
      title: 'page.salesDocuments',
      icon: <ShopOutlined />,
    },
    types: ['sales_order', 'sales_delivery', 'sales_return'],
  },
  {
    group: 'warehouse',
    list: {
      key: 'warehouse-documents',
      path: '/warehouse/documents',
      title: 'page.warehouseDocuments',
      icon: <ContainerOutlined />,
    },
    types: [
      'transfer',
      'internal_transfer_out',
      'internal_transfer_in',
      'stocktake',
      'stock_gain',
      'stock_loss',
      'other_receipt',
      'other_issue',
      'opening_stock',
      'cost_adjustment',
    ],
  },
  {
    group: 'accounts',
    list: {
      key: 'money-documents',
      path: '/accounts/documents',
      title: 'page.moneyDocuments',
      icon: <AccountBookOutlined />,
    },
    types: ['customer_receipt', 'supplier_payment', 'customer_rebate', 'supplier_rebate'],
    independentOnly: true,
  },
];

// Workspace pages take no props: one small component per configuration, made once.
function listPageOf(types: readonly DocumentType[], testId: string): ComponentType {
  const ListPage = () => <DocumentListPage types={types} testId={testId} />;
  return ListPage;
}
function documentPageOf(type: DocumentType): ComponentType {
  const TypePage = () => <DocumentPage type={type} />;
  return TypePage;
}

/** The document lists and the document page of every type, under 采购 / 销售 / 仓库 / 往来. */
export const documentPages: PageDefinition[] = areas.flatMap(({ group, list, types, independentOnly }) => [
  {
    ...list,
    group,
    permission: 'documents.view' as const,
    independentOnly,
    component: listPageOf(types, `document-list-${group}`),
  },
  ...types.map((type) => ({
    key: documentTypeUi[type].pageKey,
    path: documentTypeUi[type].path,
    group,
    title: documentTypeUi[type].title,
    icon: <FileTextOutlined />,
    permission: 'documents.view' as const,
    independentOnly,
    component: documentPageOf(type),
  })),
]);
