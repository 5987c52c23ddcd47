import { describe, expect, it } from "vitest";
import { clientBucket, clientKeyer } from "./client-key.server";

const secret = Buffer.alloc(32, 1);

describe("clientBucket", () => {
  it("keeps an IPv4 address as it is", () => {
    expect(clientBucket("192.0.2.17")).toBe("192.0.2.17");
  });

  it("reads an IPv4-mapped IPv6 address as the IPv4 address, in either notation", () => {
    expect(clientBucket("::ffff:192.0.2.17")).toBe("192.0.2.17");
    expect(clientBucket("::FFFF:c000:0211")).toBe("192.0.2.17");
    expect(clientBucket("0:0:0:0:0:ffff:127.0.0.2")).toBe("127.0.0.2");
  });

  it("counts an IPv6 client by its /64, however the address is written", () => {
    const a = clientBucket("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
    expect(a).toBe("2001:db8:1:2::/64");
    expect(clientBucket("2001:0db8:0001:0002::1")).toBe(a);
    expect(clientBucket("2001:DB8:1:2::ffff%eth0")).toBe(a);
    expect(clientBucket("2001:db8:1:3::1")).not.toBe(a);
    expect(clientBucket("::1")).toBe("0:0:0:0::/64");
    expect(clientBucket("fe80::1:2:3:4")).toBe("fe80:0:0:0::/64");
  });

  it("keeps anything that is not an address apart from every address", () => {
    expect(clientBucket("")).toBe("other:");
    expect(clientBucket("192.0.2.17, 10.0.0.1")).toBe("other:192.0.2.17, 10.0.0.1");
  });
});

describe("clientKeyer", () => {
  it("gives the same key for the same client after a restart (same secret), another with another secret", () => {
    const before = clientKeyer(secret)("198.51.100.7");
    expect(clientKeyer(secret)("198.51.100.7")).toBe(before);
    expect(clientKeyer(Buffer.alloc(32, 2))("198.51.100.7")).not.toBe(before);
  });

  it("never contains the address, and is not a plain hash of it", () => {
    const key = clientKeyer(secret)("198.51.100.7");
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(key).not.toContain("198");
  });

  it("one key per IPv4 client, one per IPv6 /64, and a mapped address is its IPv4 client", () => {
    const key = clientKeyer(secret);
    expect(key("127.0.0.1")).not.toBe(key("127.0.0.2"));
    expect(key("::ffff:127.0.0.2")).toBe(key("127.0.0.2"));
    expect(key("2001:db8::1")).toBe(key("2001:db8::2"));
    expect(key("2001:db8:0:1::1")).not.toBe(key("2001:db8::1"));
  });

  it("a spoofed forwarding list is not an address: it cannot land in a real client's bucket", () => {
    const key = clientKeyer(secret);
    expect(key("127.0.0.2, 127.0.0.1")).not.toBe(key("127.0.0.2"));
    expect(key(undefined)).toBe(key(""));
  });
});
