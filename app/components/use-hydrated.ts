import { useEffect, useState } from "react";

let hydrated = false;

/** false during server rendering and the hydration pass, true after: lets a widget enhance a plain control. */
export function useHydrated() {
  const [isHydrated, setHydrated] = useState(hydrated);
  useEffect(() => {
    hydrated = true;
    setHydrated(true);
  }, []);
  return isHydrated;
}
