/**
 * Rate limits tell clients apart by a keyed hash of their address, never the address itself. The key is
 * derived from SESSION_SECRET, so the same client gets the same key after a restart (the counters live in
 * the database) and nobody without the secret can test a guessed address against a stored key.
 */
import crypto from "node:crypto";
import net from "node:net";

/** The HMAC key for client keys: HKDF-SHA256 of the session secret with a label of its own. */
export function clientKeySecret(sessionSecret: Buffer): Buffer {
  return Buffer.from(
    crypto.hkdfSync("sha256", sessionSecret, Buffer.alloc(0), "aanspreekpunt client key v1", 32),
  );
}

/** The eight 16-bit groups of a valid IPv6 address (zone removed), or null. */
function ipv6Groups(address: string): number[] | null {
  const plain = address.split("%")[0]!;
  if (!net.isIPv6(plain)) return null;
  let text = plain;
  // An IPv4 tail (::ffff:192.0.2.1) becomes two groups.
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail.slice(1).map(Number) as [number, number, number, number];
    text = text.slice(0, tail.index) + ((a << 8) | b).toString(16) + ":" + ((c << 8) | d).toString(16);
  }
  const [head, rest] = text.split("::") as [string, string | undefined];
  const part = (s: string | undefined) => (s ? s.split(":").map((g) => parseInt(g, 16)) : []);
  const left = part(head);
  const right = part(rest);
  const zeros = rest === undefined ? [] : Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...zeros, ...right];
}

/**
 * Who a rate limit counts as one client: an IPv4 address as is (also when it arrives IPv4-mapped, as
 * ::ffff:a.b.c.d from a dual-stack socket), an IPv6 client by its /64, since one subscriber usually gets
 * a whole /64 and could otherwise take a fresh address for every try.
 */
export function clientBucket(address: string): string {
  if (net.isIPv4(address)) return address;
  const groups = ipv6Groups(address);
  if (!groups) return `other:${address}`;
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [hi, lo] = [groups[6]!, groups[7]!];
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}

/** A function from a client address to its rate-limit key (base64url HMAC-SHA256 of its bucket). */
export function clientKeyer(sessionSecret: Buffer): (address: string | undefined) => string {
  const secret = clientKeySecret(sessionSecret);
  return (address) =>
    crypto
      .createHmac("sha256", secret)
      .update(clientBucket(address ?? ""))
      .digest("base64url");
}
