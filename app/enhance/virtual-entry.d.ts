declare module "virtual:enhance-entry" {
  /** The address of the enhancement script of pages that do not hydrate (scripts/vite/enhance-entry.ts). */
  const src: string;
  export default src;
}
