/**
 * The Nu HTML Checker (vnu-jar from node_modules, on the machine's Java) for the browser tests (issue 15).
 * Starting the checker is a JVM start (seconds), checking a page takes milliseconds: a test collects the
 * HTML of all its page states in a batch and checks them in one java run at the end.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page, Response } from "@playwright/test";

const vnu = path.resolve("node_modules/vnu-jar/build/dist/vnu.jar");

type VnuMessage = { type: string; url: string; message: string; lastLine?: number; extract?: string };

export class NuBatch {
  private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "ap-vnu-"));
  private readonly names = new Map<string, string>();

  /** Adds one document under a name that says which page state it is. */
  add(name: string, html: string) {
    const file = path.join(this.dir, `${this.names.size}.html`);
    fs.writeFileSync(file, html);
    this.names.set(`file:${file}`, name);
  }

  get size() {
    return this.names.size;
  }

  /** The checker's errors, one line each: "name:line: message [extract]". Empty when the HTML is valid. */
  async errors(): Promise<string[]> {
    const out = await new Promise<string>((resolve, reject) => {
      execFile(
        "java",
        ["-Xss4m", "-jar", vnu, "--errors-only", "--format", "json", this.dir],
        { encoding: "utf8", timeout: 180_000, maxBuffer: 64 * 1024 * 1024 },
        (error, _stdout, stderr) => {
          // vnu exits 1 when it finds errors; the JSON report is on stderr either way.
          if (stderr.trim().startsWith("{")) resolve(stderr);
          else if (error) reject(error);
          else resolve("");
        },
      );
    });
    fs.rmSync(this.dir, { recursive: true, force: true });
    const messages = out ? (JSON.parse(out) as { messages: VnuMessage[] }).messages : [];
    return messages
      .filter((m) => m.type === "error")
      .map(
        (m) => `${this.names.get(m.url) ?? m.url}:${m.lastLine ?? "?"}: ${m.message} [${m.extract ?? ""}]`,
      );
  }
}

/**
 * Keeps the last document the server sent the page's main frame (not a redirect): its body is the HTML as
 * the server sent it, before any script ran and before the browser's parser repaired anything, which
 * `page.content()` (the DOM, serialised again) would hide.
 */
export function recordDocuments(page: Page): () => Response | undefined {
  let last: Response | undefined;
  page.on("response", (response) => {
    const request = response.request();
    if (request.resourceType() !== "document" || response.frame() !== page.mainFrame()) return;
    if (response.status() >= 300 && response.status() < 400) return;
    last = response;
  });
  return () => last;
}
