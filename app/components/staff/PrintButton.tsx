import { useEffect, useState } from "react";
import { Button } from "~/components/ui";

/** Opens the browser's print dialog; only shown once JavaScript runs (without it, the browser's menu prints). */
export function PrintButton({ label }: { label: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <Button type="button" variant="secondary" onPress={() => window.print()}>
      {label}
    </Button>
  );
}
