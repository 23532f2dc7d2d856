// One tooltip for all the cut texts of a page (long names and addresses in tables): a page of rows holds a
// hundred such cells, and a hundred antd Tooltips made up front cost more than the rest of the table's render.
// The cells are plain spans that never change as the pointer comes: a tooltip made on hover around the cell
// itself replaced its element, and a click pressed before and released after was lost (a link, a row to open).
import { Tooltip } from 'antd';
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';

type Show = (text: string | null, over?: HTMLElement) => void;

const TipContext = createContext<Show>(() => undefined);

interface Tip {
  text: string;
  rect: DOMRect;
}

/** Holds the page's one tooltip, drawn over the cell the pointer is on; a scroll puts it away. */
export function HoverTipHost({ children }: { children: ReactNode }) {
  const [tip, setTip] = useState<Tip | null>(null);
  const show = useCallback<Show>((text, over) => setTip(text && over ? { text, rect: over.getBoundingClientRect() } : null), []);
  useEffect(() => {
    if (!tip) return;
    const hide = () => setTip(null);
    window.addEventListener('scroll', hide, { capture: true, once: true });
    return () => window.removeEventListener('scroll', hide, { capture: true });
  }, [tip]);
  const { left, top, width, height } = tip?.rect ?? { left: 0, top: 0, width: 0, height: 0 };
  return (
    <TipContext.Provider value={show}>
      {children}
      {tip && (
        <Tooltip open placement="topLeft" title={tip.text}>
          {/* Where the cell is, letting every click through to it. */}
          <span aria-hidden style={{ position: 'fixed', left, top, width, height, pointerEvents: 'none' }} />
        </Tooltip>
      )}
    </TipContext.Provider>
  );
}

/** A text (or a link) whose whole text the page's tooltip shows while the pointer is over it. */
export function TipOnHover({ text, href, className }: { text: string; href?: string; className?: string }) {
  const show = useContext(TipContext);
  return (
    <span className={className} onMouseEnter={(e) => show(text, e.currentTarget)} onMouseLeave={() => show(null)}>
      {href ? <a href={href}>{text}</a> : text}
    </span>
  );
}
