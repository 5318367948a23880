import { App, Input, Popover, Tag, Typography } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient } from '../../api/ClientContext';
import { useDebouncedValue } from '../list/useDebouncedValue';
import type { GoodsMatch } from './documentDraft';

const searchLimit = 20;

/**
 * The goods cell of a line: the clerk types a code, a name, pinyin initials or scans a barcode, and
 * Enter takes the highlighted match — the first one unless ↑ ↓ chose another. A scanner types faster
 * than the suggestions arrive, so Enter asks the engine itself for exactly what is in the cell.
 */
export function GoodsCell({
  label,
  spec,
  hasGoods,
  status,
  onPick,
  onPass,
}: {
  /** What the cell shows for the goods on the line: "SP001 鲜牛奶". */
  label: string;
  /** 规格型号, shown when the pointer rests on the cell. */
  spec: string;
  hasGoods: boolean;
  status?: 'error';
  onPick: (match: GoodsMatch) => void;
  /** Enter with nothing new typed: the clerk moves on. */
  onPass: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const [text, setText] = useState(label);
  const [shownLabel, setShownLabel] = useState(label);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [found, setFound] = useState<{ term: string; matches: GoodsMatch[] } | null>(null);
  const typed = useRef(false);
  const settled = useDebouncedValue(text.trim(), 200);

  // A pick (here or by the grid) changes the label: the cell shows it again.
  if (shownLabel !== label) {
    setShownLabel(label);
    setText(label);
  }

  useEffect(() => {
    if (!open || !settled || settled === label) return;
    let current = true;
    void client.call('goods.search', { term: settled, limit: searchLimit }).then(
      (matches) => current && setFound({ term: settled, matches }),
      () => current && setFound({ term: settled, matches: [] }),
    );
    return () => {
      current = false;
    };
  }, [client, open, settled, label]);

  const matches = found && found.term === text.trim() ? found.matches : [];

  const pick = (match: GoodsMatch | undefined, term: string) => {
    if (!match) {
      void message.warning(t('document.goodsNotFound', { term }));
      return;
    }
    if (!match.active) {
      void message.warning(t('document.goodsDisabled', { name: match.name }));
      return;
    }
    typed.current = false;
    setOpen(false);
    setFound(null);
    onPick(match);
  };

  const enter = async () => {
    const term = text.trim();
    if (!term || (term === label && hasGoods)) {
      setOpen(false);
      if (hasGoods) onPass();
      return;
    }
    if (found?.term === term) {
      pick(found.matches[active] ?? found.matches.find((match) => match.active), term);
      return;
    }
    try {
      const fresh = await client.call('goods.search', { term, limit: searchLimit });
      setFound({ term, matches: fresh });
      pick(fresh.find((match) => match.active) ?? fresh[0], term);
    } catch (error) {
      void message.error((error as Error).message);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      void enter();
    } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && open && matches.length > 0) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (index + step + matches.length) % matches.length);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      setText(label);
    }
  };

  const suggestions = (
    <div role="listbox" style={{ width: 420, maxHeight: 320, overflowY: 'auto' }} data-testid="goods-matches">
      {matches.map((match, index) => (
        <div
          key={match.id}
          role="option"
          aria-selected={index === active}
          // Keep the focus in the cell: the click picks, the clerk types on.
          onMouseDown={(event) => {
            event.preventDefault();
            pick(match, text.trim());
          }}
          onMouseEnter={() => setActive(index)}
          style={{
            display: 'flex',
            gap: 8,
            padding: '4px 8px',
            cursor: 'pointer',
            borderRadius: 4,
            background: index === active ? '#e6f4ff' : undefined,
          }}
        >
          <Typography.Text style={{ width: 90, flex: 'none' }} ellipsis>
            {match.code}
          </Typography.Text>
          <Typography.Text style={{ flex: 1 }} ellipsis>
            {match.name}
            {match.spec ? <Typography.Text type="secondary"> {match.spec}</Typography.Text> : null}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ flex: 'none' }}>
            {match.units.map((unit) => unit.name).join('/')}
          </Typography.Text>
          {!match.active && <Tag style={{ marginInlineEnd: 0 }}>{t('list.disabled')}</Tag>}
        </div>
      ))}
    </div>
  );

  return (
    <Popover
      open={open && matches.length > 0}
      content={suggestions}
      placement="bottomLeft"
      arrow={false}
      trigger={[]}
      styles={{ container: { padding: 4 } }}
    >
      <Input
        size="small"
        value={text}
        status={status}
        placeholder={t('document.goodsPlaceholder')}
        aria-label={t('document.columns.goods')}
        title={spec ? `${label} ${spec}` : label}
        // The spec and pack size beside the name (可乐 330ml×24): which of two 可乐 it is, at a glance. The
        // suffix is always there, empty while typing — antd remounts an input whose suffix comes and goes.
        suffix={
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="goods-spec">
            {open || !spec ? '' : spec}
          </Typography.Text>
        }
        onChange={(event) => {
          typed.current = true;
          setText(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          // Typed but not picked: the line keeps its goods, and the cell says so.
          if (typed.current) setText(label);
          typed.current = false;
        }}
      />
    </Popover>
  );
}
