/**
 * Address classification for the SSRF guard: every refused range, the IPv4-in-IPv6 forms an attacker would try,
 * and public addresses that must stay reachable.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { classifyIpAddress, describeIpAddressClass, type IpAddressClass } from "./ip-ranges.ts";

const CASES: readonly (readonly [string, IpAddressClass])[] = [
  ["8.8.8.8", "public"],
  ["1.1.1.1", "public"],
  ["172.32.0.1", "public"],
  ["100.128.0.1", "public"],
  ["2606:4700::1111", "public"],
  ["2a00:1450:4001:80b::200e", "public"],
  ["::ffff:8.8.8.8", "public"],
  ["64:ff9b::808:808", "public"],
  ["127.0.0.1", "loopback"],
  ["127.255.255.254", "loopback"],
  ["::1", "loopback"],
  ["0:0:0:0:0:0:0:1", "loopback"],
  ["0.0.0.0", "unspecified"],
  ["0.1.2.3", "unspecified"],
  ["::", "unspecified"],
  ["10.0.0.1", "private"],
  ["172.16.0.1", "private"],
  ["172.31.255.255", "private"],
  ["192.168.1.1", "private"],
  ["fc00::1", "private"],
  ["fd00:ec2::254", "private"],
  ["169.254.169.254", "link-local"],
  ["fe80::1", "link-local"],
  ["fe80::1%eth0", "link-local"],
  ["100.64.0.1", "carrier-grade NAT"],
  ["100.100.100.200", "carrier-grade NAT"],
  ["224.0.0.1", "multicast"],
  ["239.255.255.250", "multicast"],
  ["ff02::1", "multicast"],
  ["240.0.0.1", "reserved"],
  ["255.255.255.255", "reserved"],
  ["192.0.2.10", "reserved"],
  ["2001:db8::1", "reserved"],
  ["::ffff:127.0.0.1", "loopback"],
  ["::ffff:7f00:1", "loopback"],
  ["[::ffff:169.254.169.254]", "link-local"],
  ["::ffff:10.1.2.3", "private"],
  ["64:ff9b::7f00:1", "loopback"],
  ["2002:7f00:1::", "loopback"],
  ["2002:a00:1::1", "private"],
  ["::127.0.0.1", "reserved"],
  ["4000::1", "reserved"],
];

test("classifies public and non-public addresses", () => {
  for (const [address, expected] of CASES) {
    assert.equal(classifyIpAddress(address), expected, address);
  }
});

test("returns undefined for host names and malformed literals", () => {
  for (const text of ["localhost", "example.com", "1.2.3", "256.1.1.1", "::g", ""]) {
    assert.equal(classifyIpAddress(text), undefined, text);
  }
});

test("describes a class with the right article", () => {
  assert.equal(describeIpAddressClass("loopback"), "a loopback address");
  assert.equal(describeIpAddressClass("unspecified"), "an unspecified address");
});
