import { databaseAnswers } from "~/server/db.server";

/** For load balancers and uptime checks: 200 when the database answers, 503 when it does not. */
export function loader() {
  const ok = databaseAnswers();
  return new Response(JSON.stringify({ status: ok ? "ok" : "unavailable", database: ok }), {
    status: ok ? 200 : 503,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
  });
}
