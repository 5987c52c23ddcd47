import { useTranslation } from "react-i18next";

/** Paragraphs or list items stored as an array in a locale file. */
export function useList(key: string, ns = "pages", values?: Record<string, string | number>): string[] {
  const { t } = useTranslation(ns);
  const value = t(key, { returnObjects: true, ...values }) as unknown;
  return Array.isArray(value) ? (value as string[]) : [];
}

export function Paragraphs({ k, ns }: { k: string; ns?: string }) {
  return (
    <>
      {useList(k, ns).map((p) => (
        <p key={p}>{p}</p>
      ))}
    </>
  );
}

export function Bullets({
  k,
  ns,
  values,
}: {
  k: string;
  ns?: string;
  values?: Record<string, string | number>;
}) {
  return (
    <ul>
      {useList(k, ns, values).map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}
