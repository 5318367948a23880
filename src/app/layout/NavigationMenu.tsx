import { SearchOutlined, StarFilled } from '@ant-design/icons';
import { Dropdown, Flex, Input, Menu, Typography, type InputRef, type MenuProps } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePersonalSetting } from '../session/usePersonalSetting';
import { navGroups, pages, type NavGroup, type PageDefinition } from '../workspace/pages';
import { pinyinMatches } from '../components/form/pinyinMatches';

/**
 * The common documents, each on Alt and a digit, in the order of the business flow (采购 → 销售 → 收款):
 * what a clerk opens dozens of times a day without reaching for the mouse.
 */
export const pageShortcuts: Readonly<Record<string, string>> = {
  'document-purchase-order': '1',
  'document-purchase-receipt': '2',
  'document-sales-order': '3',
  'document-sales-delivery': '4',
  'document-customer-receipt': '5',
  'document-transfer': '6',
  'document-stocktake': '7',
};

const favouritesGroup = 'favourites';
const isKeyList = (stored: unknown): stored is string[] =>
  Array.isArray(stored) && stored.every((key) => typeof key === 'string');

/**
 * The navigation: a search over the pages by name or pinyin (Ctrl+K; Enter opens the first match), the
 * person's favourites first (right-click a page to add or remove it), then the groups, one open at a time
 * so the menu fits a 1366×768 screen without scrolling. Alt+digit opens the common documents.
 */
export function NavigationMenu({
  allowed,
  activeKey,
  onOpen,
}: {
  allowed: (page: PageDefinition) => boolean;
  activeKey: string | undefined;
  onOpen: (page: PageDefinition) => void;
}) {
  const { t } = useTranslation();
  const search = useRef<InputRef>(null);
  const [typed, setTyped] = useState('');
  const [favourites, setFavourites] = usePersonalSetting<string[]>('favourite-pages', [], isKeyList);
  const visible = useMemo(
    () => pages.filter((page) => page.inNavigation !== false && allowed(page)),
    [allowed],
  );
  const activeGroup = visible.find((page) => page.key === activeKey)?.group;
  // The open group is the person's choice until another page becomes active (opened from the workbench, a
  // tab, a shortcut): then its group opens.
  const [choice, setChoice] = useState<{ group: NavGroup | undefined; active: NavGroup | undefined }>({
    group: activeGroup,
    active: activeGroup,
  });
  const openGroup = choice.active === activeGroup ? choice.group : activeGroup;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        search.current?.focus({ cursor: 'all' });
        return;
      }
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const key = Object.entries(pageShortcuts).find(([, digit]) => event.code === `Digit${digit}`)?.[0];
      const page = visible.find((candidate) => candidate.key === key);
      if (page) {
        event.preventDefault();
        onOpen(page);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [visible, onOpen]);

  const label = (page: PageDefinition) => {
    const shortcut = pageShortcuts[page.key];
    const isFavourite = favourites.includes(page.key);
    return (
      <Dropdown
        trigger={['contextMenu']}
        menu={{
          items: [{ key: 'toggle', label: t(isFavourite ? 'nav.unfavourite' : 'nav.favourite') }],
          onClick: () =>
            setFavourites(
              isFavourite ? favourites.filter((key) => key !== page.key) : [...favourites, page.key],
            ),
        }}
      >
        <Flex justify="space-between" align="center" gap={4} title={t(page.title)}>
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{t(page.title)}</span>
          {shortcut && (
            <Typography.Text type="secondary" style={{ fontSize: 11 }}>{`Alt+${shortcut}`}</Typography.Text>
          )}
        </Flex>
      </Dropdown>
    );
  };
  const item = (page: PageDefinition) => ({ key: page.key, icon: page.icon, label: label(page) });

  const matches =
    typed.trim() === '' ? null : visible.filter((page) => pinyinMatches([t(page.title)], typed));
  const favourite = favourites.flatMap((key) => visible.find((page) => page.key === key) ?? []);
  const items: MenuProps['items'] =
    matches !== null
      ? matches.map(item)
      : [
          ...(favourite.length > 0
            ? [
                {
                  key: favouritesGroup,
                  type: 'group' as const,
                  label: (
                    <span>
                      <StarFilled style={{ color: '#faad14' }} /> {t('nav.favourites')}
                    </span>
                  ),
                  // The same page may stand in its group too: its key there must differ.
                  children: favourite.map((page) => ({
                    ...item(page),
                    key: `${favouritesGroup}:${page.key}`,
                  })),
                },
              ]
            : []),
          ...navGroups.flatMap((group) => {
            const children = visible.filter((page) => page.group === group);
            return children.length === 0
              ? []
              : [{ key: group, label: t(`nav.${group}`), children: children.map(item) }];
          }),
        ];

  const open = (key: string) => {
    const page = visible.find((candidate) => candidate.key === key.replace(`${favouritesGroup}:`, ''));
    if (!page) return;
    setTyped('');
    onOpen(page);
  };

  return (
    <Flex vertical style={{ height: '100%' }} data-testid="navigation">
      <div style={{ padding: 8 }}>
        <Input
          ref={search}
          allowClear
          size="small"
          prefix={<SearchOutlined />}
          placeholder={t('nav.search')}
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && matches?.[0]) open(matches[0].key);
            if (event.key === 'Escape') setTyped('');
          }}
          data-testid="menu-search"
        />
      </div>
      <div style={{ flex: 1, overflow: 'auto' }}>
        <Menu
          mode="inline"
          // Closed groups stay in the page, hidden: what a role may open is there to be read.
          forceSubMenuRender
          selectedKeys={activeKey ? [activeKey, `${favouritesGroup}:${activeKey}`] : []}
          openKeys={openGroup ? [openGroup] : []}
          onOpenChange={(keys) =>
            setChoice({ group: keys.at(-1) as NavGroup | undefined, active: activeGroup })
          }
          items={items}
          onClick={({ key }) => open(key)}
        />
        {matches?.length === 0 && (
          <Typography.Text type="secondary" style={{ padding: 16, display: 'block' }}>
            {t('nav.noMatch')}
          </Typography.Text>
        )}
      </div>
    </Flex>
  );
}
