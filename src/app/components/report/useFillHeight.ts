import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The height left in the window below an element, so the report's table ends at the window's bottom
 * edge. Unlike a list's, a report's top moves: its heading and notices arrive with its data, and its
 * filter bar may wrap. The page around the element is watched, so any of those moves measures again.
 */
export function useFillHeight(ref: RefObject<HTMLElement | null>, reserve: number, minimum = 240): number {
  const [height, setHeight] = useState(minimum);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      // A tab that is not shown has no box; keep the last height for when it comes back.
      if (element.offsetParent === null) return;
      const top = element.getBoundingClientRect().top;
      setHeight(Math.max(minimum, Math.floor(window.innerHeight - top - reserve)));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element.parentElement ?? element);
    window.addEventListener('resize', measure);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [ref, reserve, minimum]);
  return height;
}
