import { useList } from "~/components/layout/Prose";

/** A bulleted list from an array in locales/<lng>/intake.json. */
export function List({ k }: { k: string }) {
  return (
    <ul>
      {useList(k, "intake").map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
