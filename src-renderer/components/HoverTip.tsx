// One tooltip for all the cut texts of a page (long names and addresses in tables): a page of rows holds a
// hundred such cells, and a hundred antd Tooltips made up front cost more than the rest of the table's render.
// The cells are plain spans that never change as the pointer comes: a tooltip made on hover around the cell
// itself replaced its element, and a click pressed before and released after was lost (a link, a row to open).
import { Tooltip } from 'antd';
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

interface Tips {
  show(text: string, over: HTMLElement): void;
  /** Puts the tooltip away if it is over this element (or whichever, without one). */
  hide(over?: HTMLElement): void;
}

const TipContext = createContext<Tips>({ show: () => undefined, hide: () => undefined });

interface Tip {
  text: string;
  over: HTMLElement;
  rect: DOMRect;
}

/** The box that cuts a text: the cut span itself, or the table cell holding it. */
const cutter = (el: HTMLElement) => el.closest<HTMLElement>('.lean-cut, .lean-cell') ?? el;

/** Holds the page's one tooltip, drawn over the cell the pointer is on; a scroll puts it away. */
export function HoverTipHost({ children }: { children: ReactNode }) {
  const [tip, setTip] = useState<Tip | null>(null);
  const show = useCallback((text: string, over: HTMLElement) => {
    const box = cutter(over);
    // Only a text cut short: the whole of it is already on screen otherwise.
    if (box.scrollWidth > box.clientWidth) setTip({ text, over, rect: box.getBoundingClientRect() });
  }, []);
  const hide = useCallback((over?: HTMLElement) => setTip((t) => (!over || t?.over === over ? null : t)), []);
  const [tips] = useState<Tips>(() => ({ show, hide }));
  useEffect(() => {
    if (!tip) return;
    const away = () => setTip(null);
    window.addEventListener('scroll', away, { capture: true, once: true });
    return () => window.removeEventListener('scroll', away, { capture: true });
  }, [tip]);
  const { left, top, width, height } = tip?.rect ?? { left: 0, top: 0, width: 0, height: 0 };
  return (
    <TipContext.Provider value={tips}>
      {children}
      {tip && (
        // Keyed by place: moving straight from one cell to the next draws it anew where the pointer is.
        <Tooltip key={`${left},${top}`} open placement="topLeft" title={tip.text}>
          {/* Where the cell is, letting every click through to it. */}
          <span aria-hidden style={{ position: 'fixed', left, top, width, height, pointerEvents: 'none' }} />
        </Tooltip>
      )}
    </TipContext.Provider>
  );
}

/** A text (or a link) whose whole text the page's tooltip shows while the pointer is over it, if it is cut. */
export function TipOnHover({ text, href, className }: { text: string; href?: string; className?: string }) {
  const { show, hide } = useContext(TipContext);
  const ref = useRef<HTMLSpanElement>(null);
  // A cell gone from under a resting pointer (a search typed, a page turned) takes its tooltip with it.
  useEffect(() => {
    const el = ref.current;
    return () => {
      if (el) hide(el);
    };
  }, [hide]);
  return (
    <span ref={ref} className={className} onMouseEnter={(e) => show(text, e.currentTarget)} onMouseLeave={(e) => hide(e.currentTarget)}>
      {href ? <a href={href}>{text}</a> : text}
    </span>
  );
}
