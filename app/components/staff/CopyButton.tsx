import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui";

/**
 * Copies a one-time link or the recovery codes to the clipboard. Only shown once JavaScript runs (the
 * clipboard needs it); without it the text stays on the page to select and copy by hand. The result is
 * said in a live region, so a screen reader hears it too.
 */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const { t } = useTranslation("staff");
  const [ready, setReady] = useState(false);
  const [result, setResult] = useState<"copied" | "failed" | null>(null);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <span className="copy-button">
      <Button
        type="button"
        variant="secondary"
        onPress={() => {
          navigator.clipboard.writeText(text).then(
            () => setResult("copied"),
            () => setResult("failed"),
          );
        }}
      >
        {label ?? t("copy.copy")}
      </Button>{" "}
      <span role="status" className="copy-button__result">
        {result ? t(`copy.${result}`) : null}
      </span>
    </span>
  );
}
