import { useTranslation } from "react-i18next";

/** Paragraphs or list items stored as an array in a locale file. */
export function useList(key: string, ns = "pages"): string[] {
  const { t } = useTranslation(ns);
  const value = t(key, { returnObjects: true }) as unknown;
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

export function Bullets({ k, ns }: { k: string; ns?: string }) {
  return (
    <ul>
      {useList(k, ns).map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}
