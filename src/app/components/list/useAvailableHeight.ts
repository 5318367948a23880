import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The height left in the window below an element, so a list fills the tab without the page
 * itself scrolling: the table scrolls inside, the toolbar stays in view.
 */
export function useAvailableHeight(ref: RefObject<HTMLElement | null>, reserve: number, minimum = 240) {
  const [height, setHeight] = useState(minimum);
  useLayoutEffect(() => {
    const measure = () => {
      const element = ref.current;
      // A tab that is not shown has no box; keep the last height for when it comes back.
      if (!element || element.offsetParent === null) return;
      const top = element.getBoundingClientRect().top;
      setHeight(Math.max(minimum, Math.floor(window.innerHeight - top - reserve)));
    };
    measure();
    const observer = new ResizeObserver(measure);
    if (ref.current) observer.observe(ref.current);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [ref, reserve, minimum]);
  return height;
}
