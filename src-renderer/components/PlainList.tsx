// A list of rows divided by a line, paged when long: what the screens used antd's List for (deprecated in
// antd 6). Plain markup (ul/li), so a screen reader announces a list and its length.
import { Empty, Pagination, Spin, theme } from 'antd';
import { useState, type ReactNode } from 'react';

export interface PlainListProps<T> {
  items: readonly T[];
  itemKey: (item: T, index: number) => string;
  renderItem: (item: T) => ReactNode;
  /** Rows per page; all rows on one page when absent or when they fit. */
  pageSize?: number;
  /** Paged by its owner, `pageSize` rows a page: `items` are the rows of `page` (of `total`), the whole list is not given. */
  paging?: { page: number; total: number; onPage: (page: number) => void };
  size?: 'small' | 'middle';
  bordered?: boolean;
  header?: ReactNode;
  loading?: boolean;
  /** What an empty list shows (a small empty picture by default). */
  empty?: ReactNode;
  /** The data-testid of the list and of each row. */
  testId?: string;
  itemTestId?: string;
}

export function PlainList<T>({ items, itemKey, renderItem, pageSize, paging, size = 'middle', bordered = false, header, loading = false, empty, testId, itemTestId }: PlainListProps<T>) {
  const { token } = theme.useToken();
  const [page, setPage] = useState(1);
  const total = paging?.total ?? items.length;
  const paged = pageSize !== undefined && total > pageSize;
  const current = paging?.page ?? (paged ? Math.min(page, Math.ceil(total / pageSize)) : 1);
  const shown = paged && !paging ? items.slice((current - 1) * pageSize, current * pageSize) : items;
  const pad = size === 'small' ? `${token.paddingXS}px ${bordered ? token.padding : 0}px` : `${token.paddingSM}px ${bordered ? token.paddingLG : 0}px`;
  const line = `1px solid ${token.colorSplit}`;
  return (
    <Spin spinning={loading}>
      <div data-testid={testId} style={bordered ? { border: `1px solid ${token.colorBorder}`, borderRadius: token.borderRadiusLG } : undefined}>
        {header && <div style={{ padding: pad, borderBottom: line }}>{header}</div>}
        {total === 0 ? (
          <div style={{ padding: pad }}>{empty ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}</div>
        ) : (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {shown.map((item, i) => (
              <li key={itemKey(item, i)} data-testid={itemTestId} style={{ padding: pad, borderBottom: i < shown.length - 1 ? line : undefined }}>
                {renderItem(item)}
              </li>
            ))}
          </ul>
        )}
      </div>
      {paged && (
        <Pagination size="small" align="end" style={{ marginTop: token.marginSM }} current={current} pageSize={pageSize} total={total} showSizeChanger={false} onChange={paging?.onPage ?? setPage} />
      )}
    </Spin>
  );
}
