// A long table of one-line rows that renders only the rows in view. antd's virtual Table measures the height
// of every row it renders (a forced layout of the rows, 50–80 ms a page at 100,000 targets) and renders each
// cell through rc-table's contexts; here every row is one line of a known height, so the rows in view are
// arithmetic on the scroll position and nothing is measured. (@tanstack/react-virtual, used for the photo grid,
// writes the scroll position when it mounts, which forces the same layout: ~35–50 ms a page here.) Semantics
// are a table's (roles, row indexes), for screen readers and tests alike; the header and the fixed columns
// stay in place as the body scrolls (CSS sticky).
import { Empty, Spin } from 'antd';
import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';

export interface LeanColumn<T> {
  key: string;
  title: ReactNode;
  /** Pixels: a column never shrinks or wraps; a long text is cut (the column's render adds a tooltip). */
  width: number;
  render: (row: T) => ReactNode;
  align?: 'right';
  /** Kept in view at that edge while the table scrolls sideways. */
  fixed?: 'left' | 'right';
}

interface Props<T> {
  columns: readonly LeanColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** The body's height in pixels; the rows scroll inside it. */
  height: number;
  loading: boolean;
  label: string;
}

/** A row's height: antd's small table (8 px padding, 22 px line, 1 px border). */
export const ROW_HEIGHT = 39;
/** Rows rendered beyond each edge of the view, so a scroll shows rows before React renders the next ones. */
const OVERSCAN = 6;

/** Each column's sticky offset: the widths of the fixed columns before it (left) or after it (right). */
function stickyStyles<T>(columns: readonly LeanColumn<T>[]): CSSProperties[] {
  const styles: CSSProperties[] = columns.map((c) => ({ width: c.width, textAlign: c.align }));
  let left = 0;
  columns.forEach((c, i) => {
    if (c.fixed !== 'left') return;
    styles[i] = { ...styles[i], position: 'sticky', left, zIndex: 1 };
    left += c.width;
  });
  let right = 0;
  for (let i = columns.length - 1; i >= 0; i--) {
    if (columns[i]!.fixed !== 'right') continue;
    styles[i] = { ...styles[i], position: 'sticky', right, zIndex: 1 };
    right += columns[i]!.width;
  }
  return styles;
}

export function LeanTable<T>({ columns, rows, rowKey, height, loading, label }: Props<T>) {
  const box = useRef<HTMLDivElement>(null);
  const width = columns.reduce((sum, c) => sum + c.width, 0);
  // The scroll position as the last scroll event gave it: reading it from the box would force a layout.
  const [top, setTop] = useState(0);
  const scrolled = useRef(0);
  // A new page of rows starts at its top, as antd's table does.
  useEffect(() => {
    if (scrolled.current > 0 && box.current) box.current.scrollTop = 0;
  }, [rows]);
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
  const styles = stickyStyles(columns);
  const fixedClass = (i: number) => (columns[i]!.fixed ? ` lean-fixed-${columns[i]!.fixed}` : '');
  return (
    <Spin spinning={loading}>
      <div
        ref={box}
        className="lean-table"
        style={{ maxHeight: height + ROW_HEIGHT }}
        role="table"
        aria-label={label}
        aria-rowcount={rows.length + 1}
        onScroll={(e) => setTop((scrolled.current = e.currentTarget.scrollTop))}
      >
        <div style={{ width, minWidth: '100%' }}>
          <div role="row" aria-rowindex={1} className="lean-row lean-head">
            {columns.map((c, i) => (
              <div role="columnheader" key={c.key} className={`lean-cell${fixedClass(i)}`} style={styles[i]}>{c.title}</div>
            ))}
          </div>
          {rows.length === 0 && !loading ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            // The rows in view lie in the normal flow below a padding as tall as the rows before them: a row
            // placed on its own (a transform each) is a layer of its own to lay out, composite and paint.
            <div style={{ height: rows.length * ROW_HEIGHT, paddingTop: first * ROW_HEIGHT, boxSizing: 'border-box' }}>
              {rows.slice(first, last).map((row, n) => {
                const index = first + n;
                return (
                  <div role="row" aria-rowindex={index + 2} key={rowKey(row)} className="lean-row lean-body-row">
                    {columns.map((c, i) => (
                      <div role="cell" key={c.key} className={`lean-cell${fixedClass(i)}`} style={styles[i]}>{c.render(row)}</div>
                    ))}
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </div>
    </Spin>
  );
}
