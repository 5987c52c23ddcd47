import type { TFunction } from "i18next";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";

const MAX_ENTRIES = 5000;
const caches = new Map<string, Map<string, string>>();

/**
 * The staff namespace's t, remembering what it answered: a queue page asks for the same few labels
 * hundreds of times, and i18next's lookup is not free. The texts never change while the server runs, so
 * the memory is per language and shared between requests (and emptied when it grows large, as counts and
 * names make many variants).
 */
export function useCachedT(): TFunction {
  const { t, i18n } = useTranslation("staff");
  const lng = i18n.language;
  return useMemo(() => {
    let cache = caches.get(lng);
    if (!cache) caches.set(lng, (cache = new Map()));
    const memo = cache;
    const cached = (key: string | string[], opts?: Record<string, unknown>) => {
      const id = opts ? `${String(key)}\u0000${JSON.stringify(opts)}` : String(key);
      let value = memo.get(id);
      if (value === undefined) {
        value = String(opts ? t(key, opts) : t(key));
        if (memo.size >= MAX_ENTRIES) memo.clear();
        memo.set(id, value);
      }
      return value;
    };
    return cached as unknown as TFunction;
  }, [t, lng]);
}
