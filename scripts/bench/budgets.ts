/**
 * Performance budgets, one row per measured thing. `npm run bench` measures each row it knows and fails
 * when a p95 is over its budget. Add a row here and a measurement in a module next to this file.
 */
export type Budget = { id: string; label: string; p95Ms: number };

export const budgets: Budget[] = [
  {
    id: "intake.finish.sequential",
    label: "Finish an intake (the case, argon2id included), one person after another",
    p95Ms: 150,
  },
  {
    id: "intake.finish.concurrent",
    label: 'Finish an intake, 4 people pressing "send" at the same moment',
    p95Ms: 150,
  },
];
